// ensureContentScript: a tab whose document this worker saw start loading is injected without asking first (no page
// layer can be there); any other tab is asked first, and injected only when nothing answers.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { browser } from 'wxt/browser';
import { CONTENT_READY_MAIN } from '@/src/messaging';
import { documentLoading, ensureContentScript, forgetDocument } from '@/src/background/content-script';

const TAB = 7;

describe('ensureContentScript: asks first, except in a document it saw start loading', () => {
  let pings: number;
  let injections: number;
  let layerThere: boolean;

  beforeEach(() => {
    fakeBrowser.reset();
    forgetDocument(TAB);
    pings = 0;
    injections = 0;
    layerThere = false;
    vi.spyOn(browser.tabs, 'sendMessage').mockImplementation(((_tab: number, m: { type: string }) => {
      if (m.type !== 'mirage:ping') return Promise.reject(new Error(`unexpected ${m.type}`));
      pings++;
      if (!layerThere) return Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));
      return Promise.resolve({ ok: true, active: false });
    }) as never);
    const inject = (): Promise<unknown> => {
      injections++;
      layerThere = true;
      return Promise.resolve([{ frameId: 0, documentId: 'd', result: CONTENT_READY_MAIN }]);
    };
    // eslint-disable-next-line @typescript-eslint/no-misused-promises -- the promise-returning overload of executeScript
    vi.spyOn(browser.scripting, 'executeScript').mockImplementation(inject);
  });
  afterEach(() => vi.restoreAllMocks());

  it.each([
    ['a tab it knows nothing about: asks, nobody answers, injects', false, 1],
    ['a tab whose document it saw start loading: injects at once', true, 0],
  ])('%s', async (_name, loading, expectedPings) => {
    if (loading) documentLoading(TAB);
    await expect(ensureContentScript(TAB)).resolves.toBe('main');
    expect(pings).toBe(expectedPings);
    expect(injections).toBe(1);
  });

  it('once injected, the next switch-on asks again and does not inject twice', async () => {
    documentLoading(TAB);
    await ensureContentScript(TAB);
    await expect(ensureContentScript(TAB)).resolves.toBe('ready');
    expect(pings).toBe(1);
    expect(injections).toBe(1);
  });

  it('a new load after the injection: injects again without asking', async () => {
    documentLoading(TAB);
    await ensureContentScript(TAB);
    documentLoading(TAB); // navigated: the old page layer went with its document
    layerThere = false;
    await ensureContentScript(TAB);
    expect(pings).toBe(0);
    expect(injections).toBe(2);
  });

  it('a closed tab is forgotten', async () => {
    documentLoading(TAB);
    forgetDocument(TAB);
    await ensureContentScript(TAB);
    expect(pings).toBe(1);
  });

  it('answers false when the injection is refused, and asks first next time', async () => {
    vi.mocked(browser.scripting.executeScript).mockRejectedValueOnce(new Error('Cannot access contents of the page'));
    documentLoading(TAB);
    await expect(ensureContentScript(TAB)).resolves.toBe(false);
    expect(pings).toBe(0);
    await expect(ensureContentScript(TAB)).resolves.toBe('main');
    expect(pings).toBe(1);
  });
});
