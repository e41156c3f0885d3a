// The evaluation on the real data sets beside the repository (../shared/data). Skips cleanly where they are absent
// (a user's clone). Measures are cached under .cache/eval/ after the first run; a cold run fits the trained signals
// (about a minute).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataAvailable, loadRows } from '@/src/eval/dataset';
import { fitEngine } from '@/src/eval/fit-engine';
import { withSignals } from '@/src/eval/rows';
import { MIN_WORDS } from '@/src/engine/score/constants';
import type { Reference } from '@/src/engine/score/reference';

const available = dataAvailable();

describe.skipIf(!available)('the evaluation data and the shipped reference', () => {
  const data = available ? loadRows() : undefined;

  it('reads eleven sources: the dev sets, the developers\' reference texts (machine) and Brown chunks (human)', () => {
    const rows = data!.rows;
    expect([...new Set(rows.map((r) => r.item.source))].sort()).toEqual(['assistant2026', 'brown', 'cdb', 'dissertation', 'ellipse', 'eltec', 'fastdetect', 'iu', 'l2r', 'm4', 'orangesum']);
    const refs = rows.filter((r) => r.item.source === 'assistant2026');
    expect(refs).toHaveLength(340);
    expect(refs.every((r) => r.item.label === 'machine')).toBe(true);
    const brown = rows.filter((r) => r.item.source === 'brown');
    expect(new Set(brown.map((r) => r.item.domain)).size).toBe(15);
    expect(brown.every((r) => r.item.label === 'human')).toBe(true);
  });

  it('assets/reference.json is exactly what `npm run calibrate` fits on them (but its date)', () => {
    const shipped = JSON.parse(readFileSync(resolve(__dirname, '../../../assets/reference.json'), 'utf8')) as Reference;
    const rows = withSignals(data!.rows, data!.trainable.forFold(null));
    const fitted = fitEngine(rows, { gate: MIN_WORDS, describeSources: shipped.source }).reference;
    const { generated: _g, ...a } = JSON.parse(JSON.stringify(fitted)) as Reference;
    const { generated: _h, ...b } = shipped;
    expect(a).toEqual(b);
  }, 600_000);

  it('the references are the human texts at or above the gate, one per text, and every kind has 25 or more', () => {
    const shipped = JSON.parse(readFileSync(resolve(__dirname, '../../../assets/reference.json'), 'utf8')) as Reference;
    for (const lang of ['en', 'fr'] as const) {
      const humans = data!.rows.filter((r) => r.item.lang === lang && r.item.label === 'human' && r.f.words >= MIN_WORDS);
      expect(shipped.langs[lang]!.texts).toBe(humans.length);
      expect(shipped.langs[lang]!.refs).toHaveLength(humans.length);
      for (const k of shipped.langs[lang]!.kinds) expect(k.n).toBeGreaterThanOrEqual(25);
    }
  });
});
