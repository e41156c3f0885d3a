/**
 * runs — cut a text into consecutive runs (between sentences, inside a sentence) carrying the sentence's level, so
 * that a page or the printable report can show sentence highlights without ever parsing the text as markup.
 *
 * `sentenceRuns(text, sentences)` returns runs that together give back `text` exactly (tested); sentences with
 * bad or overlapping offsets are skipped rather than trusted.
 */
export interface SentenceLike {
  index: number;
  start: number;
  end: number;
  level: 0 | 1 | 2 | 3;
}

export interface Run {
  text: string;
  /** 0 between sentences and for unmarked sentences. */
  level: 0 | 1 | 2 | 3;
  /** Sentence index, when the run is a sentence. */
  sentence?: number;
}

export function sentenceRuns(text: string, sentences: readonly SentenceLike[]): Run[] {
  const runs: Run[] = [];
  let at = 0;
  const sorted = [...sentences].sort((a, b) => a.start - b.start);
  for (const s of sorted) {
    if (s.start < at || s.end > text.length || s.end <= s.start) continue;
    if (s.start > at) runs.push({ text: text.slice(at, s.start), level: 0 });
    runs.push({ text: text.slice(s.start, s.end), level: s.level, sentence: s.index });
    at = s.end;
  }
  if (at < text.length) runs.push({ text: text.slice(at), level: 0 });
  return runs;
}
