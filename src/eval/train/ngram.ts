/**
 * ngram (fit) — fits the small interpolated Kneser-Ney n-gram models the engine reads with
 * src/engine/signals/_lib/ngram.ts (format documented there).
 *
 * What: `fitNgram(sequences, options, weights?)` counts n-grams of order 1..N over sentences of token ids
 * (0..vocab-1), each sentence's counts multiplied by its weight (source balancing), applies interpolated Kneser-Ney
 * smoothing (Chen & Goodman 1998: one absolute discount per order, D = n1 / (n1 + 2 n2) on raw counts, clamped to
 * 0.1..0.95; lower orders from continuation counts; the unigram level interpolates with the uniform distribution)
 * and stores log P of every kept n-gram and a back-off weight per context, quantised. N-grams of the highest order
 * seen fewer than `minCount` times (raw) are pruned: their mass goes to the back-off weight, so the model stays
 * normalised. Sentences are padded with N-1 begin symbols (id vocab) and one end symbol (id vocab + 1).
 * Deterministic: the same sequences in the same order give the same model, bit for bit.
 * Limits: keys are ids in base `size`, so size^order must stay below 2^53 (checked: throws). No entropy pruning.
 */
import { QUANTUM, type NgramLevel, type NgramModel } from '../../engine/signals/_lib/ngram';

export interface NgramOptions {
  order: number;
  /** Ids run 0..vocab-1; begin = vocab, end = vocab + 1. */
  vocab: number;
  /** Highest-order n-grams seen fewer times than this (raw count) are pruned; lower orders use minCountLower. */
  minCount?: number;
  minCountLower?: number;
}

const clampD = (d: number) => (Number.isFinite(d) ? Math.min(0.95, Math.max(0.1, d)) : 0.75);

/** Weighted and raw counts of the highest order. */
function countTop(sequences: readonly ArrayLike<number>[], N: number, S: number, weights?: readonly number[]) {
  const BOS = S - 2;
  const EOS = S - 1;
  const top = new Map<number, number>();
  const topRaw = new Map<number, number>();
  const padded: number[] = [];
  sequences.forEach((seq, si) => {
    const wt = weights ? weights[si]! : 1;
    padded.length = 0;
    for (let i = 0; i < N - 1; i++) padded.push(BOS);
    for (let i = 0; i < seq.length; i++) padded.push(seq[i]!);
    padded.push(EOS);
    for (let i = N - 1; i < padded.length; i++) {
      let key = 0;
      for (let j = i - N + 1; j <= i; j++) key = key * S + padded[j]!;
      top.set(key, (top.get(key) ?? 0) + wt);
      topRaw.set(key, (topRaw.get(key) ?? 0) + 1);
    }
  });
  return { top, topRaw };
}

function discount(raw: Map<number, number>): number {
  let n1 = 0;
  let n2 = 0;
  for (const v of raw.values()) {
    if (v === 1) n1++;
    else if (v === 2) n2++;
  }
  return clampD(n1 / (n1 + 2 * n2));
}

/** Order 1: discounted continuation counts interpolated with the uniform distribution over predictable symbols. */
function unigramProbs(c1: Map<number, number>, S: number): Float64Array {
  const BOS = S - 2;
  const uniP = new Float64Array(S);
  const D = discount(c1);
  let total = 0;
  let mass = 0;
  for (const [w, c] of c1) {
    if (w === BOS) continue;
    total += c;
    mass += Math.min(D, c);
  }
  const gamma = total > 0 ? mass / total : 1;
  for (let w = 0; w < S; w++) {
    if (w === BOS) continue;
    const c = c1.get(w) ?? 0;
    uniP[w] = (total > 0 ? Math.max(c - D, 0) / total : 0) + gamma / (S - 1);
  }
  return uniP;
}

interface Smoothed {
  probs: Map<number, number>[];
  gammas: Map<number, number>[];
}

