import type { ExplainedReport } from '@/src/engine';

/** A hand-made engine result in words (ExplainedReport, src/engine/types.ts), so report tests do not depend on the engine's figures. */
export function fakeReport(text: string, over: Partial<ExplainedReport> = {}): ExplainedReport {
  const first = text.indexOf('.') + 1;
  return {
    engine: '0.1.0-test',
    status: 'ok',
    lang: 'en',
    langName: 'English',
    ui: 'en',
    counts: { chars: text.length, words: 321, sentences: 2, paragraphs: 1 },
    score: 0.93,
    flag: true,
    threshold: 0.9,
    comparison: { kinds: [{ id: 'ellipse:learner_essay_en', texts: 198, percentile: 0.93, beyond: false }, { id: 'brown:learned', texts: 40, percentile: 0.97, beyond: false }], texts: 238, beyond: false },
    agreement: { agree: 2, measured: 3, abstained: 1 },
    minWords: 150,
    headline: 'More predictable than 93% of human reference texts · 2 of 3 signals agree',
    summary: 'Sentence lengths vary little. Several stock phrases.',
    signals: [
      { id: 'burstiness', title: 'Sentence rhythm', describe: 'How much sentence lengths vary.', status: 'ok', raw: 0.7, percentile: 0.95, agrees: true, weight: 1, evidence: 'Sentence lengths vary half as much as in typical human prose.' },
      { id: 'formulaic', title: 'Stock phrases', describe: 'Common set phrases.', status: 'ok', raw: 0.4, percentile: 0.91, agrees: true, weight: 1, evidence: 'Uses "<b>delve</b>" & "in conclusion".' },
      { id: 'lexical-diversity', title: 'Vocabulary', describe: 'Range of words.', status: 'ok', raw: 0.2, percentile: 0.4, agrees: false, weight: 1, evidence: 'Vocabulary as varied as most human writing.' },
      { id: 'repetition', title: 'Repetition', describe: 'Repeated patterns.', status: 'abstained', weight: 1, code: 'too-short', reason: 'too little text' },
    ],
    sentences: [
      { index: 0, start: 0, end: first, words: 5, score: 0.97, level: 2, reasons: [] },
      { index: 1, start: first + 1, end: text.length, words: 5, score: 0.2, level: 0, reasons: [] },
    ],
    caveats: ['Scores describe wording, not authorship.'],
    ms: 3,
    ...over,
  };
}
