/**
 * repetition — recurring sentence openers, recurring sentence templates and evenly sized paragraphs.
 *
 * What it measures, three parts:
 * - openers: Simpson's index of the sentences' first two words (lower-cased): the chance that two sentences picked at
 *   random open with the same two words ("It is ...", "This is ...", "In addition, ..."). Simpson's index does not
 *   grow with the number of sentences, unlike a count of repeats.
 * - templates: the text is reduced to a skeleton in which short words (<= SHORT_WORD letters: mostly function words
 *   such as "of the", "in a", "it is", "de la", "et les") are kept and every longer word becomes one placeholder;
 *   `template` is the share of skeleton trigrams that occur at least twice inside a window of TEMPLATE_WINDOW words,
 *   averaged over every window position. It catches the same sentence frame reused with different content words
 *   ("X the X of X", "it is X to X"). The fixed window keeps it independent of text length.
 * - paragraphs: `1 - cv` of paragraph lengths in words (0..1), only when the text has at least MIN_PARAGRAPHS
 *   paragraphs; otherwise this part is left out (not counted as uniform or varied).
 * Raw: the weighted mean of the parts, each expressed in "typical human spreads" from a typical human level:
 * `opener / OPENER_SCALE`, `(template - TEMPLATE_CENTER) / TEMPLATE_SCALE`,
 * `(paragraphs - PARAGRAPH_CENTER) / PARAGRAPH_SCALE`, weights W_OPENER, W_TEMPLATE, W_PARAGRAPH. Higher = more
 * repetitive / uniform. Units: about -2..+4; dev-set human median ~0.2 (en), ~0.05 (fr). All three parts read
 * only words, sentences and paragraphs, so the signal is language-independent ('any'); the short-word skeleton is a crude stand-in for
 * function words that works in languages written with spaces between words.
 * Per sentence: 0.5 if its two-word opener recurs elsewhere in the text, plus 0.5 times the share of its skeleton
 * trigrams that recur within half a window on either side (0..1).
 * When to use: prose of at least MIN_WORDS words and MIN_SENTENCES sentences (below that: abstain).
 * Constants: see below; centres and scales are typical human levels and spreads on the dev set (derived figures),
 * weights were set a priori (templates 2, openers 1), not fitted; the paragraph part is shown but weighs 0 (W_PARAGRAPH).
 * Limits: repetition is also a virtue of clear writing. False positives: formulaic genres (how-to steps, recipes,
 * FAQs, abstracts, minutes, legal and administrative text), lists turned into sentences, texts for learners, and
 * non-native writers who rely on a few safe frames. Layout decides the paragraph part: pages that split text into
 * even blocks (or one-line paragraphs) look uniform whatever the writer did. Dev-set caveat: in several domains the
 * human texts were collected without paragraph breaks while the machine texts have them, which flatters the
 * paragraph part there; without it the per-domain AUROC is 0.58..0.87. The paragraph part alone points the wrong
 * way on wikihow (human step lists have even paragraphs; AUROC 0.33 there), so it is reported, not counted.
 */
import type { Abstention, Doc, Signal, SignalResult } from '../types';
import { checkAbstain, cv, simpson } from './_lib/descriptive-stats';

/** Below this many words: abstain (the template window needs room to slide). Range 80..200. */
export const MIN_WORDS = 100;
/** Below this many sentences (with words): abstain; openers need pairs. Range 5..10. */
export const MIN_SENTENCES = 5;
/** Number of words in an opener. 2 separates "The model ..." from "The results ..."; 1 is too coarse. Range 1..3. */
export const OPENER_WORDS = 2;
/** Words of at most this many letters stay in the skeleton; longer ones become a placeholder. Range 2..4. */
export const SHORT_WORD = 3;
/** Window, in words, inside which a recurring skeleton trigram counts as a repeat. Range 50..150. */
export const TEMPLATE_WINDOW = 80;
/** Fewer paragraphs than this: the paragraph part is left out. Range 3..5. */
export const MIN_PARAGRAPHS = 3;
/** Typical human levels and spreads of the parts (dev-set human texts, rounded). */
export const OPENER_SCALE = 0.05;
export const TEMPLATE_CENTER = 0.45;
export const TEMPLATE_SCALE = 0.15;
export const PARAGRAPH_CENTER = 0.4;
export const PARAGRAPH_SCALE = 0.4;
/** Weights of the parts (a priori; templates are the most general part, so they count double). The paragraph part
 * is measured and explained but weighs 0: its direction flips between genres (even step lists in how-to guides are
 * human; layout, not the writer, often decides paragraph sizes) and the dev set's paragraph breaks are a collection
 * artefact. Range 0..1. */
export const W_OPENER = 1;
export const W_TEMPLATE = 2;
export const W_PARAGRAPH = 0;
/** Median paragraph-length variation of human dev-set texts with >= 3 paragraphs (en 0.65, fr 0.42). */
export const TYPICAL_PARAGRAPH_CV: Record<string, number> = { en: 0.65, fr: 0.42 };

/** Skeleton token ids: 0 = a long word, else one id per distinct short word. */
function skeleton(doc: Doc): { ids: Int32Array; size: number } {
  const short = new Map<string, number>();
  const ids = new Int32Array(doc.words.length);
  for (let i = 0; i < doc.words.length; i++) {
    const w = doc.words[i]!.lower;
    if (w.length > SHORT_WORD) continue;
    let id = short.get(w);
    if (id === undefined) short.set(w, (id = short.size + 1));
    ids[i] = id;
  }
  return { ids, size: short.size + 1 };
}

