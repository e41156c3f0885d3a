/**
 * report — the figures of a leave-one-source-out run, per source and pooled, and their printed tables.
 *
 * Definitions (every figure is computed on out-of-fold results only):
 * - scored: a text at or above the gate that the engine scored; abstained = below the gate or not scored.
 * - AUROC per source: "within" when the source has >= 10 scored human and >= 10 scored machine texts: its machine
 *   texts against its human texts; otherwise "cross": the source's texts against the out-of-fold texts of the
 *   other label from every other source, in the same language. Per source, pairs are only formed within one
 *   language (iu: English with English, French with French; AUROC = pair-weighted mean). Pooled AUROC (all / en /
 *   fr) ranks every scored text of the group together. Ties count one half.
 * - TPR at 1% / 5% FPR: the best share of machine texts at or above a score threshold whose share of human texts at
 *   or above it is <= 1% / 5%, on the same sets as the AUROC (cross sets pooled over languages).
 * - flag FPR / TPR: share of the source's scored human / machine texts the default flag marks.
 * - calibration: the stated percentile as the product displays it (src/engine/explain/messages.ts pct: rounded down
 *   to a whole percent, at most 99%); for p in 50/80/90/95/99%, observed = share of scored HUMAN texts whose displayed
 *   percentile is >= p, expected = 1 - p, diff = observed - expected in percentage points (positive = the claim
 *   "more predictable than p of human writing" is made more often than it holds).
 * - sentence levels: over sentences of >= 5 words (SENTENCE_MIN_WORDS) in scored documents: share at level >= 1,
 *   >= 2 and = 3 (default sensitivity), for human and machine texts; docs L3 = share of scored documents with at
 *   least one level-3 sentence.
 * - worst source: the lowest AUROC / TPR / flag TPR, the highest flag FPR / level-3 rates; for calibration, the
 *   largest |diff| and the largest positive diff (over-claim) among human sources with at least CALIB_MIN_HUMANS
 *   scored texts (the target applies to those).
 * - top ties: share of scored texts sharing the highest ranking score (why TPR at 1% FPR can be 0).
 * - beyond: share of scored texts beyond every reference text of the kinds they were compared with.
 */
import { SENTENCE_MIN_WORDS } from '../engine/score/constants';
import { headlineBand, type HeadlineBand } from '../engine/explain/messages';
import { auroc, tprAtFpr, type Scored } from '../engine/score/metrics';
import type { LosoRun, Outcome } from './protocol';

export const PERCENTS = [0.5, 0.8, 0.9, 0.95, 0.99] as const;
export const CALIB_MIN_HUMANS = 50;
const WITHIN_MIN = 10;

/** The stated percentile as displayed: whole percent rounded down, 0..99 (src/engine/explain/messages.ts pct). */
export function displayed(p: number): number {
  return Math.max(0, Math.min(99, Math.floor(p * 100 + 1e-9))) / 100;
}

export interface SentenceRates {
  sentences: number;
  l1: number;
  l2: number;
  l3: number;
  docs: number;
  /** Share of documents with at least one highlighted sentence. */
  docsL1: number;
  docsL3: number;
}

export interface GroupFigures {
  name: string;
  langs: string[];
  nHuman: number;
  nMachine: number;
  abstained: number;
  aurocKind: 'within' | 'cross' | 'pooled' | '-';
  auroc: number;
  tpr1: number;
  tpr5: number;
  flagFpr: number;
  flagTpr: number;
  /** Observed share of scored humans with displayed percentile >= p, for each of PERCENTS; NaN without humans. */
  calibration: number[];
  scoredHumans: number;
  /** Share of scored texts whose ranking score equals the group's highest score (ties at the top make TPR at a
   * low FPR impossible: a percentile that saturates at 1.0 cannot rank its top). */
  topTies: number;
  /** Share of scored texts beyond every reference text they were compared with. */
  beyond: number;
  human: SentenceRates;
  machine: SentenceRates;
}

const scoredOf = (xs: readonly Outcome[]) => xs.filter((o) => o.applied);
const isMachine = (o: Outcome) => o.row.item.label === 'machine';

