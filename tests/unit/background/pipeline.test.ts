// The pipeline on a long page (issue 12): the blocks near the screen are scored and painted first, without the
// legend, while the whole page is scored; the whole page's paint follows and the answer reports when the first
// highlights were in place. A short page is painted once. Runs the real pipeline on WXT's fake browser, with a fake
// page layer answering the background's messages.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { FIRST_PAGE_CHARS } from '@/src/background/first-blocks';
import { relevel, setHighlights, toggle } from '@/src/background/pipeline';
import { forgetTab, knownSettings, setKnownSettings, setView, tabs } from '@/src/background/tab-state';
import { DEFAULT_SETTINGS } from '@/src/settings';
import { resetWarm, warmRecord, warmStarted } from '@/src/background/warm';
import { parseContentRequest, type BlockPayload, type PaintMessage } from '@/src/messaging';
import { OWN_TEXTS } from '../engine/score/own-texts';

const paragraphs = OWN_TEXTS.filter((t) => t.lang === 'en').flatMap((t) => t.text.split(/\n\n+/));

/** Blocks of English paragraphs, ids 0.., until `chars` characters. */
function pageOf(chars: number): BlockPayload[] {
  const out: BlockPayload[] = [];
  for (let n = 0; n < chars; ) {
    const text = paragraphs[out.length % paragraphs.length]!;
    out.push({ id: out.length, text, lang: '' });
    n += text.length;
  }
  return out;
}

/** A page layer in tab `tabId`: answers ping, extract (with `near`) and paint; records what it was asked to paint. */
function fakePage(tabId: number, blocks: BlockPayload[], near: number[], beforePaintAnswer?: (n: number) => Promise<void> | undefined) {
  const paints: PaintMessage[] = [];
  const answer = (id: number, raw: unknown): unknown => {
    const m = parseContentRequest(raw);
    if (id !== tabId || !m) return undefined;
    if (m.type === 'mirage:ping') return { ok: true, active: false };
    if (m.type === 'mirage:extract') return { ok: true, blocks, ms: 1, near };
    if (m.type === 'mirage:paint') {
      paints.push(m);
      const painted = { ok: true, painted: m.analyses.reduce((n, a) => n + a.sentences.length, 0), ms: 1, at: Date.now() };
      const wait = beforePaintAnswer?.(paints.length);
      return wait ? wait.then(() => painted) : painted;
    }
    return { ok: true };
  };
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(((id: number, raw: unknown) => Promise.resolve(answer(id, raw))));
  return paints;
}

beforeEach(() => {
  fakeBrowser.reset();
  tabs.clear();
  resetWarm();
});

