// Issue 10, item 9: "too short" (nothing to measure) is one neutral state in the popup and the side panel, and only
// real failures are drawn as errors.
import { describe, expect, it } from 'vitest';
import { isNotice } from '@/src/pages/render';
import type { TabView } from '@/src/messaging';

describe('isNotice', () => {
  it.each([
    ['no-text', true],
    ['unsupported-language', true],
    ['engine', false],
    ['no-access', false],
    ['page-changed', false],
  ] as const)('%s -> %s', (code, notice) => {
    expect(isNotice({ phase: 'error', code } as TabView)).toBe(notice);
  });

  it('is about failures only', () => {
    expect(isNotice({ phase: 'on', code: 'no-text' } as TabView)).toBe(false);
  });
});
