/**
 * controller — the background's per-tab state and the one code path that turns analysis on and off.
 *
 * What: `startController()` (called by entrypoints/background.ts) registers the message hub, the context menu, the
 * keyboard command, the "always analyse here" sites and the sensitivity watcher. Every way of switching analysis
 * (popup, shortcut, context menu, automation message) goes through `setHighlights(tabId, enabled, scope)`, which
 * injects the content script when needed (activeTab or the site's optional host permission), asks it for the
 * page's blocks, scores them here with the engine (off the page's main thread), and sends back what to paint.
 * State: kept in memory, and the view of each tab (summary, passages: page text cut to short excerpts) mirrored in
 * `storage.session` so that a restarted service worker can still answer the side panel. storage.session lives in
 * memory only and is never synced; storage.sync holds settings only.
 * Network: none. Nothing here fetches anything; the engine's reference tables are bundled.
 */
import { browser, type Browser } from 'wxt/browser';
import {
  CONTENT_READY,
  parseBackgroundRequest,
  parseExtractResult,
  parsePaintResult,
  type BlockPayload,
  type ContentChangedMessage,
  type ErrorCode,
  type LegendPayload,
  type Scope,
  type SetHighlightsResult,
  type TabView,
  type Timings,
} from '../messaging';
import { loadSettings, originOf, originPattern, watchSettings, type Settings } from '../settings';
import { t, uiLanguage } from '../shared/i18n';
import type { UiLang } from '../engine';
import { analyse, headlineOf } from '../engine';
import { analyseGroups, groupBlocks, isScored, mainAnalysis, paintOf, viewOf, type PageAnalysis } from './page-analysis';
import { RESTRICTED_MESSAGE, restrictedReason } from '../shared/restricted';
import { openAnalysisPage, openLabPage } from '../shared/open-pages';

export const CONTENT_SCRIPT = '/content-scripts/content.js';
export const COMMAND_TOGGLE = 'toggle-analysis';
const MENU_PAGE = 'mirage-analyse-page';
const MENU_SELECTION = 'mirage-analyse-selection';
const MENU_CLEAR = 'mirage-clear';
const MENU_CHECK_SELECTION = 'mirage-check-selection';
const MENU_OPEN_ANALYSIS = 'mirage-open-analysis';
const MENU_OPEN_LAB = 'mirage-open-lab';
/** The toolbar button's own context menu: 'action' in MV3, 'browser_action' in Firefox MV2. */
const ACTION_CONTEXT = (import.meta.env.MANIFEST_VERSION === 3 ? 'action' : 'browser_action') as 'action';
const SESSION_KEY = (tabId: number) => `tab:${tabId}`;

interface TabRecord {
  view: TabView;
  analyses?: PageAnalysis[];
  /** The page's blocks by id (ids grow in reading order), while analysis is on. */
  blocks?: Map<number, BlockPayload>;
  /** Block id -> language (detected once per block); language -> analysis id (stable). */
  langCache: Map<number, string>;
  groupIds: Map<string, number>;
  /** Incremented by every request, so that a late answer to an older one is dropped. */
  run: number;
  /** Page changes are handled one after the other. */
  changes: Promise<unknown>;
}

const tabs = new Map<number, TabRecord>();
let settings: Settings | undefined;

