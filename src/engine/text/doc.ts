/**
 * buildDoc — from a string to a segmented, language-tagged Doc (src/engine/types.ts).
 *
 * Steps: invisible and control characters out (`visibleText`: the Doc's offsets are then into the visible text, and
 * `origin` maps them back to the string given) -> normalise (same length) -> paragraphs -> language per paragraph
 * (`languagesOfBlocks`, the engine's one language-per-block rule, src/engine/text/language.ts; short blocks take the
 * document's language) -> sentences per paragraph -> words per sentence. The document language is the one that
 * covers most letters among blocks whose language could be told; 'und' when none could.
 * Options: `lang` forces the language (skips detection), e.g. when a caller already knows it.
 * Limits: MAX_CHARS bounds the input (see src/engine/score/analyse.ts for the public limit).
 */
import type { Doc, Lang, Paragraph, Sentence, Word } from '../types';
import { detectLanguage, languagesOfBlocks } from './language';
import { normalise, visibleText } from './normalise';
import { lowerWord, splitParagraphs, splitSentences, splitWords } from './segment';

const DASH = /[\u2012-\u2015]/;
const DASH_G = /[\u2012-\u2015]/g;

export interface BuildOptions {
  /** Force the document language (ISO 639-1 for en/fr, 639-3 otherwise). */
  lang?: Lang;
}

export function buildDoc(given: string, options: BuildOptions = {}): Doc {
  // invisible and control characters never count (normalise.ts visibleText); `origin` leads back to `given`
  const { text, origin } = visibleText(given);
  const norm = normalise(text);
  // Dashes used as punctuation fold to '-' in `norm`, but must not glue the words around them into one
  // ("text—with" is two words): words are read from a copy where they are spaces.
  const wordText = DASH.test(text) ? normalise(text.replace(DASH_G, ' ')) : norm;
  const spans = splitParagraphs(norm);
  const blockLangs = options.lang ? spans.map(() => options.lang!) : languagesOfBlocks(norm, spans);
  const lang = options.lang ?? documentLanguage(norm, spans, blockLangs);

  const paragraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];
  const words: Word[] = [];
  spans.forEach((p, pi) => {
    const plang = blockLangs[pi] === 'und' ? lang : blockLangs[pi]!;
    const firstSentence = sentences.length;
    for (const s of splitSentences(norm, p.start, p.end, plang)) {
      const index = sentences.length;
      const firstWord = words.length;
      for (const w of splitWords(wordText, s.start, s.end, plang)) {
        words.push({ start: w.start, end: w.end, text: w.text, lower: lowerWord(w.text), sentence: index });
      }
      sentences.push({ start: s.start, end: s.end, index, paragraph: pi, firstWord, wordCount: words.length - firstWord });
    }
    paragraphs.push({ start: p.start, end: p.end, index: pi, lang: plang, firstSentence, sentenceCount: sentences.length - firstSentence });
  });
  return { text, norm, lang, paragraphs, sentences, words, ...(origin ? { origin } : {}) };
}

function documentLanguage(norm: string, spans: { start: number; end: number }[], langs: Lang[]): Lang {
  const weight = new Map<Lang, number>();
  spans.forEach((p, i) => {
    if (langs[i] !== 'und') weight.set(langs[i]!, (weight.get(langs[i]!) ?? 0) + p.end - p.start);
  });
  let best: Lang = 'und';
  let bestW = 0;
  for (const [l, w] of weight) if (w > bestW) [best, bestW] = [l, w];
  return best !== 'und' ? best : detectLanguage(norm);
}

/** A span of `doc.text` as offsets into the string given to buildDoc: the same span when nothing was taken out. An
 * empty span stays empty; a span ends right after its last visible character. */
export function originSpan(doc: Pick<Doc, 'origin'>, start: number, end: number): { start: number; end: number } {
  const o = doc.origin;
  if (!o) return { start, end };
  const s = o[start]!;
  return { start: s, end: end > start ? o[end - 1]! + 1 : s };
}
