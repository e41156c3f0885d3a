/**
 * tab-state — what the background knows about each tab: its view (what the popup and side panel show), the page's
 * blocks and analyses while highlights are on, and the reader's settings.
 *
 * State is kept in memory, and each tab's view (summary, passages: page text cut to short excerpts) is mirrored in
 * `storage.session` so that a restarted service worker can still answer the side panel. storage.session lives in
 * memory only and is never synced; storage.sync holds settings only. Every view change is announced to the
 * extension pages (`mirage:state-changed`).
 */
import { browser } from 'wxt/browser';
import type { BlockPayload, Scope, TabView } from '../messaging';
import { loadSettings, type Settings } from '../settings';
import { stopPage } from './content-script';
import type { PageAnalysis } from './page-analysis';

export interface TabRecord {
  view: TabView;
  analyses?: PageAnalysis[];
  /** The page's blocks by id (ids grow in reading order), while analysis is on. */
  blocks?: Map<number, BlockPayload>;
  /** Block id -> language (detected once per block); language -> analysis id (stable). */
  langCache: Map<number, string>;
  groupIds: Map<string, number>;
  /** Following page changes (page-changes.ts): words changed per language since its group was scored, and blocks
   * added since that are not scored yet. */
  debt: Map<string, number>;
  unscored: Set<number>;
  /** Incremented by every request, so that a late answer to an older one is dropped. */
  run: number;
  /** Page changes are handled one after the other. */
  changes: Promise<unknown>;
}

const SESSION_KEY = (tabId: number) => `tab:${tabId}`;
export const tabs = new Map<number, TabRecord>();
let settings: Settings | undefined;

export async function currentSettings(): Promise<Settings> {
  settings ??= await loadSettings();
  return settings;
}

/** The settings last seen (for a synchronous default), without reading storage. */
export function knownSettings(): Settings | undefined {
  return settings;
}

export function setKnownSettings(next: Settings): void {
  settings = next;
}

export function offView(tabId: number, sensitivity: Settings['sensitivity'], scope: Scope = 'page'): TabView {
  return { tabId, phase: 'off', scope, sensitivity };
}

/** Writes to storage.session, one at a time per tab; while one is under way only the newest view waits its turn. */
const persisting = new Map<number, { latest: TabView }>();

async function saveView(view: TabView): Promise<void> {
  try {
    if (view.phase === 'off') await browser.storage.session?.remove(SESSION_KEY(view.tabId));
    else await browser.storage.session?.set({ [SESSION_KEY(view.tabId)]: view });
  } catch {
    // storage.session missing (old Firefox): memory only
  }
}

/** Keep `view` in storage.session without making anyone wait for it: the view in memory answers every request, the
 * stored copy only serves a restarted service worker. Writes of one tab stay in order and coalesce; an 'off' view
 * is a removal. */
export function persist(view: TabView): void {
  const queued = persisting.get(view.tabId);
  if (queued) {
    queued.latest = view;
    return;
  }
  const entry = { latest: view };
  persisting.set(view.tabId, entry);
  void (async () => {
    let written: TabView | undefined;
    while (written !== entry.latest) {
      written = entry.latest;
      await saveView(written);
    }
    persisting.delete(view.tabId);
  })();
}

function broadcast(tabId: number): void {
  browser.runtime.sendMessage({ type: 'mirage:state-changed', tabId }).catch(() => undefined);
}

export function record(tabId: number): TabRecord {
  let r = tabs.get(tabId);
  if (!r) {
    r = { view: offView(tabId, settings?.sensitivity ?? 'medium'), run: 0, langCache: new Map(), groupIds: new Map(), debt: new Map(), unscored: new Set(), changes: Promise.resolve() };
    tabs.set(tabId, r);
  }
  return r;
}

/** Forget what is known about the tab's page (its blocks, analyses, languages, changes followed). */
export function resetPage(rec: TabRecord): void {
  rec.analyses = undefined;
  rec.blocks = undefined;
  rec.langCache = new Map();
  rec.groupIds = new Map();
  rec.debt = new Map();
  rec.unscored = new Set();
}

export function setView(tabId: number, view: TabView): void {
  record(tabId).view = view;
  persist(view);
  broadcast(tabId);
}

/** Forget a closed tab (and its stored view); a request still under way for it becomes stale and writes nothing. */
export function forgetTab(tabId: number): void {
  const r = tabs.get(tabId);
  if (r) r.run++;
  tabs.delete(tabId);
  persist(offView(tabId, settings?.sensitivity ?? 'medium'));
}

/** The views in storage.session of tabs this worker does not hold in memory (it started after they were written). */
export async function storedViews(): Promise<TabView[]> {
  let all: Record<string, unknown> = {};
  try {
    all = (await browser.storage.session?.get(null)) ?? {};
  } catch {
    return [];
  }
  return Object.entries(all).flatMap(([key, v]) => {
    const view = v as Partial<TabView> | null;
    return view && typeof view.tabId === 'number' && key === SESSION_KEY(view.tabId) && !tabs.has(view.tabId) ? [view as TabView] : [];
  });
}

/** A stored 'working' view in a worker that does not know the tab: the worker that was analysing stopped (the
 * browser stops a worker after 30 s without events, or under memory pressure), and nothing will finish its analysis.
 * The tab is off, and what that analysis had painted (a long page's first blocks, without their legend) goes. */
function interrupted(tabId: number, s: Settings): TabView {
  const view = offView(tabId, s.sensitivity);
  if (!tabs.has(tabId)) setView(tabId, view);
  void stopPage(tabId);
  return view;
}

export async function getView(tabId: number): Promise<TabView> {
  const mem = tabs.get(tabId);
  const s = await currentSettings();
  if (mem) return mem.view;
  try {
    const got = await browser.storage.session?.get(SESSION_KEY(tabId));
    const v = got?.[SESSION_KEY(tabId)] as TabView | undefined;
    if (v && v.tabId === tabId) return v.phase === 'working' ? interrupted(tabId, s) : v;
  } catch {
    // fall through
  }
  return offView(tabId, s.sensitivity);
}