async function currentSettings(): Promise<Settings> {
  settings ??= await loadSettings();
  return settings;
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

function offView(tabId: number, sensitivity: Settings['sensitivity'], scope: Scope = 'page'): TabView {
  return { tabId, phase: 'off', scope, sensitivity };
}

/** Writes to storage.session, one at a time per tab; while one is under way only the newest view waits its turn. */
const persisting = new Map<number, { latest: TabView }>();

/** Keep `view` in storage.session without making anyone wait for it: the view in memory answers every request,
 * the stored copy only serves a restarted service worker. Writes of one tab stay in order and coalesce. */
function persist(view: TabView): void {
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

async function saveView(view: TabView): Promise<void> {
  try {
    if (view.phase === 'off') await browser.storage.session?.remove(SESSION_KEY(view.tabId));
    else await browser.storage.session?.set({ [SESSION_KEY(view.tabId)]: view });
  } catch {
    // storage.session missing (old Firefox): memory only
  }
}

function broadcast(tabId: number): void {
  browser.runtime.sendMessage({ type: 'mirage:state-changed', tabId }).catch(() => undefined);
}

function record(tabId: number): TabRecord {
  let r = tabs.get(tabId);
  if (!r) {
    r = { view: offView(tabId, settings?.sensitivity ?? 'medium'), run: 0, langCache: new Map(), groupIds: new Map(), changes: Promise.resolve() };
    tabs.set(tabId, r);
  }
  return r;
}

function setView(tabId: number, view: TabView): void {
  record(tabId).view = view;
  persist(view);
  broadcast(tabId);
}

export async function getView(tabId: number): Promise<TabView> {
  const mem = tabs.get(tabId);
  const s = await currentSettings();
  if (mem) return mem.view;
  try {
    const got = await browser.storage.session?.get(SESSION_KEY(tabId));
    const v = got?.[SESSION_KEY(tabId)] as TabView | undefined;
    if (v && v.tabId === tabId) return v;
  } catch {
    // fall through
  }
  return offView(tabId, s.sensitivity);
}

function fail(code: ErrorCode, ui: UiLang, detail?: string): SetHighlightsResult & { ok: false } {
  const key: Record<ErrorCode, string> = {
    'bad-request': 'err_badRequest',
    'no-access': 'err_noAccess',
    'no-text': 'err_noText',
    'no-selection': 'err_noSelection',
    'no-tab': 'err_noTab',
    'page-changed': 'err_pageChanged',
    'unsupported-language': 'status_unsupportedLanguage',
    engine: 'err_engine',
  };
  return { ok: false, code, error: detail && code !== 'engine' ? detail : t(key[code], detail ?? '', ui) };
}

async function ping(tabId: number): Promise<boolean> {
  try {
    const r = (await browser.tabs.sendMessage(tabId, { type: 'mirage:ping' })) as { ok?: boolean } | undefined;
    return r?.ok === true;
  } catch {
    return false;
  }
}

async function ensureContentScript(tabId: number): Promise<boolean> {
  if (await ping(tabId)) return true;
  try {
    const [r] = await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT] });
    // the script's main() answers CONTENT_READY once it listens: no second round trip to ask it
    if (r?.result === CONTENT_READY) return true;
  } catch {
    return false;
  }
  return ping(tabId);
}

function legendFor(flagged: number, sentences: number, ui: UiLang): LegendPayload {
  const lv = (n: 1 | 2 | 3) => `${t(`level${n}`, undefined, ui)} · ${t(`levelUnderline${n}`, undefined, ui)}`;
  return {
    title: t('page_legendTitle', undefined, ui),
    note: t('page_legendNote', undefined, ui),
    summary: t('page_legendSummary', [flagged, sentences], ui),
    close: t('page_legendClose', undefined, ui),
    levels: [lv(1), lv(2), lv(3)],
    lang: ui,
  };
}

async function tabOrigin(tabId: number): Promise<string | undefined> {
  try {
    return originOf((await browser.tabs.get(tabId)).url);
  } catch {
    return undefined;
  }
}

/** A few sentences for warming the engine up (JIT, lazy tables) while the page is being read. */
const WARM_TEXT = 'The river rose slowly through the night, and by morning the lower road was under water. '
  + 'Nobody in the village had seen it this high since the winter of the big storm. '
  + 'Children stood at the edge of the field and threw sticks into the brown current to watch them spin away. ';
let warmed = false;

/** Run the engine once on a small text, off the critical path (setTimeout), once per background lifetime. */
export function warmEngine(): void {
  if (warmed) return;
  warmed = true;
  setTimeout(() => {
    try {
      analyse(WARM_TEXT.repeat(3));
    } catch {
      // warming is best effort
    }
  }, 0);
}

function sortedBlocks(m: Map<number, BlockPayload>): BlockPayload[] {
  return [...m.values()].sort((a, b) => a.id - b.id);
}

function flaggedOf(paint: ReturnType<typeof paintOf>): number {
  return paint.reduce((n, a) => n + a.sentences.length, 0);
}

