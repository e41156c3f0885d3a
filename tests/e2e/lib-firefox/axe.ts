/**
 * axe (Firefox) — axe-core run inside a Firefox page over WebDriver BiDi, with the rules tests/e2e/axe.ts uses in
 * Chromium (WCAG 2.0/2.1 A and AA, and axe's best practices).
 * How: axe-core's source (node_modules/axe-core/axe.min.js) is evaluated in the page's realm with `script.evaluate`
 * (like the DevTools protocol in Chromium, BiDi is not bound by the extension pages' CSP: no script tag is added),
 * then `axe.run()`; its violations come back as JSON text.
 * API: `axeViolationsFirefox(bidi, context)` -> one line per violation: "rule (impact): selector, selector…".
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { AXE_TAGS } from '../axe';
import { evaluate, type BiDi } from './bidi';

const SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact?: string;
  nodes: { target: unknown[] }[];
}

export async function axeViolationsFirefox(bidi: BiDi, context: string, selector = 'html'): Promise<string[]> {
  const loaded = await evaluate<boolean>(bidi, context, `typeof window.axe === 'object'`);
  if (!loaded) await evaluate(bidi, context, `${SOURCE}\n;true`);
  const json = await evaluate<string>(bidi, context,
    `window.axe.run(${JSON.stringify(selector)}, { runOnly: { type: 'tag', values: ${JSON.stringify(AXE_TAGS)} }, resultTypes: ['violations'] })
      .then((r) => JSON.stringify(r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => ({ target: n.target })) }))))`);
  const violations = JSON.parse(json) as AxeViolation[];
  return violations.map((v) => `${v.id} (${v.impact ?? '?'}): ${v.nodes.map((n) => JSON.stringify(n.target)).slice(0, 5).join(', ')}${v.nodes.length > 5 ? ` (+${v.nodes.length - 5})` : ''}`);
}
