/**
 * segment — paragraphs, sentences and words with offsets into the original string.
 *
 * Paragraphs are separated by blank lines (one or more empty lines). Sentences come from `Intl.Segmenter` (ICU
 * rules, in every target browser and Node), run paragraph by paragraph and in bounded chunks because Node 20's
 * segmenter is super-linear on long strings (../shared/TOOLCHAIN.md). Words come from one Unicode pattern (letters,
 * marks, digits, joined by inner apostrophes and hyphens); French elisions (l', qu', d'...) are split off as their
 * own word. All offsets index the string given, so `text.slice(start, end)` is what a user sees.
 * Limits: no special casing of abbreviations beyond ICU's; scripts without spaces (Chinese, Japanese) give one
 * "word" per run of letters, which is why they only get language-independent signals.
 */
import type { Span } from '../types';

/** ICU sentence segmentation is fast up to a few KB; longer paragraphs are cut at a sentence-like boundary. */
export const SEGMENT_CHUNK = 4000;

const BLANK_LINES = /\n[ ]*\n[\n ]*/g;

export function splitParagraphs(norm: string): Span[] {
  const spans: Span[] = [];
  let last = 0;
  for (const m of norm.matchAll(BLANK_LINES)) {
    pushTrimmed(norm, last, m.index, spans);
    last = m.index + m[0].length;
  }
  pushTrimmed(norm, last, norm.length, spans);
  return spans;
}

function pushTrimmed(s: string, start: number, end: number, out: Span[]): void {
  while (start < end && /\s/.test(s[start]!)) start++;
  while (end > start && /\s/.test(s[end - 1]!)) end--;
  if (end > start) out.push({ start, end });
}

const segmenters = new Map<string, Intl.Segmenter>();
function sentenceSegmenter(locale: string): Intl.Segmenter {
  let seg = segmenters.get(locale);
  if (!seg) {
    seg = new Intl.Segmenter(locale, { granularity: 'sentence' });
    segmenters.set(locale, seg);
  }
  return seg;
}

/** Sentences of the span [start, end) of `norm`, trimmed, in order. */
export function splitSentences(norm: string, start: number, end: number, locale = 'en'): Span[] {
  const out: Span[] = [];
  const seg = sentenceSegmenter(locale === 'und' ? 'en' : locale.length === 2 ? locale : 'en');
  let pos = start;
  let joinNext = false; // the previous chunk was cut inside a run of non-spaces: its last sentence goes on here
  while (pos < end) {
    let chunkEnd = end;
    let forced = false;
    if (end - pos > SEGMENT_CHUNK) {
      // cut after the last sentence-final punctuation followed by a space inside the window, else at a space
      const window = norm.slice(pos, pos + SEGMENT_CHUNK);
      let cut = Math.max(window.lastIndexOf('. '), window.lastIndexOf('! '), window.lastIndexOf('? '));
      if (cut < SEGMENT_CHUNK / 4) cut = window.lastIndexOf(' ');
      forced = cut <= 0;
      chunkEnd = forced ? pos + SEGMENT_CHUNK : pos + cut + 1;
    }
    const chunk = norm.slice(pos, chunkEnd);
    const first = out.length;
    for (const s of seg.segment(chunk)) pushTrimmed(norm, pos + s.index, pos + s.index + s.segment.length, out);
    // a cut with no space to cut at split a word (one long token): the two halves are one sentence, and one word
    if (joinNext && first > 0 && out.length > first && out[first]!.start === pos && out[first - 1]!.end === pos) {
      out[first - 1] = { start: out[first - 1]!.start, end: out[first]!.end };
      out.splice(first, 1);
    }
    joinNext = forced;
    pos = chunkEnd;
  }
  return out;
}

/** Letters, combining marks and digits, with inner apostrophes/hyphens. Soft hyphens and zero-width characters never
 * reach here: buildDoc reads the text without them (normalise.ts visibleText). */
const WORD = /[\p{L}\p{M}\p{N}]+(?:['\-][\p{L}\p{M}\p{N}]+)*/gu;
const FR_ELISION = /^(l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu|presqu)'/i;

export interface WordSpan extends Span {
  text: string;
}

/** Words of the span [start, end) of `norm`. */
export function splitWords(norm: string, start: number, end: number, lang = 'en'): WordSpan[] {
  const out: WordSpan[] = [];
  const slice = norm.slice(start, end);
  for (const m of slice.matchAll(WORD)) {
    const s = start + m.index;
    const w = m[0];
    if (lang === 'fr') {
      const el = FR_ELISION.exec(w);
      if (el && el[0].length < w.length) {
        out.push({ start: s, end: s + el[0].length, text: el[0] });
        out.push({ start: s + el[0].length, end: s + w.length, text: w.slice(el[0].length) });
        continue;
      }
    }
    out.push({ start: s, end: s + w.length, text: w });
  }
  return out;
}

export function lowerWord(w: string): string {
  return w.toLowerCase();
}