/** Why nothing can be highlighted when no group was scored: the largest group decides. */
function unusable(analyses: PageAnalysis[], ui: UiLang): { code: ErrorCode; detail?: string } {
  const main = mainAnalysis(analyses);
  const r = main?.report;
  if (!r || r.status === 'no-text') return { code: 'no-text' };
  if (r.status === 'unsupported-language') return { code: 'unsupported-language', detail: headlineOf(r, ui) };
  return { code: 'no-text', detail: headlineOf(r, ui) };
}

/** The single path that switches analysis on or off for a tab. */
export async function setHighlights(tabId: number, enabled: boolean, scope: Scope = 'page'): Promise<SetHighlightsResult> {
  const t0 = now();
  const ui = uiLanguage();
  const s = await currentSettings();
  const rec = record(tabId);
  const run = ++rec.run;
  let url: string | undefined;
  try {
    url = (await browser.tabs.get(tabId)).url;
  } catch {
    return fail('no-tab', ui);
  }

  if (!enabled) {
    if (await ping(tabId)) {
      await browser.tabs.sendMessage(tabId, { type: 'mirage:stop' }).catch(() => undefined);
    }
    rec.analyses = undefined;
    rec.blocks = undefined;
    rec.langCache = new Map();
    rec.groupIds = new Map();
    setView(tabId, offView(tabId, s.sensitivity, scope));
    return { ok: true, sentences: 0, flagged: 0, ms: Math.round(now() - t0) };
  }

  warmEngine();
  const origin = originOf(url);
  const stale = () => rec.run !== run;
  const failWith = async (code: ErrorCode, detail?: string) => {
    const f = fail(code, ui, detail);
    if (!stale()) setView(tabId, { ...offView(tabId, s.sensitivity, scope), phase: 'error', error: f.error, code, origin });
    return f;
  };
  const stopPage = () => browser.tabs.sendMessage(tabId, { type: 'mirage:stop' }).catch(() => undefined);

  const reason = restrictedReason(url);
  if (reason) return failWith('no-access', t(RESTRICTED_MESSAGE[reason], undefined, ui));

  setView(tabId, { ...offView(tabId, s.sensitivity, scope), phase: 'working', origin });
  const timings: Timings = { inject: 0, extract: 0, extractInPage: 0, score: 0, paint: 0 };
  let mark = now();
  const lap = () => {
    const x = now();
    const d = Math.round(x - mark);
    mark = x;
    return d;
  };
  if (!(await ensureContentScript(tabId))) return failWith('no-access');
  timings.inject = lap();
  if (stale()) return fail('page-changed', ui);

  const extracted = parseExtractResult(
    await browser.tabs.sendMessage(tabId, { type: 'mirage:extract', scope }).catch(() => undefined),
  );
  timings.extract = lap();
  if (!extracted) return failWith('page-changed');
  if (!extracted.ok) {
    await stopPage(); // nothing to show: the page session ends here
    if (extracted.code === 'engine') return failWith('engine', extracted.error ?? '');
    if (extracted.code === 'no-access') return failWith('no-access', t(RESTRICTED_MESSAGE.pdf, undefined, ui));
    return failWith(extracted.code);
  }
  timings.extractInPage = Math.round(extracted.ms);
  if (stale()) return fail('page-changed', ui);

  rec.langCache = new Map();
  rec.groupIds = new Map();
  let analyses: PageAnalysis[];
  try {
    analyses = analyseGroups(groupBlocks(extracted.blocks, rec.langCache), { groupIds: rec.groupIds });
  } catch (e) {
    await stopPage();
    return failWith('engine', e instanceof Error ? e.message : String(e));
  }
  timings.score = lap();
  if (!analyses.some((a) => isScored(a.report))) {
    await stopPage();
    const why = unusable(analyses, ui);
    const f = await failWith(why.code, why.detail);
    // the side panel still lists what each language group is
    if (!stale() && analyses.length) {
      const v = viewOf(tabId, analyses, s.sensitivity, { scope, origin, ms: Math.round(now() - t0), blocks: extracted.blocks.length });
      setView(tabId, { ...offView(tabId, s.sensitivity, scope), phase: 'error', error: f.error, code: why.code, origin, groups: v.groups ?? undefined });
    }
    return f;
  }
  if (stale()) return fail('page-changed', ui);

  const paint = paintOf(analyses, s.sensitivity);
  const flagged = flaggedOf(paint);
  const sentences = analyses.reduce((n, a) => n + a.report.sentences.length, 0);
  const painted = parsePaintResult(
    await browser.tabs
      .sendMessage(tabId, {
        type: 'mirage:paint',
        analyses: paint,
        legend: s.showLegend ? legendFor(flagged, sentences, ui) : null,
        mode: 'all',
        drop: [],
      })
      .catch(() => undefined),
  );
  timings.paint = lap();
  if (!painted) return failWith('page-changed');
  if (!painted.ok) {
    await stopPage();
    return failWith('engine', painted.error);
  }
  if (stale()) return fail('page-changed', ui);

  rec.analyses = analyses;
  rec.blocks = new Map(extracted.blocks.map((b) => [b.id, b]));
  const ms = Math.round(now() - t0);
  setView(tabId, viewOf(tabId, analyses, s.sensitivity, { scope, origin, ms, blocks: extracted.blocks.length }));
  return { ok: true, sentences, flagged: painted.painted, ms, timings };
}

