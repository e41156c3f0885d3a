// The background's message hub refuses what the sender may not ask (issue 11, item 3): forged senders, cross-tab
// requests from a content script, oversize page reports. Runs the real router on WXT's fake browser.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Browser } from 'wxt/browser';
import { MAX_PAGE_BLOCKS, MAX_PAGE_CHARS, PAGE_PORT_PREFIX, parseContentRequest, type TabView } from '@/src/messaging';
import { OWN_TEXTS } from '../engine/score/own-texts';
import { connect, route } from '@/src/background/router';
import { record, setView, tabs } from '@/src/background/tab-state';

type Sender = Browser.runtime.MessageSender;
const base = () => fakeBrowser.runtime.getURL('/');
const popup = (): Sender => ({ id: fakeBrowser.runtime.id, url: `${base()}popup.html`, origin: base().slice(0, -1) });
const contentOf = (tabId: number, frameId = 0): Sender => ({
  id: fakeBrowser.runtime.id, url: `http://127.0.0.1/tab-${tabId}.html`, origin: 'http://127.0.0.1', frameId,
  tab: { id: tabId, index: 0, highlighted: false, active: true, pinned: false, incognito: false, windowId: 0 } as Browser.tabs.Tab,
});
const A = 11;
const B = 22;

const onView = (tabId: number): TabView => ({
  tabId, phase: 'on', scope: 'page', sensitivity: 'medium', origin: 'http://127.0.0.1', blocks: 1, sentences: 1,
  passages: [{ analysis: 0, sentence: 0, level: 3, score: 0.9, text: `secret passage of tab ${tabId}`, reasons: [] }],
});

beforeEach(() => {
  fakeBrowser.reset();
  tabs.clear();
});

describe('router: who may ask what', () => {
  it('answers get-state from an extension page', async () => {
    setView(B, onView(B));
    await expect(route({ type: 'mirage:get-state', tabId: B }, popup())).resolves.toMatchObject({ phase: 'on', passages: [{ text: 'secret passage of tab 22' }] });
  });

  it.each([
    ['get-state about tab B', { type: 'mirage:get-state', tabId: B }],
    ['set-highlights switching tab B off', { type: 'mirage:set-highlights', tabId: B, enabled: false }],
    ['set-highlights about its own tab', { type: 'mirage:set-highlights', tabId: A, enabled: true }],
    ['focus in tab B', { type: 'mirage:focus', tabId: B, analysis: 0, sentence: 0 }],
  ])('refuses %s from the content script of tab A, and tab B is untouched', async (_name, message) => {
    setView(B, onView(B));
    const before = { view: structuredClone(tabs.get(B)!.view), run: tabs.get(B)!.run };
    const r = await route(message, contentOf(A));
    expect(r).toMatchObject({ ok: false, code: 'bad-request' });
    expect(JSON.stringify(r)).not.toContain('secret');
    expect(tabs.get(B)?.view).toEqual(before.view);
    expect(tabs.get(B)?.run).toBe(before.run);
    expect(tabs.has(A)).toBe(false);
  });

  it('takes the tab of a change report from the sender: tab A cannot change tab B', async () => {
    setView(B, onView(B));
    const runB = tabs.get(B)!.run;
    // tab A is not on: its report is answered { ok: false } (nothing to follow), and tab B is not touched
    await expect(route({ type: 'mirage:content-changed', removed: [0], added: [], full: false, tabId: B }, contentOf(A))).resolves.toEqual({ ok: false });
    expect(tabs.get(B)!.view.phase).toBe('on');
    expect(tabs.get(B)!.run).toBe(runB);
  });

  it.each([
    ['an extension page', popup()],
    ['a subframe of tab A', contentOf(A, 4)],
    ['another extension', { ...contentOf(A), id: 'someone-else' }],
    ['no sender at all', {}],
  ])('refuses a change report from %s', async (_name, sender) => {
    await expect(route({ type: 'mirage:content-changed', removed: [], added: [], full: false }, sender)).resolves.toMatchObject({ ok: false, code: 'bad-request' });
  });

  it('refuses oversize change reports (characters, blocks, removed ids) and malformed ones, without a crash', async () => {
    record(A).view = onView(A);
    const big = { type: 'mirage:content-changed', removed: [], added: [{ id: 1, text: 'x'.repeat(MAX_PAGE_CHARS + 1), lang: 'en' }], full: false };
    const many = { type: 'mirage:content-changed', removed: [], added: Array.from({ length: MAX_PAGE_BLOCKS + 1 }, (_, i) => ({ id: i, text: 'a', lang: '' })), full: false };
    const gone = { type: 'mirage:content-changed', removed: Array.from({ length: MAX_PAGE_BLOCKS + 1 }, (_, i) => i), added: [], full: false };
    for (const m of [big, many, gone, { type: 'mirage:content-changed', removed: 'all' }, { type: 'mirage:content-changed', removed: [], added: [{ id: -1, text: 'a', lang: '' }], full: false }]) {
      await expect(route(m, contentOf(A))).resolves.toMatchObject({ ok: false, code: 'bad-request' });
    }
    expect(tabs.get(A)!.view.phase).toBe('on');
  });

  it('refuses a page-gone from an extension page, and ignores messages that are not ours', async () => {
    await expect(route({ type: 'mirage:page-gone', instance: 'abc' }, popup())).resolves.toMatchObject({ ok: false, code: 'bad-request' });
    expect(route({ type: 'other:thing' }, contentOf(A))).toBeUndefined();
    expect(route('mirage:get-state', contentOf(A))).toBeUndefined();
  });
});

