/**
 * The packed builds: one engine copy for the background, one for the engine worker of the extension pages, and
 * no engine table anywhere else (popup, side panel, options, analysis page, lab, content script, shared chunks).
 *
 * Markers are read from the shipped tables themselves (assets/reference.json, assets/lm-en.json, assets/lm-fr.json,
 * assets/lm-fr-next.json, assets/style-lr-{en,fr}.json, assets/style-profile-{en,fr}.json): a slice of each table's data that no code contains. The test also checks that the background and the worker DO
 * contain every marker, so it cannot pass because a marker went stale. Run after `npm run build` and
 * `npm run build:firefox` (npm run test:e2e does both).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './harness';

const table = (name: string) => JSON.parse(readFileSync(join(ROOT, 'assets', name), 'utf8')) as { source: string; vocab?: string };

/** Slices of the tables' data (plain ASCII, no quote, so they appear verbatim in any minified bundle). */
const MARKERS: Record<string, string> = {
  'reference.json': table('reference.json').source.slice(0, 60),
  'lm-en.json': table('lm-en.json').vocab!.slice(0, 60),
  'lm-fr.json': table('lm-fr.json').vocab!.slice(0, 40),
  'lm-fr-next.json': table('lm-fr-next.json').source.slice(0, 60),
  ...Object.fromEntries(['style-lr-en.json', 'style-lr-fr.json', 'style-profile-en.json', 'style-profile-fr.json'].map((name) => [name, styleMarker(name)])),
};

/** The part of a style table's `source` that names what it holds and its language ("(quantised ...) ... English"). */
function styleMarker(name: string): string {
  const s = table(name).source;
  return s.slice(s.indexOf('('), s.indexOf(' texts of'));
}

function scripts(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...scripts(p));
    else if (name.endsWith('.js')) out.push(p);
  }
  return out;
}

const isEngineHome = (file: string) => /(^|\/)background\.js$/.test(file) || /(^|\/)assets\/engine-worker-[\w-]+\.js$/.test(file);

describe.each([
  ['Chrome', '.output/chrome-mv3'],
  ['Firefox', '.output/firefox-mv2'],
])('%s build: the engine tables live in the background and the engine worker only', (_name, dir) => {
  const root = join(ROOT, dir);
  const present = existsSync(join(root, 'manifest.json'));

  it.skipIf(!present)('markers are real slices of the tables, free of quotes', () => {
    for (const [name, m] of Object.entries(MARKERS)) {
      expect(m.length, name).toBeGreaterThanOrEqual(40);
      expect(m, name).not.toMatch(/["'`\\]/);
    }
  });

  it.skipIf(!present)('the background and the engine worker each hold every table', () => {
    const homes = scripts(root).filter((f) => isEngineHome(relative(root, f)));
    expect(homes.map((f) => relative(root, f)).sort()).toEqual([expect.stringMatching(/^assets\/engine-worker-/), 'background.js']);
    for (const f of homes) {
      const js = readFileSync(f, 'utf8');
      for (const [name, m] of Object.entries(MARKERS)) expect(js.includes(m), `${name} in ${relative(root, f)}`).toBe(true);
    }
  });

  it.skipIf(!present)('no other chunk holds any table', () => {
    const others = scripts(root).filter((f) => !isEngineHome(relative(root, f)));
    expect(others.length).toBeGreaterThan(5);
    const found: string[] = [];
    for (const f of others) {
      const js = readFileSync(f, 'utf8');
      for (const [name, m] of Object.entries(MARKERS)) if (js.includes(m)) found.push(`${name} in ${relative(root, f)}`);
    }
    expect(found).toEqual([]);
  });
});