function rates(xs: readonly Outcome[]): SentenceRates {
  let sentences = 0, l1 = 0, l2 = 0, l3 = 0, docsL1 = 0, docsL3 = 0;
  for (const o of xs) {
    const sw = o.row.f.sentWords;
    let any1 = false;
    let any3 = false;
    o.applied!.levels.forEach((lv, i) => {
      if ((sw[i] ?? 0) < SENTENCE_MIN_WORDS) return;
      sentences++;
      if (lv >= 1) {
        l1++;
        any1 = true;
      }
      if (lv >= 2) l2++;
      if (lv === 3) {
        l3++;
        any3 = true;
      }
    });
    if (any1) docsL1++;
    if (any3) docsL3++;
  }
  const d = (x: number, n: number) => (n ? x / n : NaN);
  return { sentences, l1: d(l1, sentences), l2: d(l2, sentences), l3: d(l3, sentences), docs: xs.length, docsL1: d(docsL1, xs.length), docsL3: d(docsL3, xs.length) };
}

function toScored(xs: readonly Outcome[]): Scored[] {
  return xs.map((o) => ({ score: o.applied!.stated, positive: isMachine(o) }));
}

/** AUROC over pairs formed within each language only (pair-weighted mean). */
function aurocByLang(pos: readonly Outcome[], neg: readonly Outcome[]): number {
  let num = 0;
  let den = 0;
  for (const lang of new Set(pos.map((o) => o.row.item.lang))) {
    const p = pos.filter((o) => o.row.item.lang === lang);
    const n = neg.filter((o) => o.row.item.lang === lang);
    if (!p.length || !n.length) continue;
    const a = auroc(toScored([...p, ...n]));
    num += a * p.length * n.length;
    den += p.length * n.length;
  }
  return den ? num / den : NaN;
}

function base(name: string, xs: readonly Outcome[]) {
  const scored = scoredOf(xs);
  const h = scored.filter((o) => !isMachine(o));
  const m = scored.filter(isMachine);
  const calibration = PERCENTS.map((p) => (h.length ? h.filter((o) => displayed(o.applied!.stated) >= p - 1e-9).length / h.length : NaN));
  return {
    name,
    langs: [...new Set(xs.map((o) => o.row.item.lang))].sort(),
    nHuman: xs.filter((o) => !isMachine(o)).length,
    nMachine: xs.filter(isMachine).length,
    abstained: xs.length - scored.length,
    flagFpr: h.length ? h.filter((o) => o.applied!.flag).length / h.length : NaN,
    flagTpr: m.length ? m.filter((o) => o.applied!.flag).length / m.length : NaN,
    calibration,
    scoredHumans: h.length,
    topTies: scored.length ? scored.filter((o) => o.applied!.stated === Math.max(...scored.map((x) => x.applied!.stated))).length / scored.length : NaN,
    beyond: scored.length ? scored.filter((o) => o.applied!.beyond).length / scored.length : NaN,
    human: rates(h),
    machine: rates(m),
    h,
    m,
  };
}

/** Figures of one left-out source. `all` = every outcome of the run (for cross AUROC). */
export function sourceFigures(source: string, all: readonly Outcome[]): GroupFigures {
  const xs = all.filter((o) => o.row.item.source === source);
  const b = base(source, xs);
  let pos: Outcome[];
  let neg: Outcome[];
  let kind: GroupFigures['aurocKind'];
  const others = scoredOf(all).filter((o) => o.row.item.source !== source && b.langs.includes(o.row.item.lang));
  if (b.h.length >= WITHIN_MIN && b.m.length >= WITHIN_MIN) {
    [pos, neg, kind] = [b.m, b.h, 'within'];
  } else if (b.h.length >= b.m.length) {
    [pos, neg, kind] = [others.filter(isMachine), b.h, 'cross'];
  } else {
    [pos, neg, kind] = [b.m, others.filter((o) => !isMachine(o)), 'cross'];
  }
  if (!pos.length || !neg.length) kind = '-';
  const sc = toScored([...pos, ...neg]);
  const { h: _h, m: _m, ...rest } = b;
  return { ...rest, aurocKind: kind, auroc: aurocByLang(pos, neg), tpr1: tprAtFpr(sc, 0.01), tpr5: tprAtFpr(sc, 0.05) };
}

