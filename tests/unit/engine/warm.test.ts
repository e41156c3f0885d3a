import { describe, expect, it } from 'vitest';
import { SIGNALS } from '@/src/engine/signals/index';
import { warmSteps } from '@/src/engine/warm';

describe('warmSteps: the first analysis in small steps', () => {
  it('a document, each signal on its own, then the ranking and the words, in English and in French', () => {
    const steps = warmSteps();
    expect(steps).toHaveLength(2 * (1 + SIGNALS.length + 1));
    for (const step of steps) expect(step).not.toThrow();
  });
  it('with `repeat`, the same steps, none of which throws', () => {
    const steps = warmSteps({ repeat: 3 });
    expect(steps).toHaveLength(warmSteps().length);
    for (const step of steps) expect(step).not.toThrow();
  });
  it('each call gives fresh steps (the documents are built by the steps, not ahead of them)', () => {
    const a = warmSteps();
    const b = warmSteps();
    expect(a[0]).not.toBe(b[0]);
    // a signal step before its document step does nothing and does not throw
    expect(() => a[1]!()).not.toThrow();
  });
});
