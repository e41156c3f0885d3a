/**
 * boot-mark — test build only: the moment the background script's first module is evaluated, on the worker's clock
 * (`performance.now()`, ms from the worker's start), as `__mirageEvalStartMs`. Imported first by
 * entrypoints/background.ts, so that what comes before it is the script's loading and compiling, and what comes
 * between it and main() (`__mirageBootMs`, stats.ts) is the evaluation of the modules (the engine's tables).
 * The shipped build has none of it (`__MIRAGE_E2E__` is false there, and the bundler drops the code).
 */
declare const __MIRAGE_E2E__: boolean;

if (typeof __MIRAGE_E2E__ !== 'undefined' && __MIRAGE_E2E__) {
  (globalThis as { __mirageEvalStartMs?: number }).__mirageEvalStartMs = performance.now();
}
