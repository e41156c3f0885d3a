/**
 * fit — build human reference tables, fit combination weights, and run leave-one-domain-out evaluation.
 *
 * Used by scripts/calibrate.ts (which writes assets/reference.json) and scripts/eval.ts (which prints figures).
 * Node-side, but pure: it works on measured rows, never on files.
 *
 * Method, and why:
 * - References: for each language, the quantiles of every signal's raw value over HUMAN texts only (and over
 *   their sentences). Labels are not used, so a reference cannot learn what machine text looks like.
 * - Weights: non-negative logistic regression on the log-odds of those percentiles (a signal may add evidence
 *   toward "predictable" or nothing; it can never count in reverse), with L2 shrinkage toward equal weights.
 * - Choice by leave-one-domain-out: a domain's texts are scored with references and weights fitted on the other
 *   domains only, which is how the shipped tables will meet text they have never seen.
 */
import { buildDoc } from '../engine/text/doc';
import { isAbstention, type Signal } from '../engine/types';
import { measure, rank, SENTENCE_MIN_WORDS, flagDecision, type Measured } from '../engine/score/analyse';
import { quantileGrid, logit, type LangReference, type ReferenceText } from '../engine/score/calibration';
import { registerOf } from '../engine/score/register';
import { auroc, confusion, tprAtFpr, type Scored } from '../engine/score/metrics';
import type { LabelledText } from './devset';

export interface Row {
  item: LabelledText;
  measured: Measured;
  raw: Record<string, number>;
}

export function measureAll(items: readonly LabelledText[], signals: readonly Signal[], minWords = 0): Row[] {
  const rows: Row[] = [];
  for (const item of items) {
    const doc = buildDoc(item.text, { lang: item.lang === 'en' || item.lang === 'fr' ? item.lang : undefined });
    if (doc.words.length < minWords) continue;
    const measured = measure(doc, signals);
    const raw: Record<string, number> = {};
    for (const [id, r] of measured.results) if (!isAbstention(r)) raw[id] = r.raw;
    rows.push({ item, measured, raw });
  }
  return rows;
}

/** How many nearest human texts (by register) a text is compared with: enough for stable percentiles (1/80 steps),
 * few enough to stay within one kind of writing. Chosen by leave-one-domain-out on the dev set (40..150 tried). */
export const NEIGHBOURS = 80;

/** Human reference for one language from human rows: per-text figures (register, raw values, combined value
 * against the other references), pooled quantiles, and sentence quantiles under `weights`. */
export function buildReference(humanRows: readonly Row[], signalIds: readonly string[], weights: Record<string, number>): LangReference {
  const regs = humanRows.map((r) => registerOf(r.measured.doc));
  const registerScale = regs[0]?.map((_, j) => round6(sd(regs.map((v) => v[j]!))) || 1) ?? [];
  const refs: ReferenceText[] = humanRows.map((r, i) => ({
    reg: regs[i]!.map(round6),
    raw: Object.fromEntries(signalIds.filter((id) => r.raw[id] !== undefined && Number.isFinite(r.raw[id])).map((id) => [id, round6(r.raw[id]!)])),
    combined: NaN,
  }));
  const signals: LangReference['signals'] = {};
  let sentenceCount = 0;
  for (const id of signalIds) {
    const docVals = humanRows.map((r) => r.raw[id]).filter((v): v is number => v !== undefined && Number.isFinite(v));
    if (docVals.length < 5) continue;
    const sentVals: number[] = [];
    for (const r of humanRows) {
      const res = r.measured.results.get(id);
      if (!res || isAbstention(res) || !res.sentences) continue;
      r.measured.doc.sentences.forEach((s, i) => {
        const v = res.sentences![i];
        if (s.wordCount >= SENTENCE_MIN_WORDS && v !== undefined && Number.isFinite(v)) sentVals.push(v);
      });
    }
    signals[id] = { doc: quantileGrid(docVals) };
    if (sentVals.length >= 20) signals[id].sentence = quantileGrid(sentVals);
  }
  const neighbours = Math.min(NEIGHBOURS, Math.max(1, humanRows.length - 1));
  const partial: LangReference = { texts: humanRows.length, sentences: 0, neighbours, registerScale, refs, signals, combined: [], sentenceCombined: [] };
  // each reference's combined value, against its own neighbours (itself left out)
  const ranked = humanRows.map((r, i) => rank(r.measured, partial, weights, [], i));
  const combinedVals = ranked.map((k) => k.combined);
  combinedVals.forEach((c, i) => (refs[i]!.combined = Number.isFinite(c) ? round6(c) : NaN));
  const sentenceVals: number[] = [];
  humanRows.forEach((r, i) => {
    for (const z of ranked[i]!.sentenceCombined) if (Number.isFinite(z)) sentenceVals.push(z);
    sentenceCount += r.measured.doc.sentences.filter((s) => s.wordCount >= SENTENCE_MIN_WORDS).length;
  });
  return { ...partial, sentences: sentenceCount, combined: quantileGrid(combinedVals), sentenceCombined: quantileGrid(sentenceVals) };
}

function sd(xs: number[]): number {
  const m = xs.reduce((a, v) => a + v, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, v) => a + (v - m) ** 2, 0) / xs.length);
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** Percentile log-odds features of rows against a reference; 0 (neutral) where a signal abstained. */
function features(rows: readonly Row[], refs: Record<string, LangReference>, ids: readonly string[]): number[][] {
  const ones: Record<string, number> = Object.fromEntries(ids.map((id) => [id, 1]));
  return rows.map((r) => {
    const k = rank(r.measured, refs[r.item.lang]!, ones);
    return ids.map((id) => (k.percentiles[id] === undefined ? 0 : logit(k.percentiles[id])));
  });
}

