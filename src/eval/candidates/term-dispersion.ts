/**
 * term-dispersion — how evenly a text spreads its repeated content words (topic-word placement).
 *
 * What it measures: people return to a content word in bursts — a name or a topic term clusters where it is
 * discussed (Church & Gale 1995, "adaptation"; Altmann, Pierrehumbert & Motter 2009 on word burstiness) — while a
 * text produced by sampling may spread its key terms more evenly. For every content word (lower-cased, at least
 * MIN_LETTERS letters, not in the engine's function-word candidates of src/engine/signals/_lib/profile-lexicon.ts)
 * that occurs at least MIN_OCCURRENCES times, the gaps between its successive occurrences, in word positions, give
 * r = sd / mean of the gaps and Altmann's burstiness B = (r − 1) / (r + 1) (−1 evenly spaced, 0 random, → 1 in one
 * burst). The text's burstiness is the mean of B over those words, weighted by their occurrences. Raw: −B, so
 * higher = more even = more predictable (direction fixed once on the pooled data). Units: −1..1.
 * When to use: English and French prose of at least MIN_WORDS words with at least MIN_TERMS qualifying words.
 * Limits: short texts repeat few words; lists, glossaries and texts about one term throughout are even by design.
 * Status: a candidate measured for the README's "The signals" (`npx tsx scripts/signal-auroc.ts --by-source --details
 * src/eval/candidates/term-dispersion.ts`), not registered: its direction flips between sources. `details` keeps the
 * variants measured (cv: the mean gap ratio; corrected: Kim & Jo's finite-size B; b4: B over words of 4+ occurrences).
 * Abstaining for too few recurring words reuses the code 'too-short' (a candidate has no words of its own).
 */
import type { Abstention, Doc, Signal, SignalResult } from '../../engine/types';
import { checkAbstain } from '../../engine/signals/_lib/descriptive-stats';
import { functionWordCandidates } from '../../engine/signals/_lib/profile-lexicon';

/** Below this many words: abstain. */
export const MIN_WORDS = 100;
/** A content word counts from this many occurrences (two gaps). */
export const MIN_OCCURRENCES = 3;
/** Letters a content word needs. */
export const MIN_LETTERS = 3;
/** Below this many qualifying content words: abstain. */
export const MIN_TERMS = 3;

const LANGS = ['en', 'fr'] as const;
const STOP = { en: functionWordCandidates('en'), fr: functionWordCandidates('fr') };
const LETTER = /\p{L}/gu;

/** Gaps' dispersion of one word: r = sd/mean of the gaps between successive positions (population sd). */
export function gapRatio(positions: readonly number[]): number {
  const k = positions.length - 1;
  let m = 0;
  for (let i = 1; i < positions.length; i++) m += positions[i]! - positions[i - 1]!;
  m /= k;
  let v = 0;
  for (let i = 1; i < positions.length; i++) v += (positions[i]! - positions[i - 1]! - m) ** 2;
  return Math.sqrt(v / k) / m;
}

/** Altmann's burstiness parameter of a gap ratio r: (r − 1) / (r + 1). */
export const burstinessOf = (r: number): number => (r - 1) / (r + 1);

/** Kim & Jo (2016) finite-size correction of B for n events (n ≥ 2 gaps + 1). */
export function correctedB(r: number, n: number): number {
  const a = Math.sqrt(n + 1);
  const b = Math.sqrt(n - 1);
  return (a * r - b) / ((a - 2) * r + b);
}

function compute(doc: Doc): SignalResult | Abstention {
  const no = checkAbstain(doc, { languages: LANGS, minWords: MIN_WORDS });
  if (no) return no;
  const stop = STOP[doc.lang as 'en' | 'fr'];
  const positions = new Map<string, number[]>();
  doc.words.forEach((w, i) => {
    const key = w.lower;
    if (stop.has(key)) return;
    const letters = key.match(LETTER);
    if (!letters || letters.length < MIN_LETTERS || letters.length !== key.length) return;
    const p = positions.get(key);
    if (p) p.push(i);
    else positions.set(key, [i]);
  });
  let terms = 0;
  let occ = 0;
  let sumB = 0;
  let sumCv = 0;
  let sumBc = 0;
  let sumB4 = 0;
  let occ4 = 0;
  for (const p of positions.values()) {
    if (p.length < MIN_OCCURRENCES) continue;
    const r = gapRatio(p);
    terms++;
    occ += p.length;
    sumB += p.length * burstinessOf(r);
    sumCv += p.length * r;
    sumBc += p.length * correctedB(r, p.length);
    if (p.length >= 4) {
      occ4 += p.length;
      sumB4 += p.length * burstinessOf(r);
    }
  }
  if (terms < MIN_TERMS) return { abstained: true, code: 'too-short', params: { words: doc.words.length, needed: MIN_WORDS } };
  const b = sumB / occ;
  return {
    raw: -b,
    details: { burstiness: b, cv: sumCv / occ, corrected: sumBc / occ, b4: occ4 ? sumB4 / occ4 : NaN, terms, occurrences: occ, share: occ / doc.words.length },
  };
}

const termDispersion: Signal = { id: 'term-dispersion', languages: LANGS, minWords: MIN_WORDS, compute };

export default termDispersion;