/** Blocks were removed or added on an analysed page: re-analyse the language groups concerned, repaint them only. */
async function onContentChanged(tabId: number, change: Omit<ContentChangedMessage, 'type'>): Promise<{ ok: boolean }> {
  const rec = tabs.get(tabId);
  if (!rec || rec.view.phase !== 'on' || !rec.blocks || !rec.analyses) return { ok: false };
  const run = rec.run;
  const ui = uiLanguage();
  const s = await currentSettings();
  const t0 = now();
  const touched = new Set<string>();
  for (const id of change.removed) {
    const lang = rec.langCache.get(id);
    if (lang) touched.add(lang);
    rec.blocks.delete(id);
    rec.langCache.delete(id);
  }
  for (const b of change.added) rec.blocks.set(b.id, b);
  const blocks = sortedBlocks(rec.blocks);
  const groups = groupBlocks(blocks, rec.langCache);
  const added = new Set(change.added.map((b) => b.id));
  for (const g of groups) if (change.full || g.blocks.some((b) => added.has(b.id))) touched.add(g.lang);
  // a group whose blocks moved to another language (short blocks follow their neighbours) is re-analysed too
  const before = new Map(rec.analyses.map((a) => [a.id, a]));
  for (const g of groups) {
    const id = rec.groupIds.get(g.lang);
    const old = id === undefined ? undefined : before.get(id);
    if (!old || old.blocks.length !== g.blocks.length || old.blocks.some((b, i) => b !== g.blocks[i].id)) touched.add(g.lang);
  }
  let fresh: PageAnalysis[];
  try {
    fresh = analyseGroups(groups, { groupIds: rec.groupIds, only: touched });
  } catch {
    return { ok: false };
  }
  if (rec.run !== run) return { ok: false };
  const live = new Set(groups.map((g) => rec.groupIds.get(g.lang)));
  const drop = rec.analyses.filter((a) => !live.has(a.id)).map((a) => a.id);
  const byId = new Map(rec.analyses.filter((a) => live.has(a.id)).map((a) => [a.id, a]));
  for (const a of fresh) byId.set(a.id, a);
  const analyses = [...byId.values()];
  const all = paintOf(analyses, s.sensitivity);
  const freshIds = new Set(fresh.map((a) => a.id));
  const painted = parsePaintResult(
    await browser.tabs
      .sendMessage(tabId, {
        type: 'mirage:paint',
        analyses: all.filter((a) => freshIds.has(a.id)),
        legend: s.showLegend ? legendFor(flaggedOf(all), analyses.reduce((n, a) => n + a.report.sentences.length, 0), ui) : null,
        mode: 'some',
        drop,
      })
      .catch(() => undefined),
  );
  if (!painted?.ok || rec.run !== run) return { ok: false };
  rec.analyses = analyses;
  if (!analyses.length) {
    setView(tabId, { ...rec.view, report: undefined, passages: [], passagesTotal: undefined, groups: undefined, blocks: 0, sentences: 0 });
    return { ok: true };
  }
  setView(tabId, viewOf(tabId, analyses, s.sensitivity, {
    scope: rec.view.scope, origin: rec.view.origin, ms: Math.round(now() - t0), blocks: blocks.length,
  }));
  return { ok: true };
}

