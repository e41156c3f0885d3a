/**
 * readability — gives the page layer Mozilla's Readability (the Firefox Reader View engine, maintained by Mozilla).
 *
 * `provideReadability(scope)` leaves the Readability class on `scope` under READABILITY_KEY; entrypoints/readability.ts
 * runs it, in the extension's isolated world of the page, when the background injects /readability.js (main-text.ts
 * explains when). Only that script bundles the library: the content script reads the class from its world
 * (`readabilityClass`), so its own bundle stays small; a reading that is waiting for it is told in the next task
 * (READABILITY_ARRIVED). Page scripts cannot reach the isolated world.
 */
import { Readability } from '@mozilla/readability';
import { READABILITY_ARRIVED, READABILITY_KEY } from './main-text';

export function provideReadability(scope: object = globalThis): void {
  const slot = scope as Record<string, unknown>;
  slot[READABILITY_KEY] = Readability;
  const arrived = slot[READABILITY_ARRIVED]; // a reading that waits for it (main-text.ts, whenReadability)
  // told in a task of its own: the reading (and Readability's parse in it) does not lengthen the task that evaluates
  // this script (one task of 62-75 ms on a loaded machine's first switch-on, over the 50 ms)
  if (typeof arrived === 'function') setTimeout(arrived as () => void, 0);
}
