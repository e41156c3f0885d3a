/**
 * warm — the engine warmed up when an analysis may follow (the popup or side panel opened, a switch-on began), once
 * per service-worker lifetime, in small steps (the engine's `warmSteps`), one per task: the worker's event loop stays
 * free between them, so the answers of the page being injected and read are handled as they arrive, and the first
 * scoring finds the tables built and the code compiled.
 * Cost: the steps build what any first analysis builds (the worker's heap with and without: `npm run bench:page`);
 * nothing runs while the extension is not used, and the browser stops an idle worker after 30 s, memory and all.
 */
import { warmSteps } from '../engine';

let started = false;

/** Start the warm-up (once per worker lifetime); returns at once. `schedule` is for tests. */
export function warmEngine(schedule: (run: () => void) => void = (run) => setTimeout(run, 0)): void {
  if (started) return;
  started = true;
  const steps = warmSteps();
  const next = () => {
    const step = steps.shift();
    if (!step) return;
    step();
    schedule(next);
  };
  schedule(next);
}

/** Tests only: forget that the warm-up ran. */
export function resetWarm(): void {
  started = false;
}