/** Re-level open tabs after a sensitivity or legend change, without re-scoring. */
async function relevel(next: Settings): Promise<void> {
  const ui = uiLanguage();
  for (const [tabId, rec] of tabs) {
    if (rec.view.phase !== 'on') continue;
    if (!rec.analyses) {
      void setHighlights(tabId, true, rec.view.scope);
      continue;
    }
    const paint = paintOf(rec.analyses, next.sensitivity);
    const flagged = flaggedOf(paint);
    const sentences = rec.analyses.reduce((n, a) => n + a.report.sentences.length, 0);
    const ok = parsePaintResult(
      await browser.tabs
        .sendMessage(tabId, { type: 'mirage:paint', analyses: paint, legend: next.showLegend ? legendFor(flagged, sentences, ui) : null, mode: 'all', drop: [] })
        .catch(() => undefined),
    );
    if (!ok?.ok || !rec.analyses.length) continue;
    setView(tabId, viewOf(tabId, rec.analyses, next.sensitivity, {
      scope: rec.view.scope, origin: rec.view.origin, ms: rec.view.ms ?? 0, blocks: rec.blocks?.size ?? 0,
    }));
  }
}

async function toggle(tabId: number, scope: Scope = 'page'): Promise<SetHighlightsResult> {
  const v = await getView(tabId);
  return setHighlights(tabId, !(v.phase === 'on' || v.phase === 'working'), scope);
}

/** tabs.onUpdated: a navigation ends the page's session; "always analyse" sites start a new one. */
async function onTabUpdated(tabId: number, info: { status?: string }, tab: Browser.tabs.Tab): Promise<void> {
  if (info.status === 'loading') {
    const rec = tabs.get(tabId);
    if (rec && rec.view.phase !== 'off') {
      rec.run++;
      rec.analyses = undefined;
      rec.blocks = undefined;
      setView(tabId, offView(tabId, (await currentSettings()).sensitivity));
    }
    return;
  }
  if (info.status !== 'complete') return;
  const origin = originOf(tab.url);
  const s = await currentSettings();
  if (!origin || !s.alwaysOrigins.includes(origin)) return;
  if (!(await browser.permissions.contains({ origins: [originPattern(origin)] }))) return;
  const v = await getView(tabId);
  if (v.phase === 'off') await setHighlights(tabId, true, 'page');
}

function createMenus(): void {
  const ui = uiLanguage();
  browser.contextMenus.removeAll().then(() => {
    browser.contextMenus.create({ id: MENU_PAGE, title: t('menu_analysePage', undefined, ui), contexts: ['page'] });
    browser.contextMenus.create({ id: MENU_SELECTION, title: t('menu_analyseSelection', undefined, ui), contexts: ['selection'] });
    browser.contextMenus.create({ id: MENU_CLEAR, title: t('menu_clear', undefined, ui), contexts: ['page', 'selection'] });
    browser.contextMenus.create({ id: MENU_CHECK_SELECTION, title: t('menu_checkSelection', undefined, ui), contexts: ['selection'] });
    browser.contextMenus.create({ id: MENU_OPEN_ANALYSIS, title: t('menu_openAnalysis', undefined, ui), contexts: [ACTION_CONTEXT] });
    browser.contextMenus.create({ id: MENU_OPEN_LAB, title: t('menu_openLab', undefined, ui), contexts: [ACTION_CONTEXT] });
  });
}

/** The selected text with its line breaks (the menu's `selectionText` folds them), read with the activeTab grant
 * the menu click gives; the menu's own copy when the page cannot be read. */
async function selectedText(tabId: number, fallback: string): Promise<string> {
  try {
    const [r] = await browser.scripting.executeScript({ target: { tabId }, func: () => getSelection()?.toString() ?? '' });
    if (typeof r?.result === 'string' && r.result.trim()) return r.result;
  } catch {
    // protected page or no grant: the menu's copy will do
  }
  return fallback;
}

