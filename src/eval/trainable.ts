/**
 * trainable — signals that learn from labelled text (style-lr, style-profile), fitted without the text they measure.
 *
 * What: a Trainer is a signal's fit (Node-side, src/eval/train/<id>.ts) and its runtime `computeWith(doc, model)`
 * (the signal file; the registered signal calls it with the shipped table). TRAINERS lists them, in one place.
 * A contrast trainer (style-lr, style-profile) fits on PAIRED sources only: the sources that have human and machine
 * texts in that language, so that both models see the same genres and the contrast is learnt within genres
 * (pairedRows); the developers' current-assistant texts and the human-only sources (learners, novels, news, Brown)
 * are never in its fit. A trainer with `training: 'human'` (a model of human prose) fits on the human texts of every
 * source of its language, human-only sources included, machine texts never. A trainer with `fixedElsewhere` trains
 * only its `languages`; in the others its signal keeps its shipped table and its values come from the feature cache
 * like any fixed signal's. No shipped trainer uses these two options or `referenceFolds` (below) now: they served
 * word-predictability's French table, which abstains since the references were measured in-genre (README,
 * "word-predictability's French table"); they are kept, tested, for a model of human prose.
 * Cross-fitting: a text's value never comes from a model that saw it, and (by default) never from one that saw its source.
 * - `forFold(held)`: the left-out source's texts get the model fitted without `held`; a TRAINING text of source T gets
 *   the model fitted without `held` AND T. So the fold's references carry values as unseen as the left-out texts'.
 * - `forFold(null)` (`npm run calibrate`): a text of source T gets the model fitted without T; the shipped table is
 *   the model fitted on everything (npm run build:style).
 * - A trainer with `referenceFolds: k` (a model of human prose) is cross-fitted WITHIN each source
 *   instead, for every text but the left-out source's: a text of source T gets the model fitted without `held` (if
 *   any) and without T's texts of its own fold (k folds per source, by a hash of the text key, withinSourceFold). A
 *   model of human prose is shipped fitted on every genre it knows, so a user's text of one of those genres is
 *   measured in-genre but unseen; its references must be measured the same way, or an ordinary human text of that
 *   genre would sit above most of them (source cross-fitting measured them out-of-genre: lower values). The left-out
 *   source's texts still get the model fitted without all of `held`.
 * Fits are cached in .cache/eval/trainable/<id>/<hash>.json (the values of every text measured with that model, by
 * text hash); <hash> covers the engine, the trainers' files, the settings a run changed (`config`) and the exact
 * training set. Models are not stored.
 * Node only.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Abstention, Doc, SignalResult } from '../engine/types';
import { CACHE_DIR, docOf, engineFingerprint, ROOT, valueOf, type SignalValue } from './features';
import { TRAINERS } from './train/index';
import type { EvalLang, Item, Label } from './sources';

export interface TrainRow {
  doc: Doc;
  label: Label;
  source: string;
}

export interface Trainer<M = unknown> {
  /** The signal's id (src/engine/signals/<id>.ts). */
  id: string;
  languages: readonly EvalLang[];
  /** What it is fitted on: 'paired' (default: the human and machine rows of the sources that have both labels in
   * that language, see pairedRows) or 'human' (the human rows of every source of that language: a model of human
   * prose, such as word-predictability's French successor table). */
  training?: 'paired' | 'human';
  /** True when the signal also has a fixed (shipped, untrained) table for the languages it does not train: those
   * values then come from the feature cache like any fixed signal's (as word-predictability's English Brown table's did). */
  fixedElsewhere?: boolean;
  /** Cross-fit the references within each source in this many folds (by text key) instead of by source; the
   * left-out source of a fold is still excluded whole. For a model of human prose (see the header). */
  referenceFolds?: number;
  /** Settings changed from the fit's defaults for this run (src/eval/train/overrides.ts); part of the cache key.
   * Absent for the shipped settings. */
  config?: object;
  /** Fit on training rows of one language (paired or human, as `training` says). The model must be JSON-serialisable. */
  fit(train: readonly TrainRow[], lang: EvalLang): M;
  /** The signal's runtime with that model: same orientation as every signal, per-sentence values where it has them. */
  computeWith(doc: Doc, model: M): SignalResult | Abstention;
}

