/**
 * ngram — the reader of the engine's small n-gram tables (interpolated Kneser-Ney, stored the way an ARPA file is).
 *
 * What: an `NgramModel` (written by src/eval/train/ngram.ts `fitNgram`, shipped inside assets/style-lr-<lang>.json)
 * holds, for every kept n-gram of order 2..N, round(-ln P / quantum), and for every context a back-off weight;
 * unigrams for every symbol. `ngramScorer(model)` unpacks it once into a `logProb(context, token)` function:
 * the longest kept n-gram answers, else the back-off weights of the contexts passed are added to the lower order
 * (the standard ARPA reading). For a bigram model (what style-lr ships) the whole table is unpacked into one dense
 * size x size array, so a look-up is one index.
 * Format (integers, so the JSON is small and gzips well): symbols are 0..size-1 (vocabulary, then begin = size - 2,
 * then end = size - 1); per order, contexts are sorted numeric keys (ids in base `size`), delta-coded; successors
 * of a context are sorted ids, delta-coded within the context; `lp` and `bow` are quantised -ln values.
 * Limits: keys are ids in base `size`, so size^order must stay below 2^53 (the fit checks it). The reader trusts
 * the table (it is shipped with the engine); a malformed one gives NaN, which callers treat as no value.
 */

/** Resolution of stored log-probabilities, in nats (what the fit writes; the table repeats it as `quantum`). */
export const QUANTUM = 0.05;

export interface NgramLevel {
  /** Sorted context keys (ids of the k-1 previous tokens in base `size`), delta-coded. */
  ctx: number[];
  /** round(-ln gamma(context) / quantum): the back-off weight of each context. */
  bow: number[];
  /** Number of kept successors of each context. */
  n: number[];
  /** Successor ids of each context, sorted and delta-coded within the context. */
  w: number[];
  /** round(-ln P(w | context) / quantum), one per successor. */
  lp: number[];
}

export interface NgramModel {
  order: number;
  /** Number of symbols: vocabulary + begin + end. */
  size: number;
  quantum: number;
  /** round(-ln P(w) / quantum) for every symbol (the begin symbol gets 0: it is never predicted). */
  uni: number[];
  /** levels[k - 2] holds order k (2..order). */
  levels: NgramLevel[];
}

export interface NgramScorer {
  order: number;
  size: number;
  begin: number;
  end: number;
  /** ln P(token | the order-1 previous tokens, oldest first; padded with `begin`). */
  logProb(context: readonly number[], token: number): number;
  /** Bigram models only: ln P(token | previous) for every (previous, token), row-major (previous * size + token). */
  dense?: Float64Array;
}

/** The kept n-grams and back-off weights of every order, as maps from numeric keys to ln values. */
function unpack(model: NgramModel): { kept: Map<number, number>[]; bows: Map<number, number>[] } {
  const S = model.size;
  const qd = model.quantum;
  const kept: Map<number, number>[] = [];
  const bows: Map<number, number>[] = [];
  for (const level of model.levels) {
    const m = new Map<number, number>();
    const b = new Map<number, number>();
    let h = 0;
    let j = 0;
    level.ctx.forEach((dh, ci) => {
      h += dh;
      b.set(h, -level.bow[ci]! * qd);
      let w = 0;
      const n = level.n[ci]!;
      for (let t = 0; t < n; t++, j++) {
        w += level.w[j]!;
        m.set(h * S + w, -level.lp[j]! * qd);
      }
    });
    kept.push(m);
    bows.push(b);
  }
  return { kept, bows };
}

const scorers = new WeakMap<NgramModel, NgramScorer>();

/** A scorer for a stored model, unpacked once per model object. */
export function ngramScorer(model: NgramModel): NgramScorer {
  const cached = scorers.get(model);
  if (cached) return cached;
  const S = model.size;
  const uni = Float64Array.from(model.uni, (x) => -x * model.quantum);
  // the maps are built only when logProb is first called: a bigram model is read through `dense`, filled straight
  // from the stored lists (no map at first use)
  let maps: ReturnType<typeof unpack> | undefined;
  const logProb = (context: readonly number[], token: number): number => {
    const { kept, bows } = (maps ??= unpack(model));
    // back off from the highest order: add the back-off weights of the contexts whose n-gram is not kept
    let acc = 0;
    for (let k = model.order; k >= 2; k--) {
      let h = 0;
      for (let i = context.length - (k - 1); i < context.length; i++) h = h * S + context[i]!;
      const lp = kept[k - 2]!.get(h * S + token);
      if (lp !== undefined) return acc + lp;
      acc += bows[k - 2]!.get(h) ?? 0;
    }
    return acc + uni[token]!;
  };
  const dense = model.order === 2 ? denseBigram(model, uni) : undefined;
  const s: NgramScorer = { order: model.order, size: S, begin: S - 2, end: S - 1, logProb, ...(dense ? { dense } : {}) };
  scorers.set(model, s);
  return s;
}

/** A bigram model's ln P(token | previous) for every pair, row-major: the same arithmetic as logProb (a kept bigram's
 * value, else the context's back-off weight, 0 when it has none, plus the unigram), read in one pass over the stored
 * lists. */
function denseBigram(model: NgramModel, uni: Float64Array): Float64Array {
  const S = model.size;
  const qd = model.quantum;
  const level = model.levels[0]!;
  const bow = new Float64Array(S); // 0 for a context without a stored weight
  const kept = new Uint8Array(S * S);
  const dense = new Float64Array(S * S);
  let h = 0;
  let j = 0;
  level.ctx.forEach((dh, ci) => {
    h += dh;
    bow[h] = -level.bow[ci]! * qd;
    let w = 0;
    const n = level.n[ci]!;
    for (let t = 0; t < n; t++, j++) {
      w += level.w[j]!;
      dense[h * S + w] = -level.lp[j]! * qd;
      kept[h * S + w] = 1;
    }
  });
  for (let p = 0; p < S; p++) {
    const b = bow[p]!;
    for (let t = 0; t < S; t++) if (!kept[p * S + t]) dense[p * S + t] = b + uni[t]!;
  }
  return dense;
}
