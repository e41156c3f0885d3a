/**
 * pipeline — the one code path that turns highlights on and off for a tab, and keeps them right while the page
 * changes or the reader's settings do.
 *
 * `setHighlights(tabId, enabled, scope)`: every way of switching (popup, shortcut, context menu, automation message)
 * ends here. It injects the content script when needed, asks it for the page's blocks, scores them here with the
 * engine (off the page's main thread), and sends back what to paint (paint-message.ts). On a long page the blocks
 * on and near the screen are scored and painted first (first-blocks.ts): the page paints them while the whole page
 * is scored here, and the whole page's paint then replaces them. The answer is
 * `{ ok: true, sentences, flagged, ms, timings }` once the page is painted, or `{ ok: false, error, code }`.
 * Page changes are followed in page-changes.ts. `relevel`: a sensitivity or legend change repaints every tab that is on, without re-scoring.
 * Network: none. Nothing here fetches anything; the engine's reference tables are bundled.
 */
import { browser } from 'wxt/browser';
import type { UiLang } from '../engine';
import type { ErrorCode, ExtractResult, ProblemInfo, Scope, SetHighlightsResult, Timings } from '../messaging';
import { originOf, type Settings } from '../settings';
import { errorWords } from '../shared/errors';
import { uiLanguage } from '../shared/i18n';
import { restrictedReason } from '../shared/restricted';
import { ensureContentScript, extract, injectReadability, paint, ping, stopPage } from './content-script';
import { firstBlocks } from './first-blocks';
import { engineUsed } from './warm';
import { analyseGroups, groupBlocks, isScored, mainAnalysis, viewOf, type PageAnalysis } from './page-analysis';
import { paintMessage } from './paint-message';
import { currentSettings, getView, knownSettings, offView, record, resetPage, setView, storedViews, tabs, type TabRecord } from './tab-state';

type Failure = SetHighlightsResult & { ok: false };

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

/** One switch-on: the tab's record, the request's number (a later request makes this one stale), where time goes. */
class SwitchOn {
  readonly timings: Timings = { inject: 0, extract: 0, extractInPage: 0, score: 0, paint: 0 };
  private mark = now();
  readonly t0 = now();
  /** The request's start on the clock the page layer shares (Date.now()), for `timings.first`. */
  readonly epoch0 = Date.now();
  readonly run: number;

  /** `run`: the request's number, taken when it arrived (not after an await, when a later request may have come). */
  constructor(readonly tabId: number, readonly rec: TabRecord, readonly s: Settings, readonly ui: UiLang, readonly scope: Scope, readonly origin: string | undefined, run: number) {
    this.run = run;
  }

  get stale(): boolean {
    return this.rec.run !== this.run;
  }

  lap(): number {
    const x = now();
    const d = Math.round(x - this.mark);
    this.mark = x;
    return d;
  }

  /** A paint answered: the first highlights were in place at `at` (the page's clock), if none were before. */
  painted(at: number | undefined): void {
    if (this.timings.first === undefined && at !== undefined) this.timings.first = Math.max(0, at - this.epoch0);
  }

  failure(code: ErrorCode, problem: ProblemInfo = {}): Failure {
    return { ok: false, code, error: errorWords(code, problem, this.ui) };
  }

  /** Fail, and show the failure in the tab's view; a request a later one took over only ends ('page-changed'). */
  fail(code: ErrorCode, problem: ProblemInfo = {}, groups?: PageAnalysis[]): Failure {
    if (this.stale) return this.failure('page-changed');
    const f = this.failure(code, problem);
    const view = { ...offView(this.tabId, this.s.sensitivity, this.scope), phase: 'error' as const, error: f.error, code, problem, origin: this.origin };
    const grouped = groups?.length ? viewOf(this.tabId, groups, this.s.sensitivity, { scope: this.scope, origin: this.origin, ms: 0, blocks: 0 }).groups : undefined;
    setView(this.tabId, grouped ? { ...view, groups: grouped } : view);
    return f;
  }

  /** End the page's session, unless a later request took over: its session must not be ended by this one. */
  async stopPage(): Promise<void> {
    if (!this.stale) await stopPage(this.tabId);
  }
}

async function switchOff(tabId: number, rec: TabRecord, run: number, s: Settings, scope: Scope, t0: number): Promise<SetHighlightsResult> {
  const there = await ping(tabId);
  if (rec.run !== run) return { ok: false, code: 'page-changed', error: errorWords('page-changed', {}, uiLanguage()) };
  if (there) await stopPage(tabId);
  resetPage(rec);
  setView(tabId, offView(tabId, s.sensitivity, scope));
  return { ok: true, sentences: 0, flagged: 0, ms: Math.round(now() - t0) };
}

