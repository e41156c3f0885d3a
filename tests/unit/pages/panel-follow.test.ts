// @vitest-environment happy-dom
// The side panel follows the active tab: when tabs are switched faster than the background answers, an answer about
// a tab the panel has left must not be shown under the tab it shows now. WXT's fake browser; answers delayed by hand.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { TabView } from '@/src/messaging';
import { mountPanel } from '@/src/pages/panel';

beforeEach(() => fakeBrowser.reset());

describe('side panel: switching tabs faster than the background answers', () => {
  it('a late answer about the tab left behind is not shown under the tab in front', async () => {
    const slow = { id: 1, windowId: 0, url: 'http://127.0.0.1/slow.html', title: 'Slow page' };
    const fast = { id: 2, windowId: 0, url: 'http://127.0.0.1/fast.html', title: 'Fast page' };
    let front = slow; // the active tab of the panel's window
    vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((() => Promise.resolve([front])) as never);
    const view = (tabId: number, phase: TabView['phase']): TabView => ({ tabId, phase, scope: 'page', sensitivity: 'medium' });
    let release: (() => void) | undefined;
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((m: { type: string; tabId: number }) => {
      if (m.type !== 'mirage:get-state') return Promise.resolve(undefined);
      if (m.tabId === fast.id) return Promise.resolve(view(fast.id, 'error'));
      return new Promise((ok) => (release = () => ok(view(slow.id, 'off')))); // a storage read, slower
    }) as never);
    const root = document.createElement('div');
    document.body.append(root);
    const mounted = mountPanel(root);
    await vi.waitFor(() => expect(release).toBeTypeOf('function'));
    release!(); // the first answer, at mount
    await mounted;
    release = undefined;
    // the reader goes to "Fast page", back to "Slow page" and on to "Fast page" again, faster than the slow answer
    front = fast;
    await fakeBrowser.tabs.onActivated.trigger({ tabId: fast.id, windowId: 0 });
    front = slow;
    await fakeBrowser.tabs.onActivated.trigger({ tabId: slow.id, windowId: 0 });
    front = fast;
    await fakeBrowser.tabs.onActivated.trigger({ tabId: fast.id, windowId: 0 });
    await vi.waitFor(() => expect(root.querySelector('.page-title')?.textContent).toBe('Fast page'));
    await vi.waitFor(() => expect(root.querySelector('#page-error')).not.toBeNull());
    release!(); // the answer about the tab left behind arrives last
    await new Promise((ok) => setTimeout(ok, 20));
    expect(root.querySelector('.page-title')?.textContent).toBe('Fast page');
    expect(root.querySelector('#page-error')).not.toBeNull(); // not "Analysis is off", the slow tab's state
  });
});
