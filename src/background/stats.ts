/**
 * stats — how much scoring the background has done, and test-build hooks for benchmarks.
 *
 * `scoring`: engine runs (one per language group analysed) and the characters they read. `exposeStats()` (test
 * build only, `__MIRAGE_E2E__`) puts on the service worker's global scope what scripts/bench-ticker.ts and
 * scripts/bench-page.ts read: `__mirageStats` (the counts) and `__mirageEngine.time(blocks, runs)` (the wall time,
 * in ms, of each of `runs` analyses of a page's blocks exactly as a switch-on scores them: grouped by language, one
 * engine run per group), so that the engine's cost in the background can be set beside its cost in Node for the
 * same text; `__mirageWarm` (what the warm-up did: warm.ts). Nothing in the product reads them; the shipped build
 * has neither.
 */
import type { BlockPayload } from '../messaging';
import { warmRecord } from './warm';

declare const __MIRAGE_E2E__: boolean;

export const scoring = { runs: 0, chars: 0 };

export function countRun(chars: number): void {
  scoring.runs++;
  scoring.chars += chars;
}

type Analyse = (blocks: readonly BlockPayload[]) => unknown;

/** Test build only: let a benchmark read the counts, and time the engine, in the service worker. */
export function exposeStats(analyseBlocks: Analyse): void {
  if (typeof __MIRAGE_E2E__ === 'undefined' || !__MIRAGE_E2E__) return;
  const g = globalThis as { __mirageStats?: typeof scoring; __mirageEngine?: { time(blocks: BlockPayload[], runs: number): number[] }; __mirageBootMs?: number; __mirageWarm?: typeof warmRecord };
  g.__mirageStats = scoring;
  g.__mirageWarm = warmRecord; // when the warm-up started and ended, why, and the time its steps took
  g.__mirageBootMs = performance.now(); // from the worker's start to its main(): the script's loading and evaluation
  g.__mirageEngine = {
    time(blocks, runs) {
      const out: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        analyseBlocks(blocks);
        out.push(performance.now() - t0);
      }
      return out;
    },
  };
}