/** Why nothing can be highlighted when no group was scored: the largest group decides. */
function unusable(analyses: PageAnalysis[]): { code: ErrorCode; problem: ProblemInfo } {
  const main = mainAnalysis(analyses);
  const r = main?.report;
  if (!r || r.status === 'no-text') return { code: 'no-text', problem: {} };
  const { signals: _s, sentences: _t, caveats: _c, ...head } = r;
  return { code: r.status === 'unsupported-language' ? 'unsupported-language' : 'no-text', problem: { head } };
}

/** A page's answer to `mirage:extract` that is not a list of blocks. */
async function extractFailure(on: SwitchOn, extracted: Exclude<ExtractResult, { ok: true }>): Promise<Failure> {
  await on.stopPage(); // nothing to show: the page session ends here
  if (extracted.code === 'engine') return on.fail('engine', { message: extracted.error ?? '' });
  if (extracted.code === 'no-access') return on.fail('no-access', { restricted: 'pdf' });
  return on.fail(extracted.code);
}

/** Read the page; its blocks, or the failure to answer. */
async function readPage(on: SwitchOn): Promise<ExtractResult & { ok: true } | Failure> {
  const layer = await ensureContentScript(on.tabId);
  if (!layer) return on.fail('no-access');
  on.timings.inject = on.lap();
  if (on.stale) return on.failure('page-changed');
  // a page small enough for Readability gets it alongside the request to read, which waits for it in the page
  const main = layer === 'main' && on.scope === 'page';
  const readability = main ? injectReadability(on.tabId) : undefined;
  const extracted = await extract(on.tabId, on.scope, main);
  await readability;
  on.timings.extract = on.lap();
  if (!extracted) return on.fail('page-changed');
  if (!extracted.ok) return extractFailure(on, extracted);
  on.timings.extractInPage = Math.round(extracted.ms);
  if (on.stale) return on.failure('page-changed');
  return extracted;
}

/** On a long page, score the blocks on and near the screen and send their paint (first-blocks.ts), without waiting
 * for its answer: the page paints them while the whole page is scored. Best effort: any failure leaves it to the
 * whole page's paint. Resolves once the page answered. */
function paintFirst(on: SwitchOn, page: ExtractResult & { ok: true }): Promise<void> | undefined {
  const blocks = firstBlocks(page.blocks, page.near ?? []);
  if (!blocks || on.stale) return undefined;
  let analyses: PageAnalysis[];
  try {
    analyses = analyseGroups(groupBlocks(blocks, on.rec.langCache), { groupIds: on.rec.groupIds });
  } catch {
    return undefined;
  }
  if (!analyses.some((a) => isScored(a.report))) return undefined;
  // no legend yet: its counts are the whole page's, and it comes with the whole page's paint
  const sent = paint(on.tabId, paintMessage(analyses, { ...on.s, showLegend: false }, on.ui).message);
  return sent.then((r) => on.painted(r?.ok ? r.at : undefined));
}

/** Score the page's blocks, one engine run per language group. */
async function score(on: SwitchOn, blocks: ExtractResult & { ok: true }): Promise<PageAnalysis[] | Failure> {
  let analyses: PageAnalysis[];
  try {
    analyses = analyseGroups(groupBlocks(blocks.blocks, on.rec.langCache), { groupIds: on.rec.groupIds });
  } catch (e) {
    await on.stopPage();
    return on.fail('engine', { message: e instanceof Error ? e.message : String(e) });
  }
  on.timings.score = on.lap();
  if (!analyses.some((a) => isScored(a.report))) {
    await on.stopPage();
    const why = unusable(analyses);
    return on.fail(why.code, why.problem, analyses); // the side panel still lists what each language group is
  }
  if (on.stale) return on.failure('page-changed');
  return analyses;
}

