// The shipped style tables are what `npm run build:style` makes from the data: re-running the builder on the same
// data gives the same bytes as the committed assets (determinism), and the tables hold derived figures only. Needs
// ../shared/data; skips cleanly without it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { trainingDataAvailable } from '@/src/eval/train/labelled';
import { buildStyleTables } from '@/src/eval/train/style-tables';

const assets = fileURLToPath(new URL('../../../../assets/', import.meta.url));
const NAMES = ['style-lr-en.json', 'style-lr-fr.json', 'style-profile-en.json', 'style-profile-fr.json'];
/** Every table `npm run build:style` writes: the style tables and word-predictability's French successor table. */
const BUILT = [...NAMES, 'lm-fr-next.json'];

describe.skipIf(!trainingDataAvailable())('npm run build:style', () => {
  it('rebuilds the committed tables byte for byte', { timeout: 180_000 }, () => {
    const built = buildStyleTables();
    expect(Object.keys(built).sort()).toEqual([...BUILT].sort());
    for (const name of BUILT) expect(built[name], name).toBe(readFileSync(assets + name, 'utf8'));
  });
});

describe('the committed French successor table (word-predictability)', () => {
  it('names its sources, licences, generation and configuration, and holds numbers only (no word, no text)', () => {
    const t = JSON.parse(readFileSync(assets + 'lm-fr-next.json', 'utf8')) as Record<string, unknown>;
    expect(t.source).toMatch(/Derived figures only.*French human texts.*No text is included/);
    expect(t.licence).toMatch(/Mirage Lens/);
    expect(t.generated).toMatch(/build-style.*sha256/);
    expect(t.config).toBeTypeOf('object');
    // trained on human texts only
    for (const counts of Object.values(t.trainedOn as Record<string, Record<string, number>>)) expect(Object.keys(counts)).toEqual(['human']);
    const flat = JSON.stringify([t.next, t.expect]);
    expect(flat).toMatch(/^[\d.,[\]]+$/);
  });
});

describe('the committed style tables', () => {
  it.each(NAMES)('%s names its source, licence, generation and configuration, and holds no text', (name) => {
    const t = JSON.parse(readFileSync(assets + name, 'utf8')) as Record<string, unknown>;
    expect(t.source).toMatch(/Derived figures only/);
    expect(t.licence).toMatch(/Mirage Lens/);
    expect(t.generated).toMatch(/build-style.*sha256/);
    expect(t.config).toBeTypeOf('object');
    // every string inside the model is a single token (a word, a mark or a feature name), never a phrase
    const strings: string[] = [];
    const walk = (v: unknown): void => {
      if (typeof v === 'string') strings.push(v);
      else if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    for (const key of ['tokens', 'vocab', 'names']) walk(t[key]);
    expect(strings.length).toBeGreaterThan(40);
    for (const s of strings) expect(s).not.toMatch(/\s/);
  });
});
