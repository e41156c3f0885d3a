/**
 * kinds — the stated percentile: where a text's combined value falls among the kinds of human writing most like it.
 *
 * What: the human reference is split into kinds (one source and domain, e.g. English learners' essays; one
 * Brown-corpus genre; see reference.ts). A text is compared with the `compared` (7) kinds whose register centroids
 * are nearest to its register, and its stated percentile is the LOWEST of its percentiles among those kinds'
 * combined values: "more predictable than X% of the texts of each of the 7 kinds of human writing most like it".
 * Why the minimum: it is conservative by design. A writer whose own kind is missing from the reference (a learner,
 * a lawyer) is compared with the most lenient of the nearest kinds there are, so a claim made about a text holds for
 * each of them, not only on average; under leave-one-source-out the claims at 80/90/95% stay within a few points for
 * most human sources, where a pooled reference over-claimed by 30 points for learners.
 * Strictly monotone, no ties at the top: within a kind the percentile is interpolated between order statistics
 * (mid-ranks); beyond its largest value it keeps rising, 1 - (1 - P(max)) * exp(-(c - max) / spread), and never
 * reaches 1; below its smallest value, the mirror. So two texts beyond every reference still rank, and the words say
 * "beyond all N human reference texts it was compared with", never 100%.
 * Pure; reads a LangReference.
 */
import { registerDistance } from './calibration';
import type { HeldOutGroup, LangReference } from './reference';

/** Smallest spread used for a kind's tails (in combined-value units, log-odds): a kind whose texts happen to lie close
 * together must not make its tail a cliff. Combined values are bounded by the log-odds clamp (about +-3.9), so with
 * this floor the tail stays far from 1 in double precision. */
export const TAIL_MIN_SPREAD = 0.5;

/**
 * Percentile of `c` among `sorted` (ascending, finite) values with mid-ranks between order statistics and
 * exponential tails beyond both ends (scale `spread`). Strictly increasing in `c`; always in (0, 1); NaN when there
 * are no values or `c` is not finite.
 */
export function tailPercentile(c: number, sorted: readonly number[], spread: number): number {
  const n = sorted.length;
  if (n === 0 || !Number.isFinite(c)) return NaN;
  const s = Math.max(TAIL_MIN_SPREAD, Number.isFinite(spread) ? spread : 0);
  const lo = sorted[0]!;
  const hi = sorted[n - 1]!;
  if (c > hi) return Math.min(1 - Number.EPSILON, 1 - (1 - midRank(hi, sorted)) * Math.exp(-(c - hi) / s));
  if (c < lo) return Math.max(Number.MIN_VALUE, midRank(lo, sorted) * Math.exp(-(lo - c) / s));
  const below = countBelow(c, sorted);
  const equal = countBelow(c, sorted, true) - below;
  if (equal > 0) return (below + equal / 2) / n;
  // strictly between two distinct values: interpolate between their mid-ranks
  const a = sorted[below - 1]!;
  const b = sorted[below]!;
  const pa = midRank(a, sorted);
  const pb = midRank(b, sorted);
  return pa + ((pb - pa) * (c - a)) / (b - a);
}

/** Mid-rank share of a value that is in `sorted`. */
function midRank(v: number, sorted: readonly number[]): number {
  const below = countBelow(v, sorted);
  const upTo = countBelow(v, sorted, true);
  return (below + (upTo - below) / 2) / sorted.length;
}

/** Number of values < x (or <= x when `orEqual`), by binary search. */
function countBelow(x: number, sorted: readonly number[], orEqual = false): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (sorted[m]! < x || (orEqual && sorted[m] === x)) lo = m + 1;
    else hi = m;
  }
  return lo;
}

/** Indices of the `m` kinds whose register centroids are nearest to `reg` (scaled distance), nearest first. */
export function nearestKinds(reg: readonly number[], ref: Pick<LangReference, 'kinds' | 'registerScale'>, m: number): number[] {
  return ref.kinds
    .map((k, i) => [registerDistance(reg, k.centroid, ref.registerScale), i] as const)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1])
    .slice(0, m)
    .map((x) => x[1]);
}

/** Each kind's combined values, sorted: from the references' stored values, or from `combined` (one value per
 * reference, e.g. with some signals switched off). NaN values are left out. */
export function kindValues(ref: Pick<LangReference, 'kinds' | 'refs'>, combined?: readonly number[]): number[][] {
  const out: number[][] = ref.kinds.map(() => []);
  ref.refs.forEach((r, i) => {
    const c = combined ? combined[i]! : r.c;
    if (r.kind >= 0 && Number.isFinite(c)) out[r.kind]?.push(c);
  });
  for (const v of out) v.sort((a, b) => a - b);
  return out;
}