describe('pipeline: a switch-on in a cold worker', () => {
  it('starts no warm-up of its own, and no warm-up asked for later runs in this worker', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      const tab = await fakeBrowser.tabs.create({ url: 'http://127.0.0.1/a.html' });
      fakePage(tab.id!, pageOf(3000), []);
      const r = await setHighlights(tab.id!, true);
      expect(r.ok, JSON.stringify(r)).toBe(true);
      expect(warmStarted()).toBe(true); // the analysis itself warmed the engine: later reasons to warm up do nothing
      expect(vi.getTimerCount()).toBe(0); // no warm-up step queued
      expect(warmRecord.reason).toBe('');
      expect(warmRecord.steps).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('pipeline: the first highlights before the whole page is scored', () => {
  it('a long page: the near blocks first (no legend), then the whole page replacing them', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'http://127.0.0.1/long.html' });
    const blocks = pageOf(FIRST_PAGE_CHARS * 1.5);
    const near = blocks.slice(100, 130).map((b) => b.id);
    const paints = fakePage(tab.id!, blocks, near);
    const r = await setHighlights(tab.id!, true);
    expect(r.ok, JSON.stringify(r)).toBe(true);
    expect(paints).toHaveLength(2);
    const [first, whole] = paints as [PaintMessage, PaintMessage];
    expect(first.mode).toBe('all');
    expect(first.legend).toBeNull();
    const firstBlocks = new Set(first.analyses.flatMap((a) => a.blocks));
    expect(near.every((id) => firstBlocks.has(id))).toBe(true);
    expect(firstBlocks.size).toBeLessThan(blocks.length / 3);
    expect(whole.mode).toBe('all');
    expect(whole.legend).not.toBeNull();
    expect(new Set(whole.analyses.flatMap((a) => a.blocks)).size).toBe(blocks.length);
    // the same analysis id, so that the whole page's paint replaces the first one
    expect(whole.analyses.map((a) => a.id)).toEqual(expect.arrayContaining(first.analyses.map((a) => a.id)));
    if (r.ok) {
      expect(r.timings?.first).toBeTypeOf('number');
      expect(r.timings!.first!).toBeLessThanOrEqual(r.ms + 5);
      expect(r.flagged).toBe(whole.analyses.reduce((n, a) => n + a.sentences.length, 0));
    }
    expect(tabs.get(tab.id!)?.view.phase).toBe('on');
  });

  it('switched off while the near blocks are being painted: the whole page is not painted after all', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'http://127.0.0.1/long-off.html' });
    const blocks = pageOf(FIRST_PAGE_CHARS * 1.5);
    let off: Promise<unknown> | undefined;
    const paints = fakePage(tab.id!, blocks, blocks.slice(100, 130).map((b) => b.id), (n) => {
      if (n !== 1) return undefined;
      // the reader switches off before the page answers the first paint
      off = setHighlights(tab.id!, false);
      return off.then(() => undefined);
    });
    const r = await setHighlights(tab.id!, true);
    expect(r).toMatchObject({ ok: false, code: 'page-changed' });
    expect(await off).toMatchObject({ ok: true });
    expect(paints).toHaveLength(1); // the near blocks only
    expect(tabs.get(tab.id!)?.view.phase).toBe('off');
  });

  it('a short page: one paint, with the legend', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'http://127.0.0.1/short.html' });
    const blocks = pageOf(12_000);
    const paints = fakePage(tab.id!, blocks, blocks.slice(0, 5).map((b) => b.id));
    const r = await setHighlights(tab.id!, true);
    expect(r.ok, JSON.stringify(r)).toBe(true);
    expect(paints).toHaveLength(1);
    expect(paints[0]!.legend).not.toBeNull();
    if (r.ok) expect(r.timings?.first).toBeTypeOf('number');
  });
});

/** A page layer with a session, as src/page/content.ts keeps one: extract starts a session when none is active, stop
 * ends it, a paint without a session fails ('no session'). Each message is answered after a short delay, in order. */
function sessionPage(tabId: number, blocks: BlockPayload[]) {
  const page = { session: 0, active: false, painted: 0, log: [] as string[] };
  let queue: Promise<unknown> = Promise.resolve();
  const answer = (raw: unknown): unknown => {
    const m = parseContentRequest(raw);
    if (!m) return undefined;
    page.log.push(m.type.slice(7));
    switch (m.type) {
      case 'mirage:ping':
        return { ok: true, active: page.active };
      case 'mirage:extract':
        if (!page.active) page.session++;
        page.active = true;
        return { ok: true, blocks, ms: 1, near: [] };
      case 'mirage:paint':
        if (!page.active) return { ok: false, error: 'no session' };
        page.painted = m.analyses.reduce((n, a) => n + a.sentences.length, 0);
        return { ok: true, painted: page.painted, ms: 1, at: Date.now() };
      case 'mirage:stop':
        page.active = false;
        page.painted = 0;
        return { ok: true };
      default:
        return { ok: true };
    }
  };
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(((id: number, raw: unknown) => {
    if (id !== tabId) return Promise.resolve(undefined);
    const next = queue.then(() => new Promise((ok) => setTimeout(() => ok(answer(raw)), 1)));
    queue = next;
    return next;
  }));
  return page;
}

describe('pipeline: switched on and off within milliseconds', () => {
  const patterns: boolean[][] = [[true, false], [true, false, true], [true, false, true, false], [true, true, false], [true, false, true, false, true, false]];
  it.each(patterns.map((p) => [p.map(Number).join(''), p] as const))('%s, sent at once: the page and the view end as the last request says, with no error', async (_name, pattern) => {
    const tab = await fakeBrowser.tabs.create({ url: 'http://127.0.0.1/rapid.html' });
    const page = sessionPage(tab.id!, pageOf(6000));
    const results = await Promise.all(pattern.map((enabled) => setHighlights(tab.id!, enabled)));
    const last = pattern.at(-1)!;
    expect(page.active, page.log.join(' ')).toBe(last);
    expect(page.painted > 0).toBe(last);
    expect(tabs.get(tab.id!)?.view.phase).toBe(last ? 'on' : 'off');
    expect(results.at(-1)).toMatchObject({ ok: true });
    // an earlier request overtaken by a later one ends as the automation contract says, never as an engine error
    for (const r of results.slice(0, -1)) if (!r.ok) expect(r.code).toBe('page-changed');
  });
});

