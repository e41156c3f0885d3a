/**
 * rows — what the trainable signals are fitted from: labelled Docs of one language with their source, and the
 * helpers every fit shares (paired sources, source-balanced weights, a vocabulary ranked by dispersion).
 *
 * A source is the unit the leave-one-source-out protocol leaves out (cdb, m4, fastdetect, iu, l2r, dissertation,
 * orangesum, eltec, ellipse, brown, assistant2026): every fit takes the rows it is given and never looks further, so
 * a caller that leaves a source out of `rows` leaves it out of the model.
 * Limits: weights and vocabularies depend on the rows' order only through floating-point sums (same order, same
 * bits): callers that want byte-identical tables keep a fixed order.
 */
import type { Doc } from '../../engine/types';

export type Label = 'human' | 'machine';

export interface TrainRow {
  doc: Doc;
  label: Label;
  /** Short source id (the fold). */
  source: string;
}

const groupKey = (r: { source: string; label: string }) => `${r.source}\u0000${r.label}`;

/** Sources that have both labels among `rows`. */
export function pairedSources(rows: readonly TrainRow[]): Set<string> {
  const labels = new Map<string, Set<string>>();
  for (const r of rows) {
    let l = labels.get(r.source);
    if (!l) labels.set(r.source, (l = new Set()));
    l.add(r.label);
  }
  return new Set([...labels].filter(([, l]) => l.size === 2).map(([s]) => s));
}

/** The rows of sources that have both labels (in the order given): paired training. */
export function pairedRows(rows: readonly TrainRow[]): TrainRow[] {
  const paired = pairedSources(rows);
  return rows.filter((r) => paired.has(r.source));
}

/**
 * Weight of each row so that no single (source, label) group dominates an n-gram model: a group with T tokens gets a
 * total weight proportional to T^(1 - balance) (0 = plain counts, 1 = every group weighs the same), scaled so that
 * the weights sum to the number of tokens (counts keep their usual magnitude, which the discounts rely on).
 */
export function groupWeights(rows: readonly TrainRow[], tokens: (r: TrainRow, i: number) => number, balance: number): number[] {
  const total = new Map<string, number>();
  const t = rows.map(tokens);
  rows.forEach((r, i) => total.set(groupKey(r), (total.get(groupKey(r)) ?? 0) + t[i]!));
  const raw = rows.map((r) => Math.pow(total.get(groupKey(r))!, -balance));
  const sum = raw.reduce((s, w, i) => s + w * t[i]!, 0);
  const all = t.reduce((a, b) => a + b, 0);
  return raw.map((w) => (sum > 0 ? (w * all) / sum : 1));
}

/**
 * Source-balanced sample weights for a classifier: every (source, label) group gets the same total weight within its
 * label, and the two labels the same total.
 */
export function balancedWeights(rows: readonly { source: string; label: string }[]): number[] {
  const tot = new Map<string, number>();
  rows.forEach((r) => tot.set(groupKey(r), (tot.get(groupKey(r)) ?? 0) + 1));
  const groups = new Map<string, Set<string>>();
  for (const r of rows) {
    let g = groups.get(r.label);
    if (!g) groups.set(r.label, (g = new Set()));
    g.add(r.source);
  }
  return rows.map((r) => 1 / tot.get(groupKey(r))! / groups.get(r.label)!.size);
}

const DIGIT = /\p{N}/u;

/** Words ranked by dispersion: mean over (source, label) groups of the share of the group's documents that contain
 * the word (words with a digit never count); ties broken alphabetically. The first `size`. */
export function dispersedVocabulary(rows: readonly TrainRow[], size: number): string[] {
  const groups = new Map<string, { docs: number; df: Map<string, number> }>();
  for (const r of rows) {
    let g = groups.get(groupKey(r));
    if (!g) groups.set(groupKey(r), (g = { docs: 0, df: new Map() }));
    g.docs++;
    const seen = new Set<string>();
    for (const w of r.doc.words) if (!DIGIT.test(w.lower)) seen.add(w.lower);
    for (const w of seen) g.df.set(w, (g.df.get(w) ?? 0) + 1);
  }
  const score = new Map<string, number>();
  for (const g of groups.values()) for (const [w, n] of g.df) score.set(w, (score.get(w) ?? 0) + n / g.docs / groups.size);
  return [...score].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, size).map(([w]) => w);
}
