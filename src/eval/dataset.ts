/**
 * dataset — every labelled text of the evaluation, measured: the rows `npm run eval -- --protocol loso` and
 * `npm run calibrate` work on.
 *
 * `loadRows()` reads the sources (sources.ts: ../shared/data/dev.jsonl and dev2.jsonl, the developers' reference
 * texts in assets/reference-texts/, Brown-corpus chunks), measures each text once with the engine's fixed signals
 * (features.ts, cached under .cache/eval/) and returns the rows and a TrainableValues for the trained signals
 * (trainable.ts; `overrides` changes the trained signals' settings for an evaluation run, train/overrides.ts, never
 * for `npm run calibrate`). `dataAvailable()` says whether ../shared/data is there (scripts and tests skip cleanly when not).
 * Node only; texts stay in memory, never written.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SIGNALS } from '../engine/signals/index';
import { openFeatureCache } from './features';
import type { EvalRow } from './rows';
import { DATA_DIR, loadAll, type LoadOptions } from './sources';
import { TrainableValues, trainedIds } from './trainable';
import { trainersWith } from './train/index';
import type { TrainerOverrides } from './train/overrides';

export function dataAvailable(dir = DATA_DIR): boolean {
  return existsSync(join(dir, 'dev.jsonl'));
}

export interface Dataset {
  rows: EvalRow[];
  files: { file: string; texts: number; skipped: number }[];
  /** Texts measured this time (the others came from the cache). */
  measured: number;
  ms: number;
  trainable: TrainableValues;
}

export function loadRows(options: LoadOptions = {}, overrides: TrainerOverrides = {}): Dataset {
  const t0 = performance.now();
  const { items, files } = loadAll(options);
  const trained = trainedIds();
  const fixed = SIGNALS.filter((s) => !trained.includes(s.id));
  const cache = openFeatureCache(fixed);
  const rows = items.map((item) => ({ item, f: cache.get(item) }));
  const trainable = new TrainableValues(trainersWith(overrides), rows.map((r) => ({ item: r.item, key: r.f.key })));
  return { rows, files, measured: cache.computed, ms: performance.now() - t0, trainable };
}
