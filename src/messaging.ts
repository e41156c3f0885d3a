/**
 * messaging — the typed message protocol between extension pages, the background and the content script.
 *
 * What: one discriminated union per direction, and `parse*` functions that check type AND shape of anything that
 * arrives (a message is `unknown` until parsed; anything malformed is refused, never half-used).
 * Flow of an analysis: page/popup -> background `mirage:set-highlights` -> content `mirage:extract` (blocks of
 * text, in page order) -> background runs the engine (off the page's main thread) -> content `mirage:paint` (the
 * flagged sentences of each analysis, as offsets into the blocks it was given) -> content maps offsets to DOM
 * ranges and highlights them -> background answers `{ ok: true, sentences, flagged, ms }`.
 * Several analyses per page: `Analysis.blocks` lists which blocks were joined (with BLOCK_SEPARATOR) into that
 * analysis' text, so blocks can later be grouped by language, or re-analysed when content is added.
 * Automation contract: `{ type: 'mirage:set-highlights', tabId: number, enabled: boolean }` from any extension page.
 */
import type { Report, Sensitivity } from './score/types';

export const BLOCK_SEPARATOR = '\n\n';

export type ErrorCode =
  | 'bad-request'
  | 'no-access'
  | 'no-text'
  | 'no-selection'
  | 'no-tab'
  | 'page-changed'
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

/** From the content script: page text was added or changed (debounced). The tab comes from the sender. */
export interface ContentChangedMessage {
  type: 'mirage:content-changed';
}

export type BackgroundRequest = SetHighlightsMessage | GetStateMessage | FocusMessage | ContentChangedMessage;

export type SetHighlightsResult =
  | { ok: true; sentences: number; flagged: number; ms: number }
  | { ok: false; error: string; code: ErrorCode };

// ---------------------------------------------------------------- background -> content script

export interface PingMessage {
  type: 'mirage:ping';
}
export interface ExtractMessage {
  type: 'mirage:extract';
  scope: Scope;
}
export interface PaintMessage {
  type: 'mirage:paint';
  analyses: AnalysisPaint[];
  legend: LegendPayload | null;
}
export interface ScrollToMessage {
  type: 'mirage:scroll-to';
  analysis: number;
  sentence: number;
}
export interface StopMessage {
  type: 'mirage:stop';
}
export type ContentRequest = PingMessage | ExtractMessage | PaintMessage | ScrollToMessage | StopMessage;

export interface BlockPayload {
  text: string;
  /** The nearest `lang` attribute in the page, when any ('' when none). */
  lang: string;
}
export type ExtractResult =
  | { ok: true; blocks: BlockPayload[]; ms: number }
  | { ok: false; code: 'no-text' | 'no-selection' };

export interface PaintedSentence {
  /** Index of the sentence in the analysis' report. */
  i: number;
  /** Offsets into the analysis' text (its blocks joined with BLOCK_SEPARATOR). */
  start: number;
  end: number;
  level: Level;
}
export interface AnalysisPaint {
  id: number;
  /** Indices of the extracted blocks joined, in this order, into the analysed text. */
  blocks: number[];
  sentences: PaintedSentence[];
}
/** Words for the on-page legend, already translated (the content script bundles no catalogue). */
export interface LegendPayload {
  title: string;
  note: string;
  summary: string;
  close: string;
  levels: [string, string, string];
  lang: string;
}
export type PaintResult = { ok: true; painted: number; ms: number } | { ok: false; error: string };
export type PingResult = { ok: true; active: boolean };

// ---------------------------------------------------------------- background -> extension pages

export interface StateChangedMessage {
  type: 'mirage:state-changed';
  tabId: number;
}

/** A flagged sentence as the side panel lists it. */
export interface Passage {
  analysis: number;
  sentence: number;
  level: Level;
  score: number | null;
  /** The sentence as read on the page, cut to PASSAGE_MAX_CHARS. Held in memory only, never synced. */
  text: string;
  reasons: { id: string; text: string }[];
}
export const PASSAGE_MAX_CHARS = 280;