const storedValues = new WeakMap<object, number[][]>();

/** kindValues of the stored combined values, computed once per reference. */
export function storedKindValues(ref: Pick<LangReference, 'kinds' | 'refs'>): number[][] {
  let v = storedValues.get(ref);
  if (!v) storedValues.set(ref, (v = kindValues(ref)));
  return v;
}

export interface KindPlace {
  /** Index into LangReference.kinds. */
  kind: number;
  /** Texts of that kind. */
  n: number;
  /** The text's percentile among them (strictly monotone, tails beyond the range). */
  p: number;
  /** True when the text's combined value is above every text of the kind. */
  beyond: boolean;
}

export interface Stated {
  /** The lowest of the kinds' percentiles: what the text is said to be more predictable than. */
  stated: number;
  /** The compared kinds, nearest in register first. */
  kinds: KindPlace[];
  /** Reference texts behind those kinds. */
  texts: number;
  /** True when the combined value is above every reference text of every compared kind. */
  beyond: boolean;
}

/** The stated percentile of combined value `c` for a text of register `reg`; undefined when nothing compares. */
export function statedPercentile(c: number, reg: readonly number[], ref: LangReference, values: readonly (readonly number[])[] = storedKindValues(ref)): Stated | undefined {
  if (!Number.isFinite(c)) return undefined;
  const kinds: KindPlace[] = [];
  for (const i of nearestKinds(reg, ref, ref.compared)) {
    const v = values[i];
    if (!v || v.length === 0) continue;
    kinds.push({ kind: i, n: v.length, p: tailPercentile(c, v, ref.kinds[i]!.spread), beyond: c > v[v.length - 1]! });
  }
  if (kinds.length === 0) return undefined;
  return {
    stated: Math.min(...kinds.map((k) => k.p)),
    kinds,
    texts: kinds.reduce((a, k) => a + k.n, 0),
    beyond: kinds.every((k) => k.beyond),
  };
}

/** A held-out group counts for the shown percentile with at least this many texts. */
export const HELD_OUT_MIN_TEXTS = 30;

/** What a stated percentile is shown as, and which human writing lowered it. */
export interface Shown {
  /** min(stated, the lowest of its percentiles among the held-out groups): strictly rising with `stated`. */
  shown: number;
  /** The held-out group that gave the lowest percentile, when it is below `stated`. */
  lowest?: { source: string; lang: string; texts: number; percentile: number };
}

/**
 * The percentile a user is shown: the stated percentile, lowered where it would over-claim for a kind of human
 * writing the reference lacks. Each held-out group holds one human source's stated percentiles computed when that
 * source was left out of the reference (fit-engine.ts, the inner leave-one-source-out): how the engine places human
 * writing it has never seen. The shown figure is the lowest of the stated percentile and its percentiles among every
 * group (in log-odds, with the same tails as the kinds, so it keeps rising beyond every group and never reaches 1).
 * So "more predictable than X%" holds, as far as the sources tested tell, for each kind of writer and not only on
 * average: a student's dissertation scored as unseen is not told "more predictable than 90%" when 18% of unseen
 * dissertations are. A fixed function of the stated percentile: ranking, and so AUROC, are unchanged.
 */
export function shownPercentile(stated: number, groups: readonly HeldOutGroup[] | undefined): Shown {
  if (!groups || groups.length === 0 || !Number.isFinite(stated) || stated <= 0 || stated >= 1) return { shown: stated };
  const c = Math.log(stated / (1 - stated));
  let lowest: Shown['lowest'];
  let shown = stated;
  for (const g of groups) {
    if (g.values.length < HELD_OUT_MIN_TEXTS) continue;
    const p = tailPercentile(c, g.values, groupSpread(g));
    if (p < shown) {
      shown = p;
      lowest = { source: g.source, lang: g.lang, texts: g.values.length, percentile: p };
    }
  }
  return lowest ? { shown, lowest } : { shown };
}

const spreads = new WeakMap<HeldOutGroup, number>();

/** Standard deviation of a group's values (memoised): the scale of its tails. */
function groupSpread(g: HeldOutGroup): number {
  let s = spreads.get(g);
  if (s === undefined) {
    const n = g.values.length;
    const mean = g.values.reduce((a, v) => a + v, 0) / n;
    s = Math.sqrt(g.values.reduce((a, v) => a + (v - mean) * (v - mean), 0) / n);
    spreads.set(g, s);
  }
  return s;
}
