/**
 * messaging — the typed message protocol between extension pages, the background and the content script.
 *
 * What: one discriminated union per direction, and `parse*` functions that check type AND shape of anything that
 * arrives (a message is `unknown` until parsed; anything malformed is refused, never half-used).
 * Flow of an analysis: page/popup -> background `mirage:set-highlights` -> content `mirage:extract` (blocks of
 * text with ids stable for the page session, in page order) -> background groups the blocks by language and runs
 * the engine once per group (off the page's main thread) -> content `mirage:paint` (the flagged sentences of each
 * analysis, as offsets inside a block) -> content maps offsets to DOM ranges and highlights them, visible part
 * first, in slices -> background answers `{ ok: true, sentences, flagged, ms }`.
 * Page changes: the content script reports blocks removed, added, and changed in place (`mirage:content-changed`,
 * debounced; a flood of mutations is one full re-read); the background re-analyses the language groups where enough
 * changed (src/background/page-changes.ts) and sends a paint that replaces only those analyses (`mode: 'some'`).
 * Automation contract: `{ type: 'mirage:set-highlights', tabId: number, enabled: boolean }` from any extension page.
 */
import type { Report, ReportHead, SentenceReason, Sensitivity } from './engine';
export const BLOCK_SEPARATOR = '\n\n';

/** What one page-layer message may carry: the page layer reads at most MAX_PAGE_CHARS characters of a page in one
 * reading (src/page/extract.ts) and at most MAX_PAGE_BLOCKS blocks; a block list (an extract answer, a change report)
 * beyond either, or a change report naming more than MAX_PAGE_BLOCKS removed blocks, is refused whole. */
export const MAX_PAGE_CHARS = 1_200_000;
export const MAX_PAGE_BLOCKS = 100_000;

export type ErrorCode =
  | 'bad-request'
  | 'no-access'
  | 'no-text'
  | 'no-selection'
  | 'no-tab'
  | 'page-changed'
  | 'unsupported-language'
  | 'engine';

export type Scope = 'page' | 'selection';
export type Level = 1 | 2 | 3;

// ---------------------------------------------------------------- extension pages -> background

export interface SetHighlightsMessage {
  type: 'mirage:set-highlights';
  tabId: number;
  enabled: boolean;
  /** Optional: analyse only the current selection (context menu). Default 'page'. */
  scope?: Scope;
}
export interface GetStateMessage {
  type: 'mirage:get-state';
  tabId: number;
}
export interface FocusMessage {
  type: 'mirage:focus';
  tabId: number;
  analysis: number;
  sentence: number;
}

/** From the content script: page text was removed, added or changed (debounced). The tab comes from the sender.
 * A block of `added` under an id already known changed in place. `full`: a flood of mutations was answered with one
 * full re-read; `removed` and `added` are then its difference. */
export interface ContentChangedMessage {
  type: 'mirage:content-changed';
  removed: number[];
  added: BlockPayload[];
  full: boolean;
}

/** From the content script as WXT invalidates it: its page layer is gone. The tab is the sender's; `instance` names
 * the page layer (its port is PAGE_PORT_PREFIX + instance), so an older layer's last word never ends a newer one. */
export interface PageGoneMessage {
  type: 'mirage:page-gone';
  instance: string;
}

export type BackgroundRequest = SetHighlightsMessage | GetStateMessage | FocusMessage | ContentChangedMessage | PageGoneMessage;

/** A content script holds a Port named PAGE_PORT_PREFIX + instance while it lives (src/background/page-link.ts). */
export const PAGE_PORT_PREFIX = 'mirage:page:';
export const isInstance = (x: unknown): x is string => typeof x === 'string' && /^[a-z0-9]{1,40}$/i.test(x);

/** The answer to `mirage:focus` ("Show on the page"). `gone`: the page layer is no longer there (the tab is now off);
 * otherwise the sentence is no longer on the page. */
export type FocusResult = { ok: true } | { ok: false; code: 'page-changed'; gone: boolean };

/** Where one switch-on's time went, ms (rounded); `first`: request to first highlights near the screen. */
export interface Timings {
  inject: number;
  extract: number;
  /** Reading as measured inside the page (without messaging). */
  extractInPage: number;
  score: number;
  paint: number;
  first?: number;
}

export type SetHighlightsResult =
  | { ok: true; sentences: number; flagged: number; ms: number; timings?: Timings }
  | { ok: false; error: string; code: ErrorCode };

