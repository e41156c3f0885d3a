/**
 * stats — how much scoring the background has done: engine runs (one per language group analysed) and the characters
 * they read. For benchmarks only (scripts/bench-ticker.ts reads it as `globalThis.__mirageStats` in the e2e test
 * build); nothing in the product reads it.
 */
declare const __MIRAGE_E2E__: boolean;

export const scoring = { runs: 0, chars: 0 };

export function countRun(chars: number): void {
  scoring.runs++;
  scoring.chars += chars;
}

/** Test build only: let a benchmark read the counts from the service worker. */
export function exposeStats(): void {
  if (typeof __MIRAGE_E2E__ !== 'undefined' && __MIRAGE_E2E__) (globalThis as { __mirageStats?: typeof scoring }).__mirageStats = scoring;
}