describe('pipeline: the tab closed while its analysis runs', () => {
  it('nothing is kept about the closed tab: no record, no stored view', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'http://127.0.0.1/closed.html' });
    fakePage(tab.id!, pageOf(6000), [], () => {
      forgetTab(tab.id!); // tabs.onRemoved (sites.ts) while the page answers the paint
      return undefined;
    });
    const r = await setHighlights(tab.id!, true);
    expect(r).toMatchObject({ ok: false, code: 'page-changed' });
    expect(tabs.has(tab.id!)).toBe(false);
    await new Promise((ok) => setTimeout(ok, 10)); // the stored copy is written after the answer
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });
});

describe('pipeline: the sensitivity changed while a switch-on runs', () => {
  it('the page ends painted at the new levels, and the view says the new sensitivity', async () => {
    const was = knownSettings();
    setKnownSettings({ ...DEFAULT_SETTINGS, sensitivity: 'medium' });
    try {
      const tab = await fakeBrowser.tabs.create({ url: 'http://127.0.0.1/sens.html' });
      const paints = fakePage(tab.id!, pageOf(12_000), [], (n) => {
        // the reader picks "high" in the popup while the page is painted; relevel (sites.ts) skips a tab not yet on
        if (n === 1) setKnownSettings({ ...DEFAULT_SETTINGS, sensitivity: 'high' });
        return undefined;
      });
      const r = await setHighlights(tab.id!, true);
      expect(r.ok, JSON.stringify(r)).toBe(true);
      expect(tabs.get(tab.id!)?.view.sensitivity).toBe('high');
      expect(paints).toHaveLength(2);
      const count = (p: PaintMessage) => p.analyses.reduce((n, a) => n + a.sentences.length, 0);
      expect(count(paints[1]!)).toBeGreaterThanOrEqual(count(paints[0]!)); // "high" highlights at least as much
      if (r.ok) expect(r.flagged).toBe(count(paints[1]!));
    } finally {
      if (was) setKnownSettings(was);
    }
  });
});

describe('pipeline: the shortcut pressed again before the first press took effect', () => {
  // presses queued while the worker was busy (scoring a long page) arrive together: each must toggle what the press
  // before it asked for, not the view, which the request under way has not changed yet
  it.each([[2, false], [3, true], [4, false]] as const)('%i presses at once end %s', async (n, on) => {
    const tab = await fakeBrowser.tabs.create({ url: 'http://127.0.0.1/presses.html' });
    const page = sessionPage(tab.id!, pageOf(6000));
    const results = await Promise.all(Array.from({ length: n }, () => toggle(tab.id!)));
    expect(page.active, page.log.join(' ')).toBe(on);
    expect(tabs.get(tab.id!)?.view.phase).toBe(on ? 'on' : 'off');
    expect(results.at(-1)).toMatchObject({ ok: true });
    expect((await toggle(tab.id!)).ok).toBe(true); // a later press toggles what is there now
    expect(tabs.get(tab.id!)?.view.phase).toBe(on ? 'off' : 'on');
  });
});

describe('pipeline: the sensitivity changed after the service worker restarted', () => {
  it('a tab on in storage.session only is read and scored again, and painted at the new levels', async () => {
    const was = knownSettings();
    try {
      const tab = await fakeBrowser.tabs.create({ url: 'http://127.0.0.1/restarted.html' });
      const paints = fakePage(tab.id!, pageOf(6000), []);
      setView(tab.id!, { tabId: tab.id!, phase: 'on', scope: 'page', sensitivity: 'medium', origin: 'http://127.0.0.1' });
      await vi.waitFor(async () => expect(Object.keys(await fakeBrowser.storage.session.get(null))).toHaveLength(1));
      tabs.clear(); // what a restart forgets
      const high = { ...DEFAULT_SETTINGS, sensitivity: 'high' as const };
      setKnownSettings(high); // as sites.ts does before relevel
      await relevel(high);
      await vi.waitFor(() => expect(tabs.get(tab.id!)?.view).toMatchObject({ phase: 'on', sensitivity: 'high' }));
      expect(paints.length).toBeGreaterThan(0); // it was left at the old levels, the view saying 'medium'
    } finally {
      if (was) setKnownSettings(was);
    }
  });
});