async function switchOn(on: SwitchOn, url: string | undefined): Promise<SetHighlightsResult> {
  const reason = restrictedReason(url);
  if (reason) return on.fail('no-access', { restricted: reason });
  if (on.stale) return on.failure('page-changed');
  setView(on.tabId, { ...offView(on.tabId, on.s.sensitivity, on.scope), phase: 'working', origin: on.origin });
  const page = await readPage(on);
  if (!page.ok) return page;
  resetPage(on.rec);
  const first = paintFirst(on, page);
  const analyses = await score(on, page);
  if (!Array.isArray(analyses)) return analyses;
  await first; // answered while the whole page was scored
  if (on.stale) return on.failure('page-changed'); // switched off (or again) meanwhile: paint nothing more
  const plan = paintMessage(analyses, on.s, on.ui);
  const painted = await paint(on.tabId, plan.message);
  on.timings.paint = on.lap();
  on.painted(painted?.ok ? painted.at : undefined);
  if (!painted) return on.fail('page-changed');
  if (!painted.ok) {
    await on.stopPage();
    return on.fail('engine', { message: painted.error });
  }
  if (on.stale) return on.failure('page-changed');
  on.rec.analyses = analyses;
  on.rec.blocks = new Map(page.blocks.map((b) => [b.id, b]));
  const ms = Math.round(now() - on.t0);
  setView(on.tabId, viewOf(on.tabId, analyses, on.s.sensitivity, { scope: on.scope, origin: on.origin, ms, blocks: page.blocks.length }));
  // the sensitivity or the legend changed while this ran: relevel skipped the tab (not on yet), so it is done here
  const latest = knownSettings();
  const moved = latest && changedLook(on.s, latest) ? await relevelTab(on.tabId, on.rec, latest, on.ui) : undefined;
  return { ok: true, sentences: plan.sentences, flagged: moved ?? painted.painted, ms, timings: on.timings };
}

/** Whether `next` paints a page differently from `before` (levels or legend). */
export function changedLook(before: Settings, next: Settings): boolean {
  return before.sensitivity !== next.sensitivity || before.showLegend !== next.showLegend;
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
    return { ok: false, code: 'no-tab', error: errorWords('no-tab', {}, ui) };
  }
  if (!enabled) return switchOff(tabId, rec, run, s, scope, t0);
  // No warm-up of its own: in a cold worker its steps ran between the page's answers and delayed them more than they
  // saved the scoring (after a worker restart, 306 ms against 250 ms without; README, "Cost on a page").
  engineUsed(); // a warm-up under way runs no more passes: they would compete with this switch-on for the CPU
  return switchOn(new SwitchOn(tabId, rec, s, ui, scope, originOf(url), run), url);
}

/** Per tab, what the last press of the shortcut asked for, while presses are still being decided. */
const pressed = new Map<number, Promise<boolean>>();

/** The keyboard shortcut. Presses queued while the worker was busy (scoring a long page) arrive together: each one
 * toggles what the press before it asked for, not the view, which the request under way has not changed yet. */
export async function toggle(tabId: number, scope: Scope = 'page'): Promise<SetHighlightsResult> {
  const before = pressed.get(tabId) ?? getView(tabId).then((v) => v.phase === 'on' || v.phase === 'working');
  const wanted = before.then((on) => !on, () => true);
  pressed.set(tabId, wanted);
  const enabled = await wanted;
  if (pressed.get(tabId) === wanted) pressed.delete(tabId);
  return setHighlights(tabId, enabled, scope);
}

/** Repaint a tab that is on at `next`'s levels and legend, without re-scoring; the highlights painted, or undefined
 * when the page did not paint. */
async function relevelTab(tabId: number, rec: TabRecord, next: Settings, ui: UiLang): Promise<number | undefined> {
  if (!rec.analyses?.length) return undefined;
  const run = rec.run;
  const ok = await paint(tabId, paintMessage(rec.analyses, next, ui).message);
  if (!ok?.ok || rec.run !== run || !rec.analyses.length) return undefined;
  setView(tabId, viewOf(tabId, rec.analyses, next.sensitivity, {
    scope: rec.view.scope, origin: rec.view.origin, ms: rec.view.ms ?? 0, blocks: rec.blocks?.size ?? 0,
  }));
  return ok.painted;
}

/** Re-level open tabs after a sensitivity or legend change, without re-scoring. A tab on in storage.session only (the
 * worker restarted since: its analyses went with the old one) is read and scored again. */
export async function relevel(next: Settings): Promise<void> {
  const ui = uiLanguage();
  for (const v of await storedViews()) if (v.phase === 'on' && v.scope === 'page') void setHighlights(v.tabId, true, 'page');
  for (const [tabId, rec] of tabs) {
    if (rec.view.phase !== 'on') continue;
    if (!rec.analyses) {
      void setHighlights(tabId, true, rec.view.scope);
      continue;
    }
    await relevelTab(tabId, rec, next, ui);
  }
}