/** Mean share of skeleton trigrams that recur inside each window of `w` words, over all window positions. O(n). */
export function templateShare(keys: Float64Array, w: number): number {
  const t = w - 2; // trigrams per window
  if (keys.length < t) return 0;
  const counts = new Map<number, number>();
  let rep = 0;
  let sum = 0;
  let windows = 0;
  for (let i = 0; i < keys.length; i++) {
    const c = counts.get(keys[i]!) ?? 0;
    rep += c === 1 ? 2 : c > 1 ? 1 : 0;
    counts.set(keys[i]!, c + 1);
    if (i >= t) {
      const o = keys[i - t];
      const co = counts.get(o!)!;
      rep -= co === 2 ? 2 : co > 2 ? 1 : 0;
      counts.set(o!, co - 1);
    }
    if (i >= t - 1) {
      sum += rep / t;
      windows++;
    }
  }
  return sum / windows;
}

/** Words per paragraph, for paragraphs that have any. */
function paragraphWords(doc: Doc): number[] {
  const out: number[] = [];
  for (const p of doc.paragraphs) {
    let words = 0;
    for (let i = p.firstSentence; i < p.firstSentence + p.sentenceCount; i++) words += doc.sentences[i]!.wordCount;
    if (words > 0) out.push(words);
  }
  return out;
}

function compute(doc: Doc): SignalResult | Abstention {
  const no = checkAbstain(doc, { languages: 'any', minWords: MIN_WORDS, minSentences: MIN_SENTENCES });
  if (no) return no;

  // openers
  const openers: string[] = [];
  const openerOf = new Array<string | undefined>(doc.sentences.length).fill(undefined);
  for (const s of doc.sentences) {
    if (s.wordCount === 0) continue;
    let key = doc.words[s.firstWord]!.lower;
    for (let k = 1; k < OPENER_WORDS && k < s.wordCount; k++) key += ' ' + doc.words[s.firstWord + k]!.lower;
    openers.push(key);
    openerOf[s.index] = key;
  }
  const openerCounts = new Map<string, number>();
  for (const o of openers) openerCounts.set(o, (openerCounts.get(o) ?? 0) + 1);
  let recurring = 0;
  for (const o of openers) if (openerCounts.get(o)! > 1) recurring++;
  const opener = simpson(openers);

  // templates: numeric trigram keys over the skeleton
  const { ids, size } = skeleton(doc);
  const n = ids.length;
  const keys = new Float64Array(Math.max(0, n - 2));
  for (let i = 0; i + 2 < n; i++) keys[i] = (ids[i]! * size + ids[i + 1]!) * size + ids[i + 2]!;
  const template = templateShare(keys, TEMPLATE_WINDOW);

  // paragraphs
  const paraWords = paragraphWords(doc);
  const hasParagraphs = paraWords.length >= MIN_PARAGRAPHS;
  const paragraphCv = hasParagraphs ? cv(paraWords) : NaN;
  const paragraphs = hasParagraphs ? 1 - Math.min(1, paragraphCv) : NaN;

  let score = W_OPENER * (opener / OPENER_SCALE) + W_TEMPLATE * ((template - TEMPLATE_CENTER) / TEMPLATE_SCALE);
  let weight = W_OPENER + W_TEMPLATE;
  if (hasParagraphs) {
    score += W_PARAGRAPH * ((paragraphs - PARAGRAPH_CENTER) / PARAGRAPH_SCALE);
    weight += W_PARAGRAPH;
  }

  // per sentence: does a trigram recur within half a window before or after it? (two passes, O(n))
  const half = TEMPLATE_WINDOW >> 1;
  const near = new Uint8Array(keys.length);
  const last = new Map<number, number>();
  for (let i = 0; i < keys.length; i++) {
    const j = last.get(keys[i]!);
    if (j !== undefined && i - j <= half) near[i] = near[j] = 1;
    last.set(keys[i]!, i);
  }
  const sentences = doc.sentences.map((s) => {
    const o = openerOf[s.index];
    if (o === undefined) return undefined;
    let tri = 0;
    let rep = 0;
    for (let i = s.firstWord; i < s.firstWord + s.wordCount && i < keys.length; i++) {
      tri++;
      rep += near[i]!;
    }
    return (openerCounts.get(o)! > 1 ? 0.5 : 0) + (tri > 0 ? 0.5 * (rep / tri) : 0);
  });

  const details: Record<string, number> = {
    opener,
    openerShare: recurring / openers.length,
    recurringOpeners: recurring,
    sentences: openers.length,
    template,
    paragraphCount: paraWords.length,
  };
  if (hasParagraphs) {
    details.paragraphs = paragraphs;
    details.paragraphCv = paragraphCv;
    details.typicalParagraphCv = TYPICAL_PARAGRAPH_CV[doc.lang] ?? TYPICAL_PARAGRAPH_CV.en!;
  }
  return { raw: score / weight, sentences, details };
}

const repetition: Signal = {
  id: 'repetition',
  languages: 'any',
  minWords: MIN_WORDS,
  compute,
};

export default repetition;