/** Non-negative logistic regression (projected gradient descent), L2 toward 0; returns weights normalised to sum 1
 * (all equal if every weight hits 0). */
export function fitWeights(x: number[][], y: boolean[], lambda = 0.01, iterations = 600): number[] {
  const d = x[0]?.length ?? 0;
  const w = new Array<number>(d).fill(0.1);
  let b = 0;
  const n = x.length;
  const lr = 0.1;
  // balance classes so that domain mixes with unequal counts do not tilt the fit
  const pos = y.filter(Boolean).length;
  const wPos = pos ? n / (2 * pos) : 1;
  const wNeg = n - pos ? n / (2 * (n - pos)) : 1;
  for (let it = 0; it < iterations; it++) {
    const g = new Array<number>(d).fill(0);
    let gb = 0;
    for (let i = 0; i < n; i++) {
      let z = b;
      for (let j = 0; j < d; j++) z += w[j]! * x[i]![j]!;
      const p = 1 / (1 + Math.exp(-z));
      const err = (p - (y[i] ? 1 : 0)) * (y[i] ? wPos : wNeg);
      for (let j = 0; j < d; j++) g[j]! += err * x[i]![j]!;
      gb += err;
    }
    for (let j = 0; j < d; j++) w[j] = Math.max(0, w[j]! - lr * (g[j]! / n + lambda * w[j]!));
    b -= lr * (gb / n);
  }
  const sum = w.reduce((a, v) => a + v, 0);
  return sum > 0 ? w.map((v) => v / sum) : w.map(() => 1 / d);
}

export interface Scoring {
  row: Row;
  score: number;
  percentiles: Record<string, number>;
  flag: boolean;
}

export interface FoldResult {
  held: string;
  weights: Record<string, number>;
  scored: Scoring[];
}

export type Method = 'equal' | 'logistic';

/** Fit references (and weights) on `train`, score `test`. References are per language, from train humans. */
function fitAndScore(train: readonly Row[], test: readonly Row[], ids: readonly string[], method: Method, thresholdPct: number): Scoring[] & { weights?: Record<string, number> } {
  const langs = [...new Set(test.map((r) => r.item.lang))];
  const equal = Object.fromEntries(ids.map((id) => [id, 1 / ids.length]));
  const refs0: Record<string, LangReference> = {};
  for (const l of new Set(train.map((r) => r.item.lang))) {
    refs0[l] = buildReference(train.filter((r) => r.item.lang === l && r.item.label === 'human'), ids, equal);
  }
  let weights = equal;
  if (method === 'logistic') {
    const tr = train.filter((r) => refs0[r.item.lang]);
    const w = fitWeights(features(tr, refs0, ids), tr.map((r) => r.item.label === 'machine'));
    weights = Object.fromEntries(ids.map((id, j) => [id, w[j]!]));
  }
  const refs: Record<string, LangReference> = {};
  for (const l of langs) {
    const humans = train.filter((r) => r.item.lang === l && r.item.label === 'human');
    if (humans.length >= 10) refs[l] = buildReference(humans, ids, weights);
  }
  const out = test
    .filter((r) => refs[r.item.lang])
    .map((row) => {
      const k = rank(row.measured, refs[row.item.lang]!, weights);
      return { row, score: k.score, percentiles: k.percentiles, flag: flagDecision(k.score, k.percentiles, weights, thresholdPct) };
    });
  return Object.assign(out, { weights });
}

/** Fold key: the domain for English; French (one domain) is split into `frFolds` folds by position. */
export function foldOf(r: Row, index: number, frFolds = 5): string {
  return r.item.lang === 'fr' ? `fr/fold${index % frFolds}` : `${r.item.lang}/${r.item.domain}`;
}

/** Leave-one-fold-out over folds (domains for English; k folds for French, which has one domain). */
export function crossValidate(rows: readonly Row[], ids: readonly string[], method: Method, thresholdPct: number): FoldResult[] {
  const keys = rows.map((r, i) => foldOf(r, i));
  const folds = [...new Set(keys)].sort();
  return folds.map((held) => {
    const test = rows.filter((_, i) => keys[i] === held);
    // Everything outside the held fold trains: references are per language (so the other language's rows only
    // shape the weights), English domains are held out whole, French folds split its single domain.
    const train = rows.filter((_, i) => keys[i] !== held);
    const scored = fitAndScore(train, test, ids, method, thresholdPct);
    return { held, weights: scored.weights ?? {}, scored: [...scored] };
  });
}

export interface Figures {
  n: number;
  auroc: number;
  tpr1: number;
  tpr5: number;
  flagFpr: number;
  flagTpr: number;
}

export function figures(scored: readonly Pick<Scoring, 'row' | 'score' | 'flag'>[]): Figures {
  const items: Scored[] = scored.filter((s) => Number.isFinite(s.score)).map((s) => ({ score: s.score, positive: s.row.item.label === 'machine' }));
  const flags: Scored[] = scored.map((s) => ({ score: s.flag ? 1 : 0, positive: s.row.item.label === 'machine' }));
  const c = confusion(flags, 1);
  return { n: scored.length, auroc: auroc(items), tpr1: tprAtFpr(items, 0.01), tpr5: tprAtFpr(items, 0.05), flagFpr: c.fpr, flagTpr: c.tpr };
}
