/**
 * The Mirage Lens engine's front door: everything outside src/engine/ (but the Node-side evaluation, scripts and
 * tests) reaches the engine through this file, and a lint rule (eslint.config.js) says so.
 *
 * Flow, one way: text -> segments (text/) -> signals (signals/) -> score (score/) -> a language-neutral Report ->
 * explain (explain/) -> words in English or French.
 *
 * Two kinds of export:
 * - what runs the engine and needs its reference tables (about 0.8 MB): `analyse`, `analyseDetailed`, `rescore`,
 *   `engineInfo`, `blockLanguages`, `wordRanks`, `measure`, `warmSteps`. Only the background, the one engine worker
 *   (src/pages/engine-worker.ts) and Node (CLI, evaluation) call them;
 * - what holds no table, for every page: `explain` and its pieces, the documented constants (MIN_WORDS,
 *   AGREE_PERCENTILE, SIGNAL_IDS...), `levelFor` and the sensitivities, the ROC metrics, and the types.
 * A build test (tests/e2e/bundle.e2e.ts) fails if a table reaches any chunk but the background and the worker.
 */
import { buildDoc, originSpan } from './text/doc';
import { languagesOfBlocks } from './text/language';
import { normalise, visibleText } from './text/normalise';
import { wordRanks as ranksOfDoc, type WordRank } from './signals/word-predictability';
import type { Lang, Span } from './types';

export type * from './types';
export type { WordRank } from './signals/word-predictability';
export { analyse, analyseDetailed, engineInfo, isScoredLang, measure, rescore, type Measured } from './score/analyse';
export * from './score/constants';
export { DEFAULT_SENSITIVITY, DOCUMENT_GATES, isSensitivity, LEVEL_CUTS, levelFor } from './score/levels';
export { auroc, confusion, quantile, rocCurve, tprAtFpr, type Confusion, type RocPoint, type Scored } from './score/metrics';
export { warmSteps } from './warm';
export { comparisonShort, comparisonText, explain, headlineBand, headlineOf, kindName, languageName, NAMED_KINDS, sentenceReasonText, sharePercent, signalTitle, summaryOf, SIGNAL_WORDS, type HeadlineBand } from './explain/index';

/** The language of each block of a page (or of any list of texts read together), by the engine's one rule
 * (src/engine/text/language.ts `languagesOfBlocks`, which documents also go through): ISO 639-1 'en' / 'fr',
 * ISO 639-3 for other languages, 'und' for a block too short or too unclear to tell — the caller decides what such a
 * block joins. */
export function blockLanguages(texts: readonly string[]): Lang[] {
  const spans: Span[] = [];
  let at = 0;
  const norm = texts
    .map((t) => {
      const n = normalise(visibleText(t).text); // as buildDoc reads it
      spans.push({ start: at, end: at + n.length });
      at += n.length + BLOCK_JOINER.length;
      return n;
    })
    .join(BLOCK_JOINER);
  return languagesOfBlocks(norm, spans);
}
const BLOCK_JOINER = '\n\n';

/** Every word of `text` with its GLTR-style rank bucket (the analysis page's word view): offsets into `text`, and
 * one `{ bucket, rank? }` per word (src/engine/signals/word-predictability.ts). `lang` forces the language. */
export function wordRanks(text: string, lang?: Lang): { words: Span[]; ranks: WordRank[] } {
  const doc = buildDoc(text, lang ? { lang } : {});
  return { words: doc.words.map((w) => originSpan(doc, w.start, w.end)), ranks: ranksOfDoc(doc) };
}
