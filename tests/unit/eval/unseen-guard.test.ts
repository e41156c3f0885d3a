// The never-seen machine texts (assets/reference-texts/unseen-2026/) are read by the never-seen check only: no loader
// of `npm run calibrate`, `npm run build:style` or the leave-one-source-out protocol may pick them up, and no other
// code may name the folder. If one of these fails, a fitting path reads texts that must stay unseen.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAll, readJsonl } from '@/src/eval/sources';
import { loadTrainingTexts, trainingDataAvailable } from '@/src/eval/train/labelled';
import { UNSEEN_DIR, unseenMachineFiles } from '@/src/eval/unseen';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'mirage-unseen-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const line = (id: string, text: string) => JSON.stringify({ id, lang: 'en', label: 'machine', source: 'x', domain: 'essay', text }) + '\n';

describe('the loaders of fitting and calibration', () => {
  it('read the reference folder\'s own files, never a folder inside it', () => {
    mkdirSync(join(tmp, 'refs', 'unseen-2026'), { recursive: true });
    writeFileSync(join(tmp, 'refs', 'seen.jsonl'), line('s1', 'A text the protocol may fit on.'));
    writeFileSync(join(tmp, 'refs', 'unseen-2026', 'unseen.jsonl'), line('u1', 'A text nothing may fit on.'));
    const { items } = loadAll({ refsDir: join(tmp, 'refs'), dataDir: join(tmp, 'no-data'), brown: false });
    expect(items.map((i) => i.text)).toEqual(['A text the protocol may fit on.']);
    expect(unseenMachineFiles(join(tmp, 'refs', 'unseen-2026')).map((f) => relative(tmp, f))).toEqual(['refs/unseen-2026/unseen.jsonl']);
  });

  const unseen = unseenMachineFiles().flatMap((f) => readJsonl(f).items.map((i) => i.text));

  it.skipIf(unseen.length === 0)('never return an unseen text: the protocol\'s and calibration\'s loadAll, build:style\'s training texts', () => {
    const set = new Set(unseen);
    expect(loadAll({ brown: false }).items.filter((i) => set.has(i.text)).map((i) => i.id)).toEqual([]);
    if (trainingDataAvailable()) expect(loadTrainingTexts().texts.filter((t) => set.has(t.text)).map((t) => t.id)).toEqual([]);
  });

  it('the unseen folder sits inside assets/reference-texts/, where a recursive loader would find it', () => {
    expect(relative(ROOT, UNSEEN_DIR)).toBe('assets/reference-texts/unseen-2026');
  });
});

describe('no other code names the unseen folder', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? files(p) : /\.(?:ts|mjs|js)$/.test(n) ? [p] : [];
    });
  const code = [...files(join(ROOT, 'src')), ...files(join(ROOT, 'scripts'))].map((f) => ({ f: relative(ROOT, f), s: readFileSync(f, 'utf8') }));

  it('only the never-seen check (src/eval/unseen.ts) and its command (scripts/eval.ts) name it', () => {
    expect(code.length).toBeGreaterThan(50);
    expect(code.filter((c) => c.s.includes('unseen-2026') || c.s.includes('UNSEEN_DIR')).map((c) => c.f).sort()).toEqual(['scripts/eval.ts', 'src/eval/unseen.ts']);
  });

  it('only the eval script imports the never-seen check, and no fitting module does', () => {
    expect(code.filter((c) => /from\s+['"][^'"]*eval\/unseen['"]|from\s+['"]\.\/unseen['"]/.test(c.s)).map((c) => c.f)).toEqual(['scripts/eval.ts']);
  });
});