/** Orders 2..N: P_k(w|h) = max(c - D, 0) / c(h) + gamma(h) P_{k-1}(w|h'), gamma(h) = (discounted + pruned mass) / c(h). */
function smooth(counts: Map<number, number>[], raws: Map<number, number>[], uniP: Float64Array, N: number, S: number, minTop: number, minLow: number): Smoothed {
  const pow = Array.from({ length: N + 1 }, (_, i) => Math.pow(S, i));
  const probs: Map<number, number>[] = new Array<Map<number, number>>(N + 1);
  const gammas: Map<number, number>[] = new Array<Map<number, number>>(N + 1);
  const lower = (k: number, key: number): number => {
    if (k === 1) return uniP[key]!;
    const p = probs[k]!.get(key);
    if (p !== undefined) return p;
    const g = gammas[k]!.get(Math.floor(key / S));
    return (g ?? 1) * lower(k - 1, key % pow[k - 1]!);
  };
  for (let k = 2; k <= N; k++) {
    const D = discount(raws[k]!);
    const min = k === N ? minTop : minLow;
    const ctxTotal = new Map<number, number>();
    const ctxMass = new Map<number, number>();
    for (const [key, c] of counts[k]!) {
      const h = Math.floor(key / S);
      ctxTotal.set(h, (ctxTotal.get(h) ?? 0) + c);
      const kept = raws[k]!.get(key)! >= min;
      ctxMass.set(h, (ctxMass.get(h) ?? 0) + (kept ? Math.min(D, c) : c));
    }
    const g = new Map<number, number>();
    for (const [h, t] of ctxTotal) g.set(h, t > 0 ? ctxMass.get(h)! / t : 1);
    gammas[k] = g;
    const p = new Map<number, number>();
    probs[k] = p;
    // lower orders are final here (filled before)
    for (const [key, c] of counts[k]!) {
      if (raws[k]!.get(key)! < min) continue;
      const h = Math.floor(key / S);
      p.set(key, Math.max(c - D, 0) / ctxTotal.get(h)! + g.get(h)! * lower(k - 1, key % pow[k - 1]!));
    }
  }
  return { probs, gammas };
}

const q = (p: number) => Math.max(0, Math.round(-Math.log(p) / QUANTUM));

/** Kept n-grams of one order, grouped by context, sorted and delta-coded. */
function pack(probs: Map<number, number>, gammas: Map<number, number>, S: number): NgramLevel {
  const byCtx = new Map<number, number[]>();
  for (const key of probs.keys()) {
    const h = Math.floor(key / S);
    let l = byCtx.get(h);
    if (!l) byCtx.set(h, (l = []));
    l.push(key % S);
  }
  const ctxs = [...byCtx.keys()].sort((a, b) => a - b);
  const level: NgramLevel = { ctx: [], bow: [], n: [], w: [], lp: [] };
  let prevCtx = 0;
  for (const h of ctxs) {
    level.ctx.push(h - prevCtx);
    prevCtx = h;
    level.bow.push(q(gammas.get(h)!));
    const ws = byCtx.get(h)!.sort((a, b) => a - b);
    level.n.push(ws.length);
    let prevW = 0;
    for (const w of ws) {
      level.w.push(w - prevW);
      prevW = w;
      level.lp.push(q(probs.get(h * S + w)!));
    }
  }
  return level;
}

/** Fit an interpolated Kneser-Ney model. `weights[i]` multiplies the counts of sequence i (default 1). */
export function fitNgram(sequences: readonly ArrayLike<number>[], options: NgramOptions, weights?: readonly number[]): NgramModel {
  const N = options.order;
  const S = options.vocab + 2;
  if (Math.pow(S, N) >= 2 ** 53) throw new Error(`ngram: size ${S}^${N} too large for numeric keys`);
  const { top, topRaw } = countTop(sequences, N, S, weights);
  // counts per order: order N = weighted counts; order k < N = continuation counts (distinct left extensions)
  const counts: Map<number, number>[] = new Array<Map<number, number>>(N + 1);
  const raws: Map<number, number>[] = new Array<Map<number, number>>(N + 1);
  counts[N] = top;
  raws[N] = topRaw;
  for (let k = N - 1; k >= 1; k--) {
    const c = new Map<number, number>();
    const pk = Math.pow(S, k);
    for (const key of counts[k + 1]!.keys()) {
      const suffix = key % pk;
      c.set(suffix, (c.get(suffix) ?? 0) + 1);
    }
    counts[k] = c;
    raws[k] = c;
  }
  const uniP = unigramProbs(counts[1]!, S);
  const { probs, gammas } = smooth(counts, raws, uniP, N, S, options.minCount ?? 1, options.minCountLower ?? 1);
  const levels: NgramLevel[] = [];
  for (let k = 2; k <= N; k++) levels.push(pack(probs[k]!, gammas[k]!, S));
  const BOS = S - 2;
  return { order: N, size: S, quantum: QUANTUM, uni: Array.from(uniP, (p, i) => (i === BOS ? 0 : q(p))), levels };
}
