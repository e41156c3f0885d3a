/**
 * runs — cut a text into consecutive runs (between sentences, inside a sentence) carrying the sentence's level, so
 * that a page or the printable report can show sentence highlights without ever parsing the text as markup.
 *
 * `sentenceRuns(text, sentences)` returns runs that together give back `text` exactly (tested); sentences with
 * bad or overlapping offsets are skipped rather than trusted.
 * `textChunks(runs, size)` merges the unmarked runs that follow each other (one text node instead of one per
 * sentence) and cuts the result into chunks of about `size` characters, each ending after a line break where there
 * is one, so that a page can let the browser skip laying out the chunks off screen (a 750,000-word text was one
 * layout task of 2–3 s); the chunks together give back the runs' text exactly.
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

/** A chunk is cut only after a line break, unless it has grown to this many times `size` without one (a text of
 * one endless paragraph), when it is cut between runs. */
const FORCE_CUT = 4;

/** Unmarked runs merged, cut into chunks of about `size` characters (see the header). */
export function textChunks(runs: readonly Run[], size: number): Run[][] {
  const chunks: Run[][] = [];
  let chunk: Run[] = [];
  let length = 0;
  const close = () => {
    if (chunk.length) chunks.push(chunk);
    chunk = [];
    length = 0;
  };
  const add = (r: Run) => {
    const last = chunk[chunk.length - 1];
    if (!r.level && last && !last.level) chunk[chunk.length - 1] = { text: last.text + r.text, level: 0 };
    else chunk.push(r.level ? r : { text: r.text, level: 0 });
    length += r.text.length;
  };
  for (const r of runs) {
    if (!r.text) continue;
    if (length >= size && !r.level) {
      const nl = r.text.lastIndexOf('\n');
      if (nl >= 0) {
        add({ text: r.text.slice(0, nl + 1), level: 0 });
        close();
        if (nl + 1 < r.text.length) add({ text: r.text.slice(nl + 1), level: 0 });
        continue;
      }
      if (length >= FORCE_CUT * size) close();
    }
    add(r);
  }
  close();
  return chunks;
}
