/**
 * logreg — weighted logistic regression with an elastic-net penalty (L2 and/or L1), fitted by FISTA (accelerated
 * proximal gradient). Small and dependency-free, for a few hundred standardised features and a few thousand rows
 * (the style-profile fit, src/eval/train/style-profile.ts).
 *
 * Loss = sum_i w_i logloss_i / sum_i w_i + l2/2 |beta|^2 + l1 |beta|_1 (intercept not penalised). Step 1/L with
 * L = 0.25 * (largest eigenvalue of X'WX / sum w, by 30 power iterations) + l2. Stops when no coefficient moves by
 * more than `tol`, or after `maxIter` iterations. Deterministic. `standardise(rows)`: column means and sds.
 * Options: l2 (default 0.01), l1 (0), maxIter (2000), tol (1e-7), nonNegative / nonPositive (indices of coefficients
 * held >= 0 / <= 0: one-directional features).
 * Limits: no intercept-only shortcut for a single class (the coefficients go to 0, the intercept drifts).
 */

export interface LogregOptions {
  l2?: number;
  l1?: number;
  maxIter?: number;
  tol?: number;
  nonPositive?: readonly number[];
  nonNegative?: readonly number[];
}

export interface LogregModel {
  b: number;
  beta: number[];
  iterations: number;
}

/** Largest eigenvalue of X' W X with an intercept column (power iteration). x is row-major: x[i * d + j]. */
function largestEigen(x: Float64Array, n: number, d: number, wn: Float64Array): number {
  let v = new Float64Array(d + 1).fill(1 / Math.sqrt(d + 1));
  let lam = 1;
  const xv = new Float64Array(n);
  for (let it = 0; it < 30; it++) {
    for (let i = 0; i < n; i++) {
      let s = v[d]!;
      const off = i * d;
      for (let j = 0; j < d; j++) s += x[off + j]! * v[j]!;
      xv[i] = s * wn[i]!;
    }
    const nv = new Float64Array(d + 1);
    for (let i = 0; i < n; i++) {
      const off = i * d;
      const s = xv[i]!;
      for (let j = 0; j < d; j++) nv[j]! += x[off + j]! * s;
      nv[d]! += s;
    }
    lam = Math.hypot(...nv);
    v = nv.map((t) => t / (lam || 1));
  }
  return lam;
}

/** Gradient of the weighted log-loss at (yb, ybb) into g; returns the intercept's. */
function gradient(x: Float64Array, n: number, d: number, y: readonly number[], wn: Float64Array, yb: Float64Array, ybb: number, g: Float64Array): number {
  g.fill(0);
  let gb = 0;
  for (let i = 0; i < n; i++) {
    let z = ybb;
    const off = i * d;
    for (let j = 0; j < d; j++) z += x[off + j]! * yb[j]!;
    const p = 1 / (1 + Math.exp(-z));
    const r = wn[i]! * (p - y[i]!);
    gb += r;
    for (let j = 0; j < d; j++) g[j]! += x[off + j]! * r;
  }
  return gb;
}

/** x row-major (x[i * d + j]), y in {0, 1}, w sample weights. */
export function fitLogreg(x: Float64Array, n: number, d: number, y: readonly number[], w: readonly number[], o: LogregOptions = {}): LogregModel {
  const l2 = o.l2 ?? 0.01;
  const l1 = o.l1 ?? 0;
  const maxIter = o.maxIter ?? 2000;
  const tol = o.tol ?? 1e-7;
  const sw = w.reduce((a, b) => a + b, 0);
  const wn = Float64Array.from(w, (v) => v / sw);
  const step = 1 / (0.25 * largestEigen(x, n, d, wn) + l2 + 1e-9);
  const nonPos = new Set(o.nonPositive ?? []);
  const nonNeg = new Set(o.nonNegative ?? []);
  let beta = new Float64Array(d);
  let b = 0;
  let yb = new Float64Array(d);
  let ybb = 0;
  let t = 1;
  const g = new Float64Array(d);
  let it = 0;
  for (; it < maxIter; it++) {
    const gb = gradient(x, n, d, y, wn, yb, ybb, g);
    const nb = new Float64Array(d);
    let change = 0;
    for (let j = 0; j < d; j++) {
      let u = yb[j]! - step * (g[j]! + l2 * yb[j]!);
      if (l1 > 0) u = Math.sign(u) * Math.max(0, Math.abs(u) - step * l1);
      if (nonPos.has(j) && u > 0) u = 0;
      if (nonNeg.has(j) && u < 0) u = 0;
      nb[j] = u;
      change = Math.max(change, Math.abs(u - beta[j]!));
    }
    const nbb = ybb - step * gb;
    change = Math.max(change, Math.abs(nbb - b));
    const tn = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
    const mom = (t - 1) / tn;
    yb = nb.map((u, j) => u + mom * (u - beta[j]!));
    ybb = nbb + mom * (nbb - b);
    beta = nb;
    b = nbb;
    t = tn;
    if (change < tol) {
      it++;
      break;
    }
  }
  return { b, beta: [...beta], iterations: it };
}

export function predict(m: LogregModel, row: ArrayLike<number>): number {
  let z = m.b;
  for (let j = 0; j < m.beta.length; j++) z += m.beta[j]! * row[j]!;
  return z;
}

/** Mean and sd of each column (sd 0 -> 1), summed as the research prototype did (x / n per row). */
export function standardise(rows: readonly ArrayLike<number>[]): { mean: number[]; sd: number[] } {
  const d = rows[0]?.length ?? 0;
  const mean = new Array<number>(d).fill(0);
  const sd = new Array<number>(d).fill(0);
  for (const r of rows) for (let j = 0; j < d; j++) mean[j]! += r[j]! / rows.length;
  for (const r of rows) for (let j = 0; j < d; j++) sd[j]! += (r[j]! - mean[j]!) ** 2 / rows.length;
  return { mean, sd: sd.map((s) => Math.sqrt(s) || 1) };
}
