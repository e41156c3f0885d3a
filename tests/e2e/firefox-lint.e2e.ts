/**
 * `web-ext lint` (Mozilla's add-ons linter) on the shipped Firefox build (.output/firefox-mv2, made by
 * `npm run test:e2e` before the suite runs): no error, and only the warnings we know and have checked.
 * Known warnings: Readability assigns innerHTML on its detached clone of the page (readability.js, injected on demand), and the
 * libraries behind mammoth (.docx reading, loaded only in the file worker) contain `Function(...)` on paths that
 * never run in extension pages (underscore's global lookup, the setImmediate polyfill's string callbacks).
 * pdf.js (loaded only in the file worker, when a PDF arrives): `Function('')` probing whether eval is allowed (it is
 * not: caught), PostScript functions compiled only when `isEvalSupported` (passed false), and `import()` of a
 * variable for its own worker code (never reached: the worker code is handed over in `globalThis.pdfjsWorker`) and
 * for a JPEG 2000 decoder fallback (image decoding; text extraction never decodes images). See src/pages/files/pdf.ts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const build = `${root}.output/firefox-mv2`;
const KNOWN: Record<string, RegExp> = {
  UNSAFE_VAR_ASSIGNMENT: /^(readability\.js|assets\/pdf(\.worker)?-[\w-]+\.js)$/,
  DANGEROUS_EVAL: /^assets\/(lib|pdf|pdf\.worker)-[\w-]+\.js$/,
};

describe('Firefox build passes web-ext lint', () => {
  it.skipIf(!existsSync(`${build}/manifest.json`))('no error; only known, checked warnings', () => {
    const r = spawnSync(process.execPath, [`${root}node_modules/web-ext/bin/web-ext.js`, 'lint', '--source-dir', build, '--output=json', '--no-input'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, WEB_EXT_NO_UPDATE_CHECK: '1' },
      timeout: 120_000,
    });
    const report = JSON.parse(r.stdout) as { summary: { errors: number }; errors: unknown[]; warnings: { code: string; file: string }[] };
    expect(report.errors).toEqual([]);
    expect(report.summary.errors).toBe(0);
    for (const w of report.warnings) {
      expect(Object.keys(KNOWN), `unexpected warning ${w.code} in ${w.file}`).toContain(w.code);
      expect(w.file).toMatch(KNOWN[w.code]!);
    }
  }, 150_000);
});