// ---------------------------------------------------------------- background -> content script

/** The content script main()'s answer to `scripting.executeScript` once it listens; `_MAIN`: and the page wants
 * Readability, not loaded yet (READABILITY_SCRIPT, injected on demand). */
export const CONTENT_READY = 'mirage:ready';
export const CONTENT_READY_MAIN = 'mirage:ready:main';

export interface PingMessage {
  type: 'mirage:ping';
}
export interface ExtractMessage {
  type: 'mirage:extract';
  scope: Scope;
  /** Readability is being injected alongside: wait for it (bounded) before reading. */
  main?: boolean;
}
export interface PaintMessage {
  type: 'mirage:paint';
  analyses: AnalysisPaint[];
  legend: LegendPayload | null;
  /** 'all': replace every highlight; 'some': replace only the analyses listed (and drop those in `drop`). */
  mode: 'all' | 'some';
  drop: number[];
}
export interface ScrollToMessage {
  type: 'mirage:scroll-to';
  analysis: number;
  sentence: number;
}
export interface StopMessage {
  type: 'mirage:stop';
}
/** Test build only (answered when the build sets MIRAGE_E2E): what the content script holds on to. */
export interface DebugMessage {
  type: 'mirage:debug';
}
export interface DebugResult {
  sessions: number;
  observers: number;
  timers: number;
  blocks: number;
  items: number;
  styles: number;
}
export type ContentRequest = PingMessage | ExtractMessage | PaintMessage | ScrollToMessage | StopMessage | DebugMessage;

export interface BlockPayload {
  /** Stable for the page session (never reused): paint and change messages refer to blocks by id. */
  id: number;
  text: string;
  /** The nearest `lang` attribute in the page, when any ('' when none). */
  lang: string;
}
export type ExtractErrorCode = 'no-text' | 'no-selection' | 'no-access' | 'engine';
/** `near`: ids of the blocks on or near the screen (page order), which the background may score and paint first. */
export type ExtractResult =
  | { ok: true; blocks: BlockPayload[]; ms: number; near?: number[] }
  | { ok: false; code: ExtractErrorCode; error?: string };

export interface PaintedSentence {
  /** Index of the sentence in the analysis' report. */
  i: number;
  /** Id of the block that holds the sentence (a sentence never spans two blocks). */
  b: number;
  /** Offsets inside that block's text. */
  start: number;
  end: number;
  level: Level;
}
export interface AnalysisPaint {
  id: number;
  /** Ids of the blocks joined, in this order, into the analysed text. */
  blocks: number[];
  sentences: PaintedSentence[];
}
/** Words for the on-page legend, already translated (the content script bundles no catalogue). */
export interface LegendPayload {
  title: string;
  note: string;
  summary: string;
  close: string;
  /** The fold button's label while the legend is open, and while it is folded. */
  fold: string;
  unfold: string;
  levels: [string, string, string];
  lang: string;
}
/** `at`: when (Date.now(), shared by the processes) the highlights on and near the screen were in place. */
export type PaintResult = { ok: true; painted: number; ms: number; at?: number } | { ok: false; error: string };
/** Also answers `mirage:scroll-to` (`ok`: sentence shown; `active`: a session); `main`: as CONTENT_READY_MAIN. */
export type PingResult = { ok: true; active: boolean; main?: boolean };

// ---------------------------------------------------------------- background -> extension pages

export interface StateChangedMessage {
  type: 'mirage:state-changed';
  tabId: number;
}

/** One language group of the page: its blocks were analysed together (or not at all, with the reason). */
export interface GroupView {
  id: number;
  lang: string;
  status: Report['status'];
  /** The group's result without its signals and sentences: enough for its one line (says "not supported" rather
   * than scoring it), worded where it is shown. */
  head: ReportHead;
  words: number;
  blocks: number;
  flagged: number;
}

/** A flagged sentence as the side panel lists it. */
export interface Passage {
  analysis: number;
  sentence: number;
  level: Level;
  score: number | null;
  /** The sentence as read on the page, cut to PASSAGE_MAX_CHARS. Held in memory only, never synced. */
  text: string;
  /** Why, as signal ids and percentiles (worded where it is shown). */
  reasons: SentenceReason[];
}
export const PASSAGE_MAX_CHARS = 280;
/** At most this many passages travel in a TabView (the most predictable ones, listed in page order): a page of
 * 100,000 words can have thousands of highlighted sentences, which nobody reads in a list and which would cost
 * the background a second to store. The page keeps every highlight; the view says how many there are. */
