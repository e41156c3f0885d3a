/**
 * constants — the engine's documented thresholds, in a module of their own that holds no table: the pages may
 * import them (through src/engine/index.ts) without bundling the engine.
 */

export const ENGINE_VERSION = '0.1.0';
/** Below this many words nothing meaningful can be said (about 150: statistical measures on a paragraph or two
 * mostly reflect chance). */
export const MIN_WORDS = 150;
/** Up to this many words a result is marked weak. */
export const STRONG_WORDS = 300;
/** Largest input accepted: 5 million characters (about 800,000 English words), far beyond any real document. */
export const MAX_CHARS = 5_000_000;
/** A signal "agrees" when the text is beyond this share of human reference texts on it. */
export const AGREE_PERCENTILE = 0.9;
/** The default flag needs at least this many agreeing signals... */
export const MIN_AGREE = 2;
/** ...of which at least one about phrasing. Plain vocabulary and plain sentences (word-predictability,
 * lexical-diversity, compression, burstiness, function-words) rise for learners and careful non-native writers too
 * (Liang et al. 2023), so they never flag on their own: stock phrasing or recurring sentence frames must agree.
 * Chosen by leave-one-domain-out on the dev set: held-out false-positive rate 4.4% -> 3.2% for 60.4% -> 56.6%
 * of machine texts flagged. */
export const PHRASING_SIGNALS: readonly string[] = ['formulaic', 'repetition'];
/** Sentences shorter than this get no sentence score. */
export const SENTENCE_MIN_WORDS = 5;
/** A signal needs at least this many neighbouring reference values to be placed among them. */
export const MIN_REFERENCE_VALUES = 10;
/** Weight of the sentence's own measures against its document's combined value in a sentence score. At 0.5 nearly
 * every sentence of a predictable document was marked, so a reader could not see which passages carry it; at 0.75 a
 * plain passage inside a formulaic page stays unmarked. Range 0..1. */
export const SENTENCE_BLEND = 0.75;
/** A sentence's reasons list the signals on which it stands at least this far out among human reference sentences. */
export const SENTENCE_REASON_MIN = 0.8;
/** At most this many reasons per sentence, strongest first. */
export const SENTENCE_REASONS = 3;
/** Every signal's id, in the registry's order (src/engine/signals/index.ts; tests check both lists agree). */
export const SIGNAL_IDS: readonly string[] = ['burstiness', 'lexical-diversity', 'compression', 'word-predictability', 'formulaic', 'repetition', 'function-words', 'style-lr', 'style-profile', 'writer-slips'];
