/**
 * page-analysis — from the blocks a page gave to engine reports, paint instructions and the side panel's view.
 *
 * What: `analyseBlocks(blocks, options)` joins the blocks with BLOCK_SEPARATOR (each block one paragraph for the
 * engine) and runs `analyse` once; the result is a list of `PageAnalysis` so that blocks can later be grouped by
 * language (one analysis per language group) without changing the protocol. `paintOf` and `passagesOf` re-level
 * sentences with `levelFor(score, sensitivity)`, so changing the sensitivity never re-scores.
 * When: in the background (service worker / background page), never on the page's main thread.
 * Pure: no browser API; tested in Node (tests/unit/extension/page-analysis.test.ts).
 */
import { analyse } from '../score/analyse';
import { levelFor } from '../score/levels';
import type { Report, Sensitivity } from '../score/types';
import type { UiLang } from '../types';
import {
  BLOCK_SEPARATOR,
  PASSAGE_MAX_CHARS,
  type AnalysisPaint,
  type BlockPayload,
  type Level,
  type Passage,
  type TabView,
} from '../messaging';

export interface PageAnalysis {
  id: number;
  /** Indices of the page's blocks joined into `text`. */
  blocks: number[];
  text: string;
  report: Report;
}

export interface AnalyseBlocksOptions {
  ui: UiLang;
}

export function analyseBlocks(blocks: readonly BlockPayload[], options: AnalyseBlocksOptions): PageAnalysis[] {
  const indices = blocks.map((_b, i) => i);
  const text = blocks.map((b) => b.text).join(BLOCK_SEPARATOR);
  return [{ id: 0, blocks: indices, text, report: analyse(text, { ui: options.ui }) }];
}

/** Statuses under which nothing can be highlighted: the request is answered with `ok: false`. */
export function isUnusable(report: Report): boolean {
  return report.status === 'no-text' || report.status === 'too-short';
}

export function paintOf(analyses: readonly PageAnalysis[], sensitivity: Sensitivity): AnalysisPaint[] {
  return analyses.map((a) => ({
    id: a.id,
    blocks: a.blocks,
    sentences: a.report.sentences
      .map((s) => ({ i: s.index, start: s.start, end: s.end, level: levelFor(s.score, sensitivity) }))
      .filter((s): s is { i: number; start: number; end: number; level: Level } => s.level > 0),
  }));
}

function excerpt(text: string, start: number, end: number): string {
  const s = text.slice(start, end).replace(/\s+/g, ' ').trim();
  return s.length > PASSAGE_MAX_CHARS ? `${s.slice(0, PASSAGE_MAX_CHARS - 1).trimEnd()}…` : s;
}

/** Highlighted sentences of all analyses, in page order (block, then offset). */
export function passagesOf(analyses: readonly PageAnalysis[], sensitivity: Sensitivity): Passage[] {
  const out: (Passage & { order: number })[] = [];
  for (const a of analyses) {
    // page order of an analysis' text = order of its first block, then offset
    for (const s of a.report.sentences) {
      const level = levelFor(s.score, sensitivity);
      if (level === 0) continue;
      out.push({
        analysis: a.id,
        sentence: s.index,
        level,
        score: s.score,
        text: excerpt(a.text, s.start, s.end),
        reasons: s.reasons,
        order: (a.blocks[0] ?? 0) * 1e9 + s.start,
      });
    }
  }
  return out.sort((x, y) => x.order - y.order).map(({ order: _o, ...p }) => p);
}

export function viewOf(
  tabId: number,
  analyses: readonly PageAnalysis[],
  sensitivity: Sensitivity,
  extra: Pick<TabView, 'scope' | 'origin'> & { ms: number; blocks: number },
): TabView {
  const first = analyses[0];
  const { sentences: _s, ...report } = first.report;
  return {
    tabId,
    phase: 'on',
    scope: extra.scope,
    origin: extra.origin,
    sensitivity,
    report,
    blocks: extra.blocks,
    sentences: analyses.reduce((n, a) => n + a.report.sentences.length, 0),
    passages: passagesOf(analyses, sensitivity),
    ms: extra.ms,
  };
}