export const PASSAGES_LISTED = 300;

/** Pages no extension may read (src/shared/restricted.ts). */
export type RestrictedReason = 'browser' | 'store' | 'pdf';

/** What a failure says besides its code, for wording it in any language (src/shared/errors.ts). */
export interface ProblemInfo {
  /** A page no extension may read, and why. */
  restricted?: RestrictedReason;
  /** The main language group's result, when nothing on the page could be scored (its headline says why). */
  head?: ReportHead;
  /** A technical message (an engine or page failure), shown inside the generic words. */
  message?: string;
}

export interface TabView {
  tabId: number;
  phase: 'off' | 'working' | 'on' | 'error';
  scope: Scope;
  /** The failure in the background's words (the automation answer); pages word `code` + `problem` themselves. */
  error?: string;
  code?: ErrorCode;
  problem?: ProblemInfo;
  /** Origin of the page ('https://example.org') when known, for "always analyse here". */
  origin?: string;
  sensitivity: Sensitivity;
  /** Present when phase === 'on'. The main analysis' report (language-neutral), without its per-sentence list. */
  report?: Omit<Report, 'sentences'>;
  blocks?: number;
  sentences?: number;
  passages?: Passage[];
  /** How many sentences are highlighted in all, when more than `passages` lists (see PASSAGES_LISTED). */
  passagesTotal?: number;
  /** Every language group of the page, largest first (only when there is more than one, or the one is not scored). */
  groups?: GroupView[];
  ms?: number;
}

// ---------------------------------------------------------------- validation

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
function isTabId(x: unknown): x is number {
  return typeof x === 'number' && Number.isInteger(x) && x >= 0;
}
function isIndex(x: unknown): x is number {
  return typeof x === 'number' && Number.isInteger(x) && x >= 0;
}

function isMirageMessage(x: unknown): x is { type: string } {
  return isObject(x) && typeof x.type === 'string' && x.type.startsWith('mirage:');
}

/** A request to the background, or an explanation of why it is refused. */
export function parseBackgroundRequest(x: unknown): BackgroundRequest | { invalid: string } {
  if (!isMirageMessage(x)) return { invalid: 'not a Mirage Lens message' };
  const m = x as Record<string, unknown>;
  switch (m.type) {
    case 'mirage:set-highlights':
      if (!isTabId(m.tabId)) return { invalid: 'tabId must be a non-negative integer' };
      if (typeof m.enabled !== 'boolean') return { invalid: 'enabled must be a boolean' };
      if (m.scope !== undefined && m.scope !== 'page' && m.scope !== 'selection') return { invalid: 'bad scope' };
      return { type: m.type, tabId: m.tabId, enabled: m.enabled, scope: (m.scope) ?? 'page' };
    case 'mirage:get-state':
      if (!isTabId(m.tabId)) return { invalid: 'tabId must be a non-negative integer' };
      return { type: m.type, tabId: m.tabId };
    case 'mirage:focus':
      if (!isTabId(m.tabId) || !isIndex(m.analysis) || !isIndex(m.sentence)) return { invalid: 'bad focus request' };
      return { type: m.type, tabId: m.tabId, analysis: m.analysis, sentence: m.sentence };
    case 'mirage:page-gone':
      return isInstance(m.instance) ? { type: m.type, instance: m.instance } : { invalid: 'bad instance' };
    case 'mirage:content-changed': {
      if (typeof m.full !== 'boolean' || !Array.isArray(m.removed) || m.removed.length > MAX_PAGE_BLOCKS || !m.removed.every(isIndex)) {
        return { invalid: 'bad change report' };
      }
      const added = parseBlocks(m.added);
      if (!added) return { invalid: 'bad change report (malformed, or over the size caps)' };
      return { type: m.type, removed: m.removed, added, full: m.full };
    }
    default:
      return { invalid: `unknown message type ${String(m.type).slice(0, 40)}` };
  }
}

