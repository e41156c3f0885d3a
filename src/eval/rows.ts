/**
 * rows — a labelled text with what was measured on it (the protocol's and the calibration's unit), and the figures
 * the engine's ranking reads (Measures) built from those cached measurements instead of a Doc.
 *
 * `measuresOfFeatures` is the cached twin of the engine's `measuresOf(measured)` (src/engine/score/measure.ts): the
 * same register, raw values and per-sentence values, so the protocol scores a left-out text exactly as `analyse`
 * would with the fold's reference and models. `kindOf` names a human text's kind of writing.
 */
import type { Measures } from '../engine/score/rank';
import type { SignalValue, TextFeatures } from './features';
import type { Item } from './sources';

export interface EvalRow {
  item: Item;
  /** Measured features; `signals` holds the fixed signals and, for this fold, the trained ones. */
  f: TextFeatures;
}

export function measuresOfFeatures(f: TextFeatures, only?: readonly string[]): Measures {
  const raw: Record<string, number> = {};
  const sentences: Measures['sentences'] = f.sentWords.map((words) => ({ words, values: {} }));
  for (const [id, v] of Object.entries<SignalValue>(f.signals)) {
    if ('abstained' in v || !Number.isFinite(v.raw) || (only && !only.includes(id))) continue;
    raw[id] = v.raw;
    v.sent?.forEach((x, i) => {
      const s = sentences[i];
      if (s && x !== null && Number.isFinite(x)) s.values[id] = x;
    });
  }
  return { reg: f.reg, raw, sentences };
}

/**
 * The kind of writing of a human reference text: its source and domain ('ellipse:learner_essay_en',
 * 'm4:wikihow'), one kind for all of L2R's twenty small domains ('l2r'), one per Brown-corpus genre ('brown:learned').
 * Words for each id live in src/engine/explain/kinds.ts.
 */
export function kindOf(item: Pick<Item, 'source' | 'domain'>): string {
  if (item.source === 'l2r') return 'l2r';
  if (item.source === 'brown') return `brown:${item.domain.replace(/^brown_/, '')}`;
  return `${item.source}:${item.domain}`;
}

/** Rows with the given fold-dependent signal values merged in (text key -> signal id -> value). */
export function withSignals(rows: readonly EvalRow[], extra: ReadonlyMap<string, Record<string, SignalValue>>): EvalRow[] {
  if (extra.size === 0) return [...rows];
  return rows.map((r) => {
    const add = extra.get(r.f.key);
    return add ? { item: r.item, f: { ...r.f, signals: { ...r.f.signals, ...add } } } : r;
  });
}
