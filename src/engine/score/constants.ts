/**
 * constants — the engine's documented thresholds, in a module of their own that holds no table: the pages may
 * import them (through src/engine/index.ts) without bundling the engine.
 */

/** 0.3.1: invisible and control characters are taken out before reading (normalise.ts visibleText); 0.3.0: the
 * shown figure is lowered where it would over-claim for human writing scored as unseen (kinds.ts shownPercentile);
 * 0.2.1: sentence levels weigh a sentence's own evidence 0.9 (SENTENCE_BLEND; 0.5 in 0.2.0). */
export const ENGINE_VERSION = '0.3.1';
/** Below this many words nothing meaningful can be said (about 150: statistical measures on a paragraph or two
 * mostly reflect chance). */
export const MIN_WORDS = 150;
/** Up to this many words a result is marked weak. */
export const STRONG_WORDS = 300;
/** Largest input accepted: 5 million characters (about 800,000 English words), far beyond any real document. */
export const MAX_CHARS = 5_000_000;
/** A signal "agrees" when the text is beyond this share of comparable human reference texts on it. */
export const AGREE_PERCENTILE = 0.9;
/** The signals counted in the combination, each with the same weight (src/engine/score/calibration.ts `combine`):
 * the ones whose direction held on every source under leave-one-source-out. Every other signal is shown with its
 * evidence but not counted: formulaic phrasing, repetition, function words, lexical diversity and word predictability
 * each point the wrong way on some kind of writing (current assistants' texts, learners' essays). `npm run calibrate`
 * and the protocol (`npm run eval -- --protocol loso`) read this list; the shipped reference records what it counted.
 * Change it here, in one place. */
export const COUNTED_SIGNALS: readonly string[] = ['style-lr', 'style-profile', 'writer-slips', 'compression', 'burstiness'];
/** A signal's percentile is taken among this many human reference texts nearest in register (1/80 steps: stable,
 * and still one kind of writing). */
export const NEIGHBOURS = 80;
/** The stated percentile is the lowest over this many register-nearest kinds of human writing (src/engine/score/kinds.ts). */
export const COMPARED_KINDS = 7;
/** The signal whose per-sentence values place a sentence (its own evidence, beside its document's). */
export const SENTENCE_SIGNAL = 'style-lr';
/** Sentences shorter than this get no sentence score. */
export const SENTENCE_MIN_WORDS = 5;
/** A signal needs at least this many neighbouring reference values to be placed among them. */
export const MIN_REFERENCE_VALUES = 10;
/** Weight of a sentence's own evidence against its document's stated percentile, in log-odds (range 0..1); levels.ts
 * adds the document's gates, so a sentence is highlighted only when its document stands out too. Chosen with the
 * leave-one-source-out protocol among 0.5, 0.7, 0.85, 0.9 and 1: the candidate that keeps level 3 to at most 1% of
 * human sentences and 5% of human documents in each language with the most machine documents still carrying it. At 0.5 the document's score dominated: in a flagged text nearly every sentence was
 * level 3 (a reader could not see which passages stand out), and French human sentences were at level 3 6.1% of
 * the time; at 0.9, 0.8% (README, "Measured figures"). */
export const SENTENCE_BLEND = 0.9;
/** A sentence's reasons list the signals on which it stands at least this far out among human reference sentences. */
export const SENTENCE_REASON_MIN = 0.8;
/** At most this many reasons per sentence, strongest first. */
export const SENTENCE_REASONS = 3;
/** Every signal's id, in the registry's order (src/engine/signals/index.ts; tests check both lists agree). */
export const SIGNAL_IDS: readonly string[] = ['burstiness', 'lexical-diversity', 'compression', 'word-predictability', 'formulaic', 'repetition', 'function-words', 'style-lr', 'style-profile', 'writer-slips'];