function isLevel(x: unknown): x is Level {
  return x === 1 || x === 2 || x === 3;
}
function isPaintedSentence(x: unknown): x is PaintedSentence {
  return isObject(x) && isIndex(x.i) && isIndex(x.b) && isIndex(x.start) && isIndex(x.end) && x.end >= x.start && isLevel(x.level);
}
function isAnalysisPaint(x: unknown): x is AnalysisPaint {
  return isObject(x) && isIndex(x.id) && Array.isArray(x.blocks) && x.blocks.every(isIndex) && Array.isArray(x.sentences) && x.sentences.every(isPaintedSentence);
}
function isLegend(x: unknown): x is LegendPayload {
  return (
    isObject(x) &&
    ['title', 'note', 'summary', 'close', 'fold', 'unfold', 'lang'].every((k) => typeof x[k] === 'string') &&
    Array.isArray(x.levels) &&
    x.levels.length === 3 &&
    x.levels.every((l) => typeof l === 'string')
  );
}

/** A request to the content script, or undefined when malformed. */
export function parseContentRequest(x: unknown): ContentRequest | undefined {
  if (!isMirageMessage(x)) return undefined;
  const m = x as Record<string, unknown>;
  switch (m.type) {
    case 'mirage:ping':
    case 'mirage:stop':
    case 'mirage:debug':
      return { type: m.type };
    case 'mirage:extract':
      if ((m.scope !== 'page' && m.scope !== 'selection') || (m.main !== undefined && typeof m.main !== 'boolean')) return undefined;
      return { type: m.type, scope: m.scope, ...(m.main ? { main: true } : {}) };
    case 'mirage:paint':
      if (!Array.isArray(m.analyses) || !m.analyses.every(isAnalysisPaint)) return undefined;
      if (m.legend !== null && !isLegend(m.legend)) return undefined;
      if (m.mode !== 'all' && m.mode !== 'some') return undefined;
      if (!Array.isArray(m.drop) || !m.drop.every(isIndex)) return undefined;
      return { type: m.type, analyses: m.analyses, legend: m.legend, mode: m.mode, drop: m.drop };
    case 'mirage:scroll-to':
      return isIndex(m.analysis) && isIndex(m.sentence)
        ? { type: m.type, analysis: m.analysis, sentence: m.sentence }
        : undefined;
    default:
      return undefined;
  }
}

/** The content script's answer to `mirage:extract`, or undefined when malformed. */
const EXTRACT_CODES: readonly string[] = ['no-text', 'no-selection', 'no-access', 'engine'];

/** A list of blocks within the caps (MAX_PAGE_BLOCKS, MAX_PAGE_CHARS), or undefined. */
function parseBlocks(x: unknown): BlockPayload[] | undefined {
  if (!Array.isArray(x) || x.length > MAX_PAGE_BLOCKS) return undefined;
  const blocks: BlockPayload[] = [];
  let chars = 0;
  for (const b of x) {
    if (!isObject(b) || !isIndex(b.id) || typeof b.text !== 'string' || typeof b.lang !== 'string') return undefined;
    chars += b.text.length;
    if (chars > MAX_PAGE_CHARS) return undefined;
    blocks.push({ id: b.id, text: b.text, lang: b.lang.slice(0, 35) });
  }
  return blocks;
}

export function parseExtractResult(x: unknown): ExtractResult | undefined {
  if (!isObject(x)) return undefined;
  if (x.ok === false) {
    if (typeof x.code !== 'string' || !EXTRACT_CODES.includes(x.code)) return undefined;
    return { ok: false, code: x.code as ExtractErrorCode, ...(typeof x.error === 'string' ? { error: x.error.slice(0, 300) } : {}) };
  }
  if (x.ok !== true || typeof x.ms !== 'number') return undefined;
  const blocks = parseBlocks(x.blocks);
  const near = Array.isArray(x.near) && x.near.length <= MAX_PAGE_BLOCKS && x.near.every(isIndex) ? { near: x.near } : {};
  return blocks ? { ok: true, blocks, ms: x.ms, ...near } : undefined;
}

export function parsePaintResult(x: unknown): PaintResult | undefined {
  if (!isObject(x)) return undefined;
  if (x.ok === true && typeof x.painted === 'number' && typeof x.ms === 'number') {
    return { ok: true, painted: x.painted, ms: x.ms, ...(typeof x.at === 'number' ? { at: x.at } : {}) };
  }
  if (x.ok === false && typeof x.error === 'string') return { ok: false, error: x.error };
  return undefined;
}

export function parseStateChanged(x: unknown): StateChangedMessage | undefined {
  return isMirageMessage(x) && x.type === 'mirage:state-changed' && isTabId((x as { tabId?: unknown }).tabId)
    ? { type: 'mirage:state-changed', tabId: (x as unknown as { tabId: number }).tabId }
    : undefined;
}