async function checkSelection(tabId: number, fallback: string, url: string | undefined): Promise<void> {
  const text = await selectedText(tabId, fallback);
  if (!text.trim()) return;
  const host = originOf(url)?.replace(/^https?:\/\//, '') ?? '';
  await openAnalysisPage({ text, title: host ? t('menu_selectionOn', host) : undefined, source: 'selection' });
}

async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

export function startController(): void {
  browser.runtime.onInstalled.addListener(createMenus);
  browser.runtime.onStartup?.addListener(createMenus);

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_OPEN_ANALYSIS) return void openAnalysisPage();
    if (info.menuItemId === MENU_OPEN_LAB) return void openLabPage();
    const id = tab?.id;
    if (id === undefined || id < 0) return;
    if (info.menuItemId === MENU_CHECK_SELECTION) return void checkSelection(id, info.selectionText ?? '', tab?.url);
    if (info.menuItemId === MENU_PAGE) void setHighlights(id, true, 'page');
    else if (info.menuItemId === MENU_SELECTION) void setHighlights(id, true, 'selection');
    else if (info.menuItemId === MENU_CLEAR) void setHighlights(id, false);
  });

  browser.commands?.onCommand.addListener((command: string, tab?: Browser.tabs.Tab) => {
    if (command !== COMMAND_TOGGLE) return;
    void (async () => {
      const id = tab?.id ?? (await activeTabId());
      if (id !== undefined) await toggle(id);
    })();
  });

  browser.tabs.onUpdated.addListener((tabId, info, tab) => void onTabUpdated(tabId, info, tab));
  browser.tabs.onRemoved.addListener((tabId) => {
    tabs.delete(tabId);
    persist(offView(tabId, settings?.sensitivity ?? 'medium')); // an 'off' view is a removal, queued after any write
  });

  // a withdrawn site permission also withdraws "always analyse" there
  browser.permissions.onRemoved?.addListener(async (p) => {
    const s = await currentSettings();
    const gone = (p.origins ?? []).map((o) => o.replace(/\/\*$/, ''));
    const keep = s.alwaysOrigins.filter((o) => !gone.includes(o));
    if (keep.length !== s.alwaysOrigins.length) {
      const { saveSettings } = await import('../settings');
      await saveSettings({ alwaysOrigins: keep });
    }
  });

  watchSettings((next) => {
    const before = settings;
    settings = next;
    if (before && (before.sensitivity !== next.sensitivity || before.showLegend !== next.showLegend)) void relevel(next);
  });

  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) => {
    if (typeof message !== 'object' || message === null || !String((message as { type?: unknown }).type).startsWith('mirage:')) {
      return undefined; // not ours: leave it to other listeners
    }
    if ((message as { type: string }).type === 'mirage:state-changed') return undefined;
    const req = parseBackgroundRequest(message);
    if ('invalid' in req) {
      return Promise.resolve({ ok: false, code: 'bad-request', error: `${t('err_badRequest')} (${req.invalid})` });
    }
    switch (req.type) {
      case 'mirage:set-highlights':
        return setHighlights(req.tabId, req.enabled, req.scope);
      case 'mirage:get-state':
        warmEngine(); // the popup or side panel opened: an analysis may follow
        return getView(req.tabId);
      case 'mirage:focus':
        return browser.tabs
          .sendMessage(req.tabId, { type: 'mirage:scroll-to', analysis: req.analysis, sentence: req.sentence })
          .then((r) => ({ ok: (r as { ok?: boolean } | undefined)?.ok === true }))
          .catch(() => ({ ok: false }));
      case 'mirage:content-changed': {
        const id = sender.tab?.id;
        const rec = id === undefined ? undefined : tabs.get(id);
        if (id === undefined || !rec || rec.view.phase !== 'on') return Promise.resolve({ ok: false });
        const next = rec.changes.then(() => onContentChanged(id, req), () => onContentChanged(id, req));
        rec.changes = next.catch(() => undefined);
        return next;
      }
    }
  });
}
