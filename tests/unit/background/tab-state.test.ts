// tab-state: what a restarted service worker makes of the views the stopped one left in storage.session. WXT's fake browser stands for the browser; the page layer is a spy.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { getView, tabs } from '@/src/background/tab-state';
import type { TabView } from '@/src/messaging';

const stored = (tabId: number, phase: TabView['phase']): TabView => ({ tabId, phase, scope: 'page', sensitivity: 'medium', origin: 'http://127.0.0.1' });
const session = () => fakeBrowser.storage.session.get(null);

beforeEach(() => {
  fakeBrowser.reset();
  tabs.clear();
});

describe('tab-state: a view left by a service worker that stopped', () => {
  it.each([
    ['on', 'on'],
    ['error', 'error'],
    ['working', 'off'], // the worker that was analysing is gone: nothing will finish it
  ] as const)('stored %s: a new worker answers %s', async (phase, expected) => {
    await fakeBrowser.storage.session.set({ 'tab:7': stored(7, phase) });
    const sent = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true });
    expect((await getView(7)).phase).toBe(expected);
    if (phase !== 'working') {
      expect(sent).not.toHaveBeenCalled();
      return;
    }
    // what the interrupted analysis painted (a long page's first blocks, without their legend) goes, and the stored
    // view with it; the extension pages are told
    await vi.waitFor(() => expect(sent).toHaveBeenCalledWith(7, { type: 'mirage:stop' }, { frameId: 0 }));
    await vi.waitFor(async () => expect(await session()).toEqual({}));
    expect((await getView(7)).phase).toBe('off');
  });
});