/** Pooled figures over a group of outcomes (all, or one language). */
export function pooledFigures(name: string, xs: readonly Outcome[]): GroupFigures {
  const b = base(name, xs);
  const sc = toScored(scoredOf(xs));
  const { h: _h, m: _m, ...rest } = b;
  return { ...rest, aurocKind: 'pooled', auroc: auroc(sc), tpr1: tprAtFpr(sc, 0.01), tpr5: tprAtFpr(sc, 0.05) };
}

export interface RunFigures {
  counted: string[];
  gate: number;
  ms: number;
  sources: GroupFigures[];
  pooled: GroupFigures[];
  worst: Record<string, { source: string; value: number } | undefined>;
  /** Pooled over every source: documents by the headline's band (messages.ts), with their highlight rates — a
   * headline that says "usual range" next to highlighted sentences must say what they are (render.ts). */
  bands: BandFigures[];
}

export interface BandFigures {
  band: HeadlineBand;
  human: SentenceRates;
  machine: SentenceRates;
}

/** The headline band of a scored text, as the headline reads it (messages.ts `headlineBand`). */
export function bandOf(a: { stated: number; flag: boolean }): HeadlineBand {
  return headlineBand(a.stated, a.flag);
}

function worstOf(xs: readonly GroupFigures[], f: (g: GroupFigures) => number, lowest: boolean) {
  let best: { source: string; value: number } | undefined;
  for (const g of xs) {
    const v = f(g);
    if (!Number.isFinite(v)) continue;
    if (!best || (lowest ? v < best.value : v > best.value)) best = { source: g.name, value: v };
  }
  return best;
}

export function runFigures(run: LosoRun): RunFigures {
  const sources = [...new Set(run.outcomes.map((o) => o.row.item.source))].sort().map((s) => sourceFigures(s, run.outcomes));
  const pooled = [
    pooledFigures('ALL', run.outcomes),
    pooledFigures('en', run.outcomes.filter((o) => o.row.item.lang === 'en')),
    pooledFigures('fr', run.outcomes.filter((o) => o.row.item.lang === 'fr')),
  ];
  const calibSources = sources.filter((g) => g.scoredHumans >= CALIB_MIN_HUMANS);
  const worst: RunFigures['worst'] = {
    auroc: worstOf(sources, (g) => g.auroc, true),
    tpr1: worstOf(sources, (g) => g.tpr1, true),
    tpr5: worstOf(sources, (g) => g.tpr5, true),
    flagFpr: worstOf(sources, (g) => g.flagFpr, false),
    flagTpr: worstOf(sources, (g) => g.flagTpr, true),
    humanSentL3: worstOf(sources, (g) => g.human.l3, false),
    humanDocsL1: worstOf(sources, (g) => g.human.docsL1, false),
    humanDocsL3: worstOf(sources, (g) => g.human.docsL3, false),
    machineDocsL3: worstOf(sources, (g) => g.machine.docsL3, true),
  };
  PERCENTS.forEach((p, i) => {
    worst[`calib${Math.round(p * 100)}`] = worstOf(calibSources, (g) => Math.abs(g.calibration[i]! - (1 - p)), false);
    worst[`over${Math.round(p * 100)}`] = worstOf(calibSources, (g) => g.calibration[i]! - (1 - p), false);
  });
  const scored = scoredOf(run.outcomes);
  const bands = (['ordinary', 'usual', 'upper', 'high'] as const).map((band) => {
    const xs = scored.filter((o) => bandOf(o.applied!) === band);
    return { band, human: rates(xs.filter((o) => !isMachine(o))), machine: rates(xs.filter(isMachine)) };
  });
  return { counted: run.counted, gate: run.gate, ms: run.ms, sources, pooled, worst, bands };
}