export { TRAINERS };

/** Ids of the signals that are trained per fold (their values never come from the feature cache). */
export function trainedIds(trainers: readonly Trainer[] = TRAINERS): string[] {
  return trainers.filter((t) => !t.fixedElsewhere).map((t) => t.id);
}

export interface KeyedRow {
  item: Item;
  key: string;
}

/** Rows of `lang` from sources that have both labels in that language. */
export function pairedRows<R extends { item: Pick<Item, 'lang' | 'label' | 'source'> }>(rows: readonly R[], lang: EvalLang): R[] {
  const labels = new Map<string, Set<Label>>();
  for (const r of rows) if (r.item.lang === lang) labels.set(r.item.source, (labels.get(r.item.source) ?? new Set()).add(r.item.label));
  return rows.filter((r) => r.item.lang === lang && labels.get(r.item.source)?.size === 2);
}

/** The fold (0..folds-1) of a text within its source: a hash of its key, so it does not depend on the other rows. */
export function withinSourceFold(key: string, folds: number): number {
  return parseInt(createHash('sha1').update(key).digest('hex').slice(0, 8), 16) % folds;
}

/** What a model is fitted without: whole sources, and optionally one within-source fold of one source. */
interface Exclusion {
  sources: ReadonlySet<string>;
  fold?: { source: string; fold: number; folds: number };
}

/** Builds Docs on demand and keeps them (a fit reads every training text). */
export class DocStore {
  private docs = new Map<string, Doc>();
  get(r: KeyedRow): Doc {
    let d = this.docs.get(r.key);
    if (!d) this.docs.set(r.key, (d = docOf(r.item)));
    return d;
  }
}

export interface TrainableStats {
  fits: number;
  cachedFits: number;
  computed: number;
  ms: number;
}

/** Values of the trainers' signals for rows, each from a model that never saw the row's source. */
export class TrainableValues {
  readonly stats: TrainableStats = { fits: 0, cachedFits: 0, computed: 0, ms: 0 };
  private readonly fingerprint: string;
  private readonly memo = new Map<string, { stored: Record<string, SignalValue>; model?: unknown; file: string; dirty: boolean }>();
  constructor(
    private readonly trainers: readonly Trainer[],
    private readonly rows: readonly KeyedRow[],
    private readonly docs = new DocStore(),
    private readonly cacheDir = join(CACHE_DIR, 'trainable'),
  ) {
    const h = createHash('sha1').update(engineFingerprint());
    for (const f of ['src/eval/trainable.ts', 'src/eval/train']) h.update(dirHash(resolve(ROOT, f)));
    this.fingerprint = h.digest('hex').slice(0, 12);
  }

