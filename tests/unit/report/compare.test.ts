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
    expect(c.rows[0]!.text).toBe('Sentence rhythm : Écrit est plus prévisible (95\u00A0%) que Devoir (30\u00A0%).');
    expect(c.overall).toMatch(/^Combiné : Écrit est plus prévisible/);
  });

  it('in French, "que" is elided before a name that starts with a vowel (the default names: "Écrit antérieur")', () => {
    const c = compareReports(b, a, ['Écrit antérieur', 'Devoir rendu'], 'fr');
    expect(c.rows[0]!.text).toBe("Sentence rhythm : Devoir rendu est plus prévisible (95\u00A0%) qu'Écrit antérieur (30\u00A0%).");
    const d = compareReports(a, b, ['Écrit antérieur', 'Devoir rendu'], 'fr');
    expect(d.rows[0]!.text).toBe('Sentence rhythm : Écrit antérieur est plus prévisible (95\u00A0%) que Devoir rendu (30\u00A0%).');
    expect(compareReports(b, a, ['Earlier', 'Submission'], 'en').rows[0]!.text).toBe('Sentence rhythm: Submission is more predictable (95%) than Earlier (30%).');
  });

  it('says when a combined comparison is impossible', () => {
    const c = compareReports(a, { ...b, score: null, status: 'too-short' }, ['A', 'B'], 'en');
    expect(c.overall).toMatch(/B could not be scored/);
  });

  // Issue 10, item 4: "Combined: about the same for both (95%, 99%)" when only one is worth a closer look.
  it('never calls two texts "about the same" across the flag line', () => {
    const x = fakeReport('X. Y.', { score: 0.95, flag: false });
    const y = fakeReport('X. Y.', { score: 0.99, flag: true });
    expect(compareReports(x, y, ['Earlier', 'Submission'], 'en').overall).toBe('Combined: Submission (99%) is worth a closer look at the default threshold; Earlier (95%) is not.');
    expect(compareReports(y, x, ['Écrit', 'Devoir'], 'fr').overall).toBe("Combiné : Écrit (99\u00A0%) mérite d'être relu de plus près au seuil par défaut ; Devoir (95\u00A0%) non.");
    expect(compareReports(x, { ...y, flag: false }, ['A', 'B'], 'en').overall).toBe('Combined: about the same for both (A 95%, B 99%).');
  });

  it('nor across the agreement point of a signal', () => {
    const x = fakeReport('X. Y.');
    const y = fakeReport('X. Y.', { signals: [{ ...x.signals[0]!, percentile: 0.85, agrees: false }, ...x.signals.slice(1)] });
    expect(compareReports(x, y, ['A', 'B'], 'en').rows[0]!.text).toBe('Sentence rhythm: A (95%) is beyond what is usual in human writing; B (85%) is not.');
  });
});
