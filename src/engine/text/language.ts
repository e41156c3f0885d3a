/**
 * language — which language a block of text is in, or 'und' when unsure.
 *
 * Uses franc-min (wooorm; trigram profiles of the ~80 most spoken languages, 56 kB gzip) rather than a home-made
 * detector. `detectLanguage` maps franc's ISO 639-3 answer to 'en' and 'fr' for the two fully supported languages
 * and keeps the three-letter code for the others; below MIN_LANG_CHARS it answers 'und' instead of guessing.
 * Detect once per block, never per sentence (STYLE 10).
 */
import { franc } from 'franc-min';
import type { Lang } from '../types';

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

export function detectLanguage(text: string): Lang {
  const sample = text.length > LANG_SAMPLE_CHARS ? text.slice(0, LANG_SAMPLE_CHARS) : text;
  if (sample.replace(/[^\p{L}]/gu, '').length < MIN_LANG_CHARS * 0.8) return 'und';
  const code = franc(sample, { minLength: MIN_LANG_CHARS });
  if (code === 'und') return 'und';
  return TO_ISO1[code] ?? code;
}
