/**
 * language — which language a block of text is in, or 'und' when unsure.
 *
 * Uses franc-min (wooorm; trigram profiles of the ~80 most spoken languages, 56 kB gzip) rather than a home-made
 * detector. `detectLanguage` maps franc's ISO 639-3 answer to 'en' and 'fr' for the two fully supported languages
 * and keeps the three-letter code for the others; below MIN_LANG_CHARS, or with fewer than MIN_LANG_TYPES distinct
 * words, it answers 'und' instead of guessing.
 * Detect once per block, never per sentence (STYLE 10).
 */
import { franc } from 'franc-min';
import type { Lang, Span } from '../types';

/** franc-min is reliable from about 50 characters on prose (../shared/TOOLCHAIN.md). */
export const MIN_LANG_CHARS = 50;
/** Only the first characters of a long block are read: enough for a stable answer, bounded cost. */
export const LANG_SAMPLE_CHARS = 1200;

/** Blocks are first checked against the document's language with the commonest function words of English and
 * French (cheap); franc runs only on blocks that look different. Sample length for that check, in characters. */
export const QUICK_SAMPLE_CHARS = 600;
/** Share of words that must be common function words of a language for the quick check to accept it. */
export const QUICK_MIN_SHARE = 0.12;
const QUICK: Record<'en' | 'fr', RegExp> = {
  en: /(?<![\p{L}'])(the|and|of|to|is|in|that|it|was|for|with|as|on|are|this|be|by|not|have|from|at)(?![\p{L}'])/giu,
  fr: /(?<![\p{L}'])(le|la|les|des|et|est|un|une|du|que|qui|dans|pour|pas|sur|au|en|ne|se|sont|avec|ce|il|elle)(?![\p{L}'])/giu,
};

/** 'en' or 'fr' when the commonest function words of one of them make up enough of the sample, else undefined.
 * Not a detector: a fast way to confirm that a block is in the language already detected for its document. */
export function quickGuess(text: string): 'en' | 'fr' | undefined {
  const sample = text.length > QUICK_SAMPLE_CHARS ? text.slice(0, QUICK_SAMPLE_CHARS) : text;
  const words = sample.match(/[\p{L}']+/gu)?.length ?? 0;
  if (words < 8) return undefined;
  const en = sample.match(QUICK.en)?.length ?? 0;
  const fr = sample.match(QUICK.fr)?.length ?? 0;
  if (en >= fr * 2 && en / words >= QUICK_MIN_SHARE) return 'en';
  if (fr >= en * 2 && fr / words >= QUICK_MIN_SHARE) return 'fr';
  return undefined;
}

const TO_ISO1: Record<string, Lang> = { eng: 'en', fra: 'fr' };

/** A sample of fewer distinct words than this says nothing about its language (one word repeated, "la la la"):
 * franc still answers, from the trigrams of those few words (2 MB of "word" came out Dutch), so it is 'und'. */
export const MIN_LANG_TYPES = 5;

export function detectLanguage(text: string): Lang {
  const sample = text.length > LANG_SAMPLE_CHARS ? text.slice(0, LANG_SAMPLE_CHARS) : text;
  if (sample.replace(/[^\p{L}]/gu, '').length < MIN_LANG_CHARS * 0.8) return 'und';
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (sample.length < text.length) words.pop(); // the sample may end inside a word: a fragment is not a word
  if (new Set(words).size < MIN_LANG_TYPES) return 'und';
  const code = franc(sample, { minLength: MIN_LANG_CHARS });
  if (code === 'und') return 'und';
  return TO_ISO1[code] ?? code;
}

/** The language of blocks as a whole is detected on up to SAMPLE_BLOCKS blocks spread evenly over them,
 * SAMPLE_CHARS_PER_BLOCK characters each; a block that does not confirm it is detected on its first
 * BLOCK_SAMPLE_CHARS characters. */
const SAMPLE_BLOCKS = 6;
const SAMPLE_CHARS_PER_BLOCK = 250;
const BLOCK_SAMPLE_CHARS = 400;

/** The engine's one language-per-block rule, for the paragraphs of a document and the blocks of a page alike (the
 * front door's `blockLanguages`). Blocks share the language of their whole unless they look otherwise: that
 * language is detected once on a sample spread over the blocks; a block is confirmed cheaply (quickGuess) and only
 * blocks that do not confirm are run through the detector. Blocks under MIN_LANG_CHARS stay 'und': what an 'und'
 * block becomes is the caller's choice (a paragraph takes its document's language; a page block joins its
 * neighbours). `norm` is normalised text (normalise.ts), `spans` the blocks inside it. */
export function languagesOfBlocks(norm: string, spans: readonly Span[]): Lang[] {
  const sample = spreadSample(norm, spans);
  const first = detectLanguage(sample);
  return spans.map((p) => {
    if (p.end - p.start < MIN_LANG_CHARS) return 'und';
    const text = norm.slice(p.start, p.end);
    const quick = quickGuess(text);
    if (quick !== undefined && quick === first) return first;
    return detectLanguage(text.slice(0, BLOCK_SAMPLE_CHARS));
  });
}

function spreadSample(norm: string, spans: readonly Span[]): string {
  if (spans.length === 0) return '';
  const step = Math.max(1, Math.floor(spans.length / SAMPLE_BLOCKS));
  const parts: string[] = [];
  for (let i = 0; i < spans.length && parts.length < SAMPLE_BLOCKS; i += step) {
    parts.push(norm.slice(spans[i]!.start, Math.min(spans[i]!.end, spans[i]!.start + SAMPLE_CHARS_PER_BLOCK)));
  }
  return parts.join(' ');
}
