/**
 * The shipped build (.output/chrome-mv3, made by `npm run build`) keeps the file readers where they belong: pdf.js
 * and mammoth only in chunks the file worker imports on demand (`import()`), never in a page's scripts, and the
 * worker itself light. Skipped when the build is absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const build = fileURLToPath(new URL('../../.output/chrome-mv3', import.meta.url));
const files = (dir: string) => (existsSync(join(build, dir)) ? readdirSync(join(build, dir)).filter((f) => f.endsWith('.js')).map((f) => `${dir}/${f}`) : []);
const read = (f: string) => readFileSync(join(build, f), 'utf8');
// A sentence from each library's own code, present in its chunk whatever the minifier does.
const PDFJS = 'Invalid PDF structure';
const MAMMOTH = 'Could not find main document part';

describe.skipIf(!existsSync(join(build, 'manifest.json')))('file readers in the bundle', () => {
  it('no page script and no other worker holds pdf.js or mammoth', () => {
    const pageScripts = [...files('chunks'), ...files('content-scripts'), 'background.js', ...files('assets').filter((f) => /engine-worker/.test(f))];
    for (const f of pageScripts) {
      const code = read(f);
      expect(code.includes(PDFJS), f).toBe(false);
      expect(code.includes(MAMMOTH), f).toBe(false);
    }
  });

  it('the file worker imports pdf.js and mammoth on demand, from the extension\'s own files', () => {
    const [worker] = files('assets').filter((f) => /\/file-worker-[\w-]+\.js$/.test(f));
    expect(worker).toBeDefined();
    const code = read(worker!);
    expect(code.includes(PDFJS) || code.includes(MAMMOTH)).toBe(false);
    const dynamic = [...code.matchAll(/import\(\s*[`'"]\.\/([\w.-]+\.js)[`'"]\s*\)/g)].map((m) => m[1]);
    const holders = files('assets').map((f) => f.slice('assets/'.length)).filter((f) => read(`assets/${f}`).includes(PDFJS) || read(`assets/${f}`).includes(MAMMOTH));
    expect(holders.length).toBeGreaterThanOrEqual(2);
    for (const h of holders) expect(dynamic, h).toContain(h);
    expect(code.length).toBeLessThan(150_000);
  });
});
