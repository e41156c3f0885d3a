import { beforeEach, describe, expect, it } from 'vitest';
import { warmSteps } from '@/src/engine';
import { resetWarm, warmEngine } from '@/src/background/warm';

describe('warmEngine: once per worker lifetime, one step per task', () => {
  beforeEach(() => resetWarm());

  it('schedules one step at a time and runs them all, and never starts twice', () => {
    const queue: (() => void)[] = [];
    const schedule = (run: () => void) => void queue.push(run);
    warmEngine(schedule);
    warmEngine(schedule); // a second reason to warm up: nothing more
    expect(queue).toHaveLength(1); // nothing ran in the caller's task
    let tasks = 0;
    while (queue.length) {
      expect(queue).toHaveLength(1); // each task schedules at most the next one
      queue.shift()!();
      tasks++;
    }
    expect(tasks).toBe(warmSteps().length + 1); // every step, then the task that finds none left
    warmEngine(schedule);
    expect(queue).toHaveLength(0);
  });
});