/** A port as the browser hands it to onConnect. */
function fakePort(name: string, sender: Sender) {
  const listeners: (() => void)[] = [];
  let disconnected = false;
  const port = {
    name, sender,
    onDisconnect: { addListener: (fn: () => void) => listeners.push(fn) },
    disconnect: () => (disconnected = true),
  };
  return { port: port as unknown as Browser.runtime.Port, drop: () => listeners.forEach((fn) => fn()), get disconnected() { return disconnected; } };
}

describe('page layer ports and page-gone (issue 11, item 7)', () => {
  it('a port from an extension page or a subframe is closed at once; a bad instance too', () => {
    for (const [name, sender] of [[`${PAGE_PORT_PREFIX}abc`, popup()], [`${PAGE_PORT_PREFIX}abc`, contentOf(A, 2)], [`${PAGE_PORT_PREFIX}a/b`, contentOf(A)]] as const) {
      const p = fakePort(name, sender);
      connect(p.port);
      expect(p.disconnected).toBe(true);
    }
  });

  it('when the page layer\'s port disconnects, the tab is off at once and the pages are told', async () => {
    setView(A, onView(A));
    const told: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((m: unknown) => void told.push(m));
    const p = fakePort(`${PAGE_PORT_PREFIX}abc`, contentOf(A));
    connect(p.port);
    expect(p.disconnected).toBe(false);
    p.drop();
    await expect.poll(() => tabs.get(A)!.view.phase).toBe('off');
    expect(tabs.get(A)!.view.passages).toBeUndefined();
    expect(told).toContainEqual({ type: 'mirage:state-changed', tabId: A });
  });

  it('an older page layer\'s port or last word never ends a newer one', async () => {
    setView(A, onView(A));
    const old = fakePort(`${PAGE_PORT_PREFIX}old1`, contentOf(A));
    const fresh = fakePort(`${PAGE_PORT_PREFIX}new1`, contentOf(A));
    connect(old.port);
    connect(fresh.port);
    old.drop();
    await expect(route({ type: 'mirage:page-gone', instance: 'old1' }, contentOf(A))).resolves.toEqual({ ok: true, off: false });
    expect(tabs.get(A)!.view.phase).toBe('on');
    await expect(route({ type: 'mirage:page-gone', instance: 'new1' }, contentOf(A))).resolves.toEqual({ ok: true, off: true });
    expect(tabs.get(A)!.view.phase).toBe('off');
  });

  it('page-gone after a service-worker restart (no port known, the view only in storage.session) still says off', async () => {
    setView(A, onView(A));
    await expect.poll(async () => (await fakeBrowser.storage.session.get(`tab:${A}`))[`tab:${A}`]).toBeTruthy();
    tabs.clear(); // what a restart forgets
    await expect(route({ type: 'mirage:page-gone', instance: 'zzz' }, contentOf(A))).resolves.toEqual({ ok: true, off: true });
    await expect(route({ type: 'mirage:get-state', tabId: A }, popup())).resolves.toMatchObject({ phase: 'off' });
  });

  it('page-gone from tab A never switches tab B off', async () => {
    setView(B, onView(B));
    await route({ type: 'mirage:page-gone', instance: 'abc' }, contentOf(A));
    expect(tabs.get(B)!.view.phase).toBe('on');
  });
});

describe('router: a page that changes after a service-worker restart', () => {
  it('the first change report of a tab that was on is answered by reading and scoring the page again, whole', async () => {
    const T = (await fakeBrowser.tabs.create({ url: 'http://127.0.0.1/feed.html' })).id!;
    setView(T, onView(T));
    await expect.poll(async () => (await fakeBrowser.storage.session.get(`tab:${T}`))[`tab:${T}`]).toBeTruthy();
    tabs.clear(); // what a restart forgets: the page's blocks and analyses went with the old worker
    const text = OWN_TEXTS.find((t) => t.lang === 'en')!.text;
    const blocks = text.split(/\n\n+/).map((t, id) => ({ id, text: t, lang: '' }));
    const asked: string[] = [];
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(((id: number, raw: unknown) => {
      const m = parseContentRequest(raw);
      if (id !== T || !m) return Promise.resolve(undefined);
      asked.push(m.type);
      if (m.type === 'mirage:extract') return Promise.resolve({ ok: true, blocks, ms: 1, near: [] });
      if (m.type === 'mirage:paint') return Promise.resolve({ ok: true, painted: m.analyses.reduce((n, a) => n + a.sentences.length, 0), ms: 1, at: Date.now() });
      return Promise.resolve({ ok: true, active: true });
    }));
    // stories appended: in the old worker they were followed; in the new one nothing was known to follow them with
    const change = { type: 'mirage:content-changed', removed: [], added: [{ id: 99, text: 'A new story appeared.', lang: '' }], full: false };
    await expect(route(change, contentOf(T))).resolves.toMatchObject({ ok: true });
    expect(asked).toContain('mirage:extract');
    expect(tabs.get(T)!.view.phase).toBe('on');
    expect(tabs.get(T)!.blocks?.size).toBe(blocks.length); // followed from now on
  });

  it('a tab that is off in storage too is not read', async () => {
    await expect(route({ type: 'mirage:content-changed', removed: [], added: [], full: false }, contentOf(A))).resolves.toEqual({ ok: false });
    expect(tabs.get(A)?.view.phase ?? 'off').toBe('off');
  });
});
