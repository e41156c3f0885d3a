/**
 * writer-slips — signs of unedited human writing that edited text, and machine text, almost never carry:
 * lower-case sentence starts, "i" for "I", doubled words, contractions without apostrophes, common misspellings,
 * chat abbreviations, French words without their accents, "!!" (markers and their exact rules:
 * src/engine/signals/_lib/slip-markers.ts; lists: _lib/slip-lists.ts).
 *
 * What it measures: the number of slips per 100 words, negated: raw = -(slips per 100 words), so that, as for every
 * signal, higher = more predictable; most texts have none and get 0, the maximum. Per sentence: minus the number of
 * slips in the sentence. The signal is meant to be PROTECTIVE: slips lower a combined value ("this looks like
 * unedited human writing"), while their absence is shared by most texts, edited human writing included.
 * Why: English-language learners and casual writers are those whom statistical detectors wrong most often (Liang et
 * al. 2023); their unedited slips are the one trace machine text lacks. In the project's research (issue 9), 37-40%
 * of learner essays (ELLIPSE) have lower-case sentence starts or a lower-case "i", a third missing apostrophes; the
 * machine texts of every source, the 2026-assistant texts included ("student", "non-native", "casual" requests),
 * have 0-1% on every marker. In the combination it lowered the learner essays above the 95th percentile of other
 * human writing from 4% to 2%, the pooled AUROC unchanged.
 * When to use: English and French, at least MIN_WORDS words. Not language-independent: the lists are English and
 * French.
 * Limits: careful writers (news, novels, academic and edited text) make no slips, so a value of 0 says nothing; a
 * generator asked to "write like a student" can imitate some slips; OCR, scraping or transcription damage looks like
 * slips. French data with unedited human writing was lacking, so the French markers are barely tested.
 */
import type { Abstention, Doc, Signal, SignalResult } from '../types';
import { findSlips, SLIP_MARKERS, type SlipMarker } from './_lib/slip-markers';

/** Below this many words: abstain (one slip in 30 words says little). */
export const MIN_WORDS = 50;
/** At most this many example words in the evidence. */
export const MAX_EXAMPLES = 4;

/** Slips of each marker, and the sentences they fall in. */
export function slipCounts(doc: Doc): Record<SlipMarker, number> {
  const c = Object.fromEntries(SLIP_MARKERS.map((m) => [m, 0])) as Record<SlipMarker, number>;
  for (const s of findSlips(doc)) c[s.marker]++;
  return c;
}

function compute(doc: Doc): SignalResult | Abstention {
  if (doc.lang === 'und') return { abstained: true, code: 'undetermined-language' };
  if (doc.lang !== 'en' && doc.lang !== 'fr') return { abstained: true, code: 'language', params: { lang: doc.lang } };
  if (doc.words.length === 0) return { abstained: true, code: 'no-text' };
  if (doc.words.length < MIN_WORDS) return { abstained: true, code: 'too-short', params: { words: doc.words.length, needed: MIN_WORDS } };
  const slips = findSlips(doc);
  const details: Record<string, number> = Object.fromEntries(SLIP_MARKERS.map((m) => [m, 0]));
  const sentences = doc.sentences.map((): number | undefined => 0);
  const examples: string[] = [];
  for (const s of slips) {
    details[s.marker]!++;
    sentences[s.sentence] = (sentences[s.sentence] ?? 0) - 1;
    if (s.word && examples.length < MAX_EXAMPLES && !examples.includes(s.word)) examples.push(s.word);
  }
  const per100 = (100 * slips.length) / doc.words.length;
  details.slips = slips.length;
  details.per100 = per100;
  details.words = doc.words.length;
  return { raw: per100 > 0 ? -per100 : 0, sentences, details, ...(examples.length ? { examples } : {}) };
}

const writerSlips: Signal = {
  id: 'writer-slips',
  languages: ['en', 'fr'],
  minWords: MIN_WORDS,
  compute,
};

export default writerSlips;
