/**
 * axe — accessibility checks of a page with axe-core (Deque's rules engine, the one browser DevTools and Lighthouse
 * build on), run inside the page through the DevTools protocol (page.evaluate is not bound by the extension pages'
 * CSP, so no script tag is added to them).
 * API: `axeViolations(page, context?)` -> one line per violation: "rule (impact): selector, selector…". The rules:
 * WCAG 2.0/2.1 A and AA, and axe's best practices.
 * Limits: a closed shadow root (the on-page legend) cannot be reached by any script: its checks are in
 * tests/unit/page/legend.test.ts and tests/e2e/ux.e2e.ts.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

interface AxeResult {
  violations: { id: string; impact?: string; nodes: { target: unknown[] }[] }[];
}

export async function axeViolations(page: Page, context = 'html'): Promise<string[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!loaded) await page.evaluate(SOURCE);
  const result = await page.evaluate(
    ([ctx, tags]) => (window as unknown as { axe: { run(c: string, o: object): Promise<unknown> } }).axe.run(ctx, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    [context, AXE_TAGS] as const,
  ) as AxeResult;
  return result.violations.map((v) => `${v.id} (${v.impact ?? '?'}): ${v.nodes.map((n) => JSON.stringify(n.target)).slice(0, 5).join(', ')}`);
}
