/**
 * style-lr — a style likelihood ratio: how much better an n-gram model of the machine texts of the training sources
 * predicts the text's small words and punctuation than a model of their human texts.
 *
 * What it measures: the document becomes a stream of style tokens (src/engine/signals/_lib/style-tokens.ts: the K
 * most widespread words as themselves, punctuation as itself, other words as shape classes such as `<-tion>` or
 * `<cap>`). Two bigram models with interpolated Kneser-Ney smoothing (_lib/ngram.ts), one fitted on human and one on
 * machine texts, are shipped in assets/style-lr-<lang>.json (fitted by src/eval/train/style-lr.ts through
 * `npm run build:style`). Raw = mean over the tokens and sentence ends of ln P_machine(token | previous) -
 * ln P_human(token | previous), in nats per token; higher = the text's function-word and punctuation habits look
 * more like the machine texts of the training sources. Per sentence: the same mean over the sentence's tokens
 * (sentences with at least MIN_SENTENCE_TOKENS tokens). In practice -0.3..+0.3 (a mean per token, so length does not
 * move it: Spearman with length among human texts ~0).
 * Choices (each measured leave-one-source-out in the project's research, issue 9; defaults in STYLE_LR_DEFAULTS):
 * - PAIRED training: both models are fitted only on sources that have human AND machine texts, so they see the same
 *   genres and the ratio measures the contrast within genres, not "news = human". Adding human-only sources taught
 *   genre and made the 2026-assistant texts look human;
 * - a SMALL vocabulary (K = 50 words ranked by dispersion across (source, label) groups, so no source's topic words
 *   get in; digits never do): 30..100 are equivalent, 300+ is worse on unseen sources;
 * - typographic marks (quotes, dashes, ellipses, symbols) are dropped from the stream: the data sets' typography
 *   differs by label for collection reasons, which is not evidence;
 * - counts balanced across (source, label) groups (balance 0.5).
 * Leave-one-source-out (research, each signal alone): pooled AUROC 0.761 English / 0.762 French; worst source the
 * 2026-assistant texts (0.68 / 0.57); sentences 0.62 / 0.61; no source flips direction.
 * API: default export (the Signal, reading the shipped tables); `computeWith(doc, model)` for any fitted model (the
 * evaluation fits one per fold); `STYLE_LR_TABLES`; types `StyleLrModel`, `StyleLrConfig` (defined table-free in
 * _lib/style-lr-model.ts, so the fit code can build a table where none exists).
 * Limits: "machine" means the generators of the training sources (mostly 2023-2024 chat models); a human who writes
 * in that register (formal, even, connective-rich) scores high: about half of the human CS224N abstracts and
 * encyclopaedic articles fall above the 90th percentile of other human text, while learner essays, novels and news
 * do not; text edited by writing tools can too. Machine-only material (the team's 2026-assistant texts) cannot enter
 * paired training until human texts of the same genres stand beside it. French has two labelled sources only, so
 * its models are thin.
 */
import type { Abstention, Doc, Signal, SignalResult } from '../types';
import styleLrEn from '../../../assets/style-lr-en.json';
import styleLrFr from '../../../assets/style-lr-fr.json';
import { ngramScorer } from './_lib/ngram';
import { encodeStyle, type StyleLang } from './_lib/style-tokens';
import type { StyleLrModel, StyleLrTable } from './_lib/style-lr-model';

export { STYLE_LR_DEFAULTS, TYPOGRAPHIC_MARKS, type StyleLrConfig, type StyleLrModel, type StyleLrTable } from './_lib/style-lr-model';

/** Below this many words: abstain (the mean per token is noisy on a paragraph). */
export const MIN_WORDS = 50;
/** A sentence gets a value when it has at least this many tokens (its end counts as one). */
export const MIN_SENTENCE_TOKENS = 5;

export const STYLE_LR_TABLES: Record<StyleLang, StyleLrTable> = {
  en: styleLrEn as StyleLrTable,
  fr: styleLrFr as StyleLrTable,
};

function abstain(doc: Doc, lang: string): Abstention | undefined {
  if (doc.lang === 'und') return { abstained: true, code: 'undetermined-language' };
  if (doc.lang !== lang) return { abstained: true, code: 'language', params: { lang: doc.lang } };
  if (doc.words.length === 0) return { abstained: true, code: 'no-text' };
  if (doc.words.length < MIN_WORDS) return { abstained: true, code: 'too-short', params: { words: doc.words.length, needed: MIN_WORDS } };
  return undefined;
}

/** ln P_machine - ln P_human of every token of one sentence and of its end, summed (bigram: dense tables). */
function sentenceLlr(ids: Int32Array, model: StyleLrModel): number {
  const h = ngramScorer(model.human);
  const m = ngramScorer(model.machine);
  let ss = 0;
  if (h.dense && m.dense && h.size === m.size) {
    const S = h.size;
    let prev = h.begin;
    for (let i = 0; i <= ids.length; i++) {
      const t = i < ids.length ? ids[i]! : h.end;
      ss += m.dense[prev * S + t]! - h.dense[prev * S + t]!;
      prev = t;
    }
    return ss;
  }
  const ctx: number[] = new Array<number>(h.order - 1).fill(h.begin);
  for (let i = 0; i <= ids.length; i++) {
    const t = i < ids.length ? ids[i]! : h.end;
    ss += m.logProb(ctx, t) - h.logProb(ctx, t);
    if (ctx.length) {
      ctx.shift();
      ctx.push(t);
    }
  }
  return ss;
}

/** Measure `doc` with any fitted model (the shipped tables, or a fold's model in the evaluation). */
export function computeWith(doc: Doc, model: StyleLrModel): SignalResult | Abstention {
  const no = abstain(doc, model.lang);
  if (no) return no;
  const encoded = encodeStyle(doc, { lang: model.lang, tokens: model.tokens, vocabWords: model.vocabWords, drop: model.config.dropMarks });
  let sum = 0;
  let n = 0;
  let classes = 0;
  let up = 0;
  let measured = 0;
  const sentences: (number | undefined)[] = [];
  for (const ids of encoded) {
    if (ids.length === 0) {
      sentences.push(undefined);
      continue;
    }
    for (const id of ids) if (id >= model.vocabWords) classes++;
    const ss = sentenceLlr(ids, model);
    sum += ss;
    n += ids.length + 1;
    const value = ids.length + 1 >= MIN_SENTENCE_TOKENS ? ss / (ids.length + 1) : undefined;
    sentences.push(value);
    if (value !== undefined) {
      measured++;
      if (value > 0) up++;
    }
  }
  if (n === 0) return { abstained: true, code: 'no-text' };
  const raw = sum / n;
  return { raw, sentences, details: { tokens: n, llrPerToken: raw, ratio: Math.exp(raw), classShare: classes / n, sentencesMeasured: measured, sentencesMachineward: up } };
}

function compute(doc: Doc): SignalResult | Abstention {
  if (doc.lang !== 'en' && doc.lang !== 'fr') return abstain(doc, 'en')!;
  return computeWith(doc, STYLE_LR_TABLES[doc.lang]);
}

const styleLr: Signal = {
  id: 'style-lr',
  languages: ['en', 'fr'],
  minWords: MIN_WORDS,
  compute,
};

export default styleLr;