export interface TabView {
  tabId: number;
  phase: 'off' | 'working' | 'on' | 'error';
  scope: Scope;
  error?: string;
  code?: ErrorCode;
  /** Origin of the page ('https://example.org') when known, for "always analyse here". */
  origin?: string;
  sensitivity: Sensitivity;
  /** Present when phase === 'on'. The first analysis' report, without its per-sentence list. */
  report?: Omit<Report, 'sentences'>;
  blocks?: number;
  sentences?: number;
  passages?: Passage[];
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

export function isMirageMessage(x: unknown): x is { type: string } {
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
      return { type: m.type, tabId: m.tabId, enabled: m.enabled, scope: (m.scope as Scope | undefined) ?? 'page' };
    case 'mirage:get-state':
      if (!isTabId(m.tabId)) return { invalid: 'tabId must be a non-negative integer' };
      return { type: m.type, tabId: m.tabId };
    case 'mirage:focus':
      if (!isTabId(m.tabId) || !isIndex(m.analysis) || !isIndex(m.sentence)) return { invalid: 'bad focus request' };
      return { type: m.type, tabId: m.tabId, analysis: m.analysis, sentence: m.sentence };
    case 'mirage:content-changed':
      return { type: m.type };
    default:
      return { invalid: `unknown message type ${String(m.type).slice(0, 40)}` };
  }
}

function isLevel(x: unknown): x is Level {
  return x === 1 || x === 2 || x === 3;
}
function isPaintedSentence(x: unknown): x is PaintedSentence {
  return isObject(x) && isIndex(x.i) && isIndex(x.start) && isIndex(x.end) && x.end >= x.start && isLevel(x.level);
}
function isAnalysisPaint(x: unknown): x is AnalysisPaint {
  return (
    isObject(x) &&
    isIndex(x.id) &&
    Array.isArray(x.blocks) &&
    x.blocks.every(isIndex) &&
    Array.isArray(x.sentences) &&
    x.sentences.every(isPaintedSentence)
  );
}
function isLegend(x: unknown): x is LegendPayload {
  return (
    isObject(x) &&
    ['title', 'note', 'summary', 'close', 'lang'].every((k) => typeof x[k] === 'string') &&
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
      return { type: m.type };
    case 'mirage:extract':
      return m.scope === 'page' || m.scope === 'selection' ? { type: m.type, scope: m.scope } : undefined;
    case 'mirage:paint':
      if (!Array.isArray(m.analyses) || !m.analyses.every(isAnalysisPaint)) return undefined;
      if (m.legend !== null && !isLegend(m.legend)) return undefined;
      return { type: m.type, analyses: m.analyses, legend: m.legend };
    case 'mirage:scroll-to':
      return isIndex(m.analysis) && isIndex(m.sentence)
        ? { type: m.type, analysis: m.analysis, sentence: m.sentence }
        : undefined;
    default:
      return undefined;
  }
}

/** The content script's answer to `mirage:extract`, or undefined when malformed. */
export function parseExtractResult(x: unknown): ExtractResult | undefined {
  if (!isObject(x)) return undefined;
  if (x.ok === false) return x.code === 'no-text' || x.code === 'no-selection' ? { ok: false, code: x.code } : undefined;
  if (x.ok !== true || !Array.isArray(x.blocks) || typeof x.ms !== 'number') return undefined;
  const blocks: BlockPayload[] = [];
  for (const b of x.blocks) {
    if (!isObject(b) || typeof b.text !== 'string' || typeof b.lang !== 'string') return undefined;
    blocks.push({ text: b.text, lang: b.lang });
  }
  return { ok: true, blocks, ms: x.ms };
}

export function parsePaintResult(x: unknown): PaintResult | undefined {
  if (!isObject(x)) return undefined;
  if (x.ok === true && typeof x.painted === 'number' && typeof x.ms === 'number') {
    return { ok: true, painted: x.painted, ms: x.ms };
  }
  if (x.ok === false && typeof x.error === 'string') return { ok: false, error: x.error };
  return undefined;
}

export function parseStateChanged(x: unknown): StateChangedMessage | undefined {
  return isMirageMessage(x) && x.type === 'mirage:state-changed' && isTabId((x as { tabId?: unknown }).tabId)
    ? { type: 'mirage:state-changed', tabId: (x as unknown as { tabId: number }).tabId }
    : undefined;
}