  /** Values for `wanted` rows (of `lang`) from the model fitted on the paired (or human) rows outside `excluded`. */
  private values(t: Trainer, lang: EvalLang, excluded: Exclusion, wanted: readonly KeyedRow[]): Map<string, SignalValue> {
    const human = t.training === 'human';
    const pool = human ? this.rows.filter((r) => r.item.lang === lang && r.item.label === 'human') : pairedRows(this.rows, lang);
    const ex = excluded.fold;
    const train = pool.filter(
      (r) => !excluded.sources.has(r.item.source) && !(ex && r.item.source === ex.source && withinSourceFold(r.key, ex.folds) === ex.fold),
    );
    const out = new Map<string, SignalValue>();
    if (train.length === 0 || (!human && new Set(train.map((r) => r.item.label)).size < 2)) {
      for (const r of wanted) out.set(r.key, { abstained: 'no-model' });
      return out;
    }
    const h = createHash('sha1').update(this.fingerprint).update(t.id).update(lang);
    if (t.config) h.update(JSON.stringify(t.config));
    for (const k of train.map((r) => r.key).sort()) h.update(k);
    const hash = h.digest('hex').slice(0, 16);
    let slot = this.memo.get(`${t.id}/${hash}`);
    if (!slot) {
      const file = join(this.cacheDir, t.id, `${hash}.json`);
      const stored = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, SignalValue>) : {};
      this.memo.set(`${t.id}/${hash}`, (slot = { stored, file, dirty: false }));
    }
    for (const r of wanted) {
      let v = slot.stored[r.key];
      if (!v) {
        if (slot.model === undefined) {
          const t0 = performance.now();
          slot.model = t.fit(train.map((x) => ({ doc: this.docs.get(x), label: x.item.label, source: x.item.source })), lang);
          this.stats.fits++;
          this.stats.ms += performance.now() - t0;
        }
        const doc = this.docs.get(r);
        try {
          v = valueOf(t.computeWith(doc, slot.model), doc);
        } catch {
          v = { abstained: 'error' };
        }
        slot.stored[r.key] = v;
        slot.dirty = true;
        this.stats.computed++;
      }
      out.set(r.key, v);
    }
    if (slot.model === undefined) this.stats.cachedFits++;
    return out;
  }

  /** Write every model's new values to the cache. */
  flush(): void {
    for (const slot of this.memo.values()) {
      if (!slot.dirty) continue;
      mkdirSync(join(slot.file, '..'), { recursive: true });
      writeFileSync(slot.file, JSON.stringify(slot.stored));
      slot.dirty = false;
    }
  }

  /** Values as seen from fold `held` (null = every row is a training row, as in `npm run calibrate`): a row of `held`
   * from the model without `held`; a row of T from the model without `held` and T, or, for a trainer with
   * `referenceFolds`, without `held` and T's texts of the row's own within-source fold. textKey -> signal id -> value. */
  forFold(held: string | null): Map<string, Record<string, SignalValue>> {
    const out = new Map<string, Record<string, SignalValue>>();
    const put = (key: string, id: string, v: SignalValue) => {
      const o = out.get(key) ?? {};
      o[id] = v;
      out.set(key, o);
    };
    for (const t of this.trainers) {
      for (const lang of ['en', 'fr'] as const) {
        const langRows = this.rows.filter((r) => r.item.lang === lang);
        if (!t.languages.includes(lang)) {
          if (!t.fixedElsewhere) for (const r of langRows) put(r.key, t.id, { abstained: 'language' });
          continue;
        }
        for (const source of [...new Set(langRows.map((r) => r.item.source))].sort()) {
          const wanted = langRows.filter((r) => r.item.source === source);
          const k = t.referenceFolds;
          if (k && source !== held) {
            const sources = new Set(held === null ? [] : [held]);
            for (let fold = 0; fold < k; fold++) {
              const inFold = wanted.filter((r) => withinSourceFold(r.key, k) === fold);
              if (inFold.length) for (const [key, v] of this.values(t, lang, { sources, fold: { source, fold, folds: k } }, inFold)) put(key, t.id, v);
            }
            continue;
          }
          const sources = new Set(held === null || source === held ? [source] : [held, source]);
          for (const [key, v] of this.values(t, lang, { sources }, wanted)) put(key, t.id, v);
        }
      }
    }
    this.flush();
    return out;
  }
}

function dirHash(p: string): string {
  const h = createHash('sha1');
  const walk = (q: string) => {
    if (!existsSync(q)) return;
    if (statSync(q).isDirectory()) for (const f of readdirSync(q).sort()) walk(join(q, f));
    else h.update(relative(ROOT, q)).update('\0').update(readFileSync(q));
  };
  walk(p);
  return h.digest('hex');
}
