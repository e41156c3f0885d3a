/**
 * compression — how much cheaper a text compresses after a sample of typical assistant prose (the ZipPy idea).
 *
 * What it measures: a window of the text is deflated alone (size A) and after a "prelude" of assistant-style prose
 * in the same language (size P+T, minus the prelude's own size P). The raw value is the share of bytes the prelude
 * saves: `(A - (P+T - P)) / A`, averaged over up to MAX_WINDOWS windows. Deflate saves bytes when it finds strings
 * it has already seen, so a text that reuses the words, word pairs and turns of phrase of the prelude ("it is
 * important to", "plays a crucial role in", "a wide range of") gains more. Orientation: higher = closer to the
 * prelude's style = more predictable. Unit: a fraction, in practice 0.05..0.30 (dev set: human median ~0.13 in
 * English, ~0.18 in French; the French prelude is longer and French shares more function-word strings).
 * When to use: English and French prose of at least MIN_WORDS words. The prelude is what makes the figure mean
 * something, so there is no language-independent variant.
 * The preludes: assets/prelude-{en,fr}.txt, written by the Mirage Lens developers in 2026 in the style of current
 * (2024-2026-era) chat assistants, licensed with the project; scripts/build-preludes.ts turns them into the TS
 * module ./_lib/preludes.ts (a plain module works in Node/tsx, vitest and the WXT bundle alike, unlike `?raw`).
 * Compression: fflate's deflateSync (pure JS, synchronous; works in pages, workers and Node).
 * Constants: WINDOW_CHARS, MAX_WINDOWS, LEVEL, MIN_WORDS (below).
 * Limits: it compares a text with ONE small sample of one family of styles. False positives: formulaic genres
 * (how-to guides, wellness or product copy, school essays), texts on the prelude's topics (budgets, sleep, climate),
 * texts polished with writing tools, and non-native writers trained on textbook phrasing. False negatives:
 * paraphrased or edited machine text, models whose style differs from the prelude, and any text on an unusual topic.
 * Very short texts vary a lot. No per-sentence values: a sentence is too short to compress meaningfully.
 */
import { deflateSync, strToU8 } from 'fflate';

import type { Abstention, Doc, Signal, SignalResult, SupportedLang } from '../types';
import { PRELUDE_EN, PRELUDE_FR } from './_lib/preludes';

/** Characters per window: long enough for deflate to find repeats (>= ~500), short enough to be cheap. The window
 * length is fixed so that texts of different lengths are compared on the same footing. Range 500..2000. */
export const WINDOW_CHARS = 1000;
/** At most this many windows (start, middle, end of the text) are compressed: bounded work on long pages
 * (each costs ~0.2 ms). Range 1..8. */
export const MAX_WINDOWS = 3;
/** Deflate level (1..9); 6 is zlib's default and gave the same separation as 9 on the dev set, faster. */
export const LEVEL = 6;
/** Below this many words the signal abstains (about 350 characters: too little text for deflate to say much). */
export const MIN_WORDS = 60;
/** Median raw value of the human texts of the dev set, per language (a derived figure, for the explanation only;
 * calibrated percentiles from src/score take precedence when given). */
export const TYPICAL_HUMAN: Record<SupportedLang, number> = { en: 0.13, fr: 0.18 };

const LANGS = ['en', 'fr'] as const;
const PRELUDES: Record<SupportedLang, string> = { en: PRELUDE_EN, fr: PRELUDE_FR };
const primed = new Map<SupportedLang, { bytes: Uint8Array; size: number }>();

function prelude(lang: SupportedLang): { bytes: Uint8Array; size: number } {
  let p = primed.get(lang);
  if (!p) {
    const bytes = strToU8(PRELUDES[lang] + '\n\n');
    p = { bytes, size: deflateSync(bytes, { level: LEVEL }).length };
    primed.set(lang, p);
  }
  return p;
}

/** Share of deflate bytes that the prelude saves on `text` (one window). */
export function preludeSaving(text: string, lang: SupportedLang): number {
  const p = prelude(lang);
  const t = strToU8(text);
  const alone = deflateSync(t, { level: LEVEL }).length;
  const joined = new Uint8Array(p.bytes.length + t.length);
  joined.set(p.bytes);
  joined.set(t, p.bytes.length);
  const after = deflateSync(joined, { level: LEVEL }).length - p.size;
  return alone > 0 ? (alone - after) / alone : 0;
}

/** Start offsets of up to MAX_WINDOWS windows spread over `text`, snapped to the next space. */
function windowStarts(text: string): number[] {
  const n = Math.max(1, Math.min(MAX_WINDOWS, Math.floor(text.length / WINDOW_CHARS)));
  if (n === 1) return [0];
  const starts: number[] = [];
  for (let k = 0; k < n; k++) {
    let s = Math.round((k * (text.length - WINDOW_CHARS)) / (n - 1));
    if (s > 0) {
      const sp = text.slice(s, s + 40).search(/\s/);
      if (sp >= 0) s += sp + 1;
    }
    starts.push(s);
  }
  return starts;
}

function compute(doc: Doc): SignalResult | Abstention {
  const lang = doc.lang as SupportedLang;
  if (!LANGS.includes(lang)) return { abstained: true, code: 'language', params: { lang: doc.lang } };
  if (doc.words.length < MIN_WORDS) return { abstained: true, code: 'too-short', params: { words: doc.words.length, needed: MIN_WORDS } };
  // Windows are cut from the text between the first and last word, then runs of white space are folded to one space
  // (paragraph breaks are layout, not wording). Only the windows are processed: bounded work on long pages.
  const text = doc.norm.slice(doc.words[0]!.start, doc.words[doc.words.length - 1]!.end);
  const starts = windowStarts(text);
  let sum = 0;
  for (const s of starts) sum += preludeSaving(text.slice(s, s + WINDOW_CHARS).replace(/\s+/g, ' '), lang);
  const raw = sum / starts.length;
  return { raw, details: { saving: raw, windows: starts.length, windowChars: Math.min(WINDOW_CHARS, text.length), typicalHuman: TYPICAL_HUMAN[lang] } };
}

const compression: Signal = {
  id: 'compression',
  languages: LANGS,
  minWords: MIN_WORDS,
  compute,
};

export default compression;
