import { describe, expect, it } from 'vitest';
import { compareReports } from '@/src/report/compare';
import { fakeReport } from './fixture';

const a = fakeReport('A text. Another.');
const b = fakeReport('B text. Another.', {
  score: 0.4,
  signals: [
    { ...a.signals[0]!, percentile: 0.3 }, // burstiness 0.95 -> 0.30: A more predictable
    { ...a.signals[1]!, percentile: 0.99 }, // formulaic 0.91 -> 0.99: about the same (< 15 points)
    { ...a.signals[2]!, status: 'abstained', percentile: undefined, reason: 'too short' },
    { ...a.signals[3]!, status: 'ok', percentile: 0.5 }, // repetition: only B measured
  ],
});

describe('compareReports', () => {
  it('one row per signal with both positions and what differs, in words', () => {
    const c = compareReports(a, b, ['Earlier', 'Submission'], 'en');
    expect(c.rows.map((r) => [r.id, r.a, r.b])).toEqual([
      ['burstiness', 0.95, 0.3],
      ['formulaic', 0.91, 0.99],
      ['lexical-diversity', 0.4, undefined],
      ['repetition', undefined, 0.5],
    ]);
    expect(c.rows[0]!.text).toBe('Sentence rhythm: Earlier is more predictable (95%) than Submission (30%).');
    expect(c.rows[1]!.text).toBe('Stock phrases: about the same for both (Earlier 91%, Submission 99%).');
    expect(c.rows[2]!.text).toBe('Vocabulary: measured only for Earlier (40%); Submission said nothing.');
    expect(c.rows[3]!.text).toBe('Repetition: measured only for Submission (50%); Earlier said nothing.');
    expect(c.overall).toBe('Combined: Earlier is more predictable (93%) than Submission (40%).');
  });

  it('in French', () => {
    const c = compareReports(a, b, ['Écrit', 'Devoir'], 'fr');
    expect(c.rows[0]!.text).toBe('Sentence rhythm : Écrit est plus prévisible (95 %) que Devoir (30 %).');
    expect(c.overall).toMatch(/^Combiné : Écrit est plus prévisible/);
  });

  it('says when a combined comparison is impossible', () => {
    const c = compareReports(a, { ...b, score: null, status: 'too-short' }, ['A', 'B'], 'en');
    expect(c.overall).toMatch(/B could not be scored/);
  });
});
