/**
 * page-analysis — from the blocks a page gave to language groups, engine reports, paint instructions and the side
 * panel's view.
 *
 * What: `languageOfBlocks(blocks, cache)` gives each block a language, detected once per block (STYLE 10) by the
 * engine's one rule (`blockLanguages`, the same that splits a document's paragraphs); blocks too short to tell
 * (headings, captions) join the language of the block before them (else after them). `groupBlocks` makes one group
 * per language, in page order; `analyseGroups` runs `analyse` once per group with the group's language forced, so a
 * page mixing English and French gives two analyses, each scored against its own references, and a German block
 * is reported as "not supported" instead of being scored. Group ids are stable per page session (one per
 * language), so a re-analysis after a page change replaces exactly the analyses it concerns.
 * `paintOf` and `passagesOf` re-level sentences with `levelFor(score, sensitivity, documentScore)`, so changing the sensitivity
 * never re-scores. Sentences are sent back as offsets inside their block (`locate`).
 * When: in the background (service worker / background page), never on the page's main thread.
 * Pure: no browser API; tested in Node (tests/unit/extension/page-analysis.test.ts).
 */
import { analyse, blockLanguages, levelFor, type Report, type ReportHead, type Sensitivity } from '../engine';
import {
  BLOCK_SEPARATOR,
  PASSAGE_MAX_CHARS,
  PASSAGES_LISTED,
  type AnalysisPaint,
  type BlockPayload,
  type GroupView,
  type Level,
  type Passage,
  type TabView,
} from '../messaging';
import { blockStarts, locate } from '../shared/block-offsets';
import { countRun } from './stats';

/** A sentence of an analysis, placed in its block. */
export interface Located {
  i: number;
  b: number;
  start: number;
  end: number;
  score: number | null;
}

export interface PageAnalysis {
  id: number;
  lang: string;
  /** Ids of the page's blocks joined into `text`, in page order. */
  blocks: number[];
  text: string;
  report: Report;
  located: Located[];
}

export interface AnalyseBlocksOptions {
  /** Block id -> language, filled and reused across re-analyses (detect once per block). */
  langCache?: Map<number, string>;
  /** Language -> analysis id, filled and reused across re-analyses (stable ids). */
  groupIds?: Map<string, number>;
  /** Only (re-)analyse these languages; other groups are not returned. */
  only?: ReadonlySet<string>;
}

/** One language per block (see the module comment). Blocks must be in page order. */
export function languageOfBlocks(blocks: readonly BlockPayload[], cache: Map<number, string> = new Map()): string[] {
  const missing = blocks.filter((b) => !cache.has(b.id));
  if (missing.length) {
    const langs = blockLanguages(missing.map((b) => b.text));
    missing.forEach((b, i) => cache.set(b.id, langs[i] ?? 'und'));
  }
  const out = blocks.map((b) => cache.get(b.id) ?? 'und');
  // short blocks join the language of the block before them (else after them)
  let last: string | undefined;
  for (let i = 0; i < out.length; i++) {
    if (out[i] !== 'und') last = out[i];
    else if (last) out[i] = last;
  }
  let next: string | undefined;
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i] !== 'und') next = out[i];
    else if (next) out[i] = next;
  }
  return out;
}

export interface Group {
  lang: string;
  blocks: BlockPayload[];
}

/** One group per language, each in page order; groups ordered by size (characters), largest first. */
export function groupBlocks(blocks: readonly BlockPayload[], cache?: Map<number, string>): Group[] {
  const langs = languageOfBlocks(blocks, cache);
  const groups = new Map<string, BlockPayload[]>();
  blocks.forEach((b, i) => {
    const l = groups.get(langs[i]!);
    if (l) l.push(b);
    else groups.set(langs[i]!, [b]);
  });
  const size = (g: BlockPayload[]) => g.reduce((n, b) => n + b.text.length, 0);
  return [...groups].map(([lang, bs]) => ({ lang, blocks: bs })).sort((a, b) => size(b.blocks) - size(a.blocks));
}

function idFor(lang: string, ids: Map<string, number>): number {
  let id = ids.get(lang);
  if (id === undefined) ids.set(lang, (id = ids.size));
  return id;
}

/** One engine run per language group. */
export function analyseGroups(groups: readonly Group[], options: AnalyseBlocksOptions): PageAnalysis[] {
  const ids = options.groupIds ?? new Map<string, number>();
  const out: PageAnalysis[] = [];
  for (const g of groups) {
    if (options.only && !options.only.has(g.lang)) continue;
    const text = g.blocks.map((b) => b.text).join(BLOCK_SEPARATOR);
    const report = analyse(text, g.lang !== 'und' ? { lang: g.lang } : {});
    countRun(text.length);
    const starts = blockStarts(g.blocks);
    const indices = g.blocks.map((b) => b.id);
    const located: Located[] = [];
    for (const s of report.sentences) {
      const loc = locate(g.blocks, indices, starts, s.start, s.end);
      if (loc) located.push({ i: s.index, b: loc.block, start: loc.start, end: loc.end, score: s.score });
    }
    out.push({ id: idFor(g.lang, ids), lang: g.lang, blocks: indices, text, report, located });
  }
  return out;
}

/** Group and analyse the page's blocks (in page order). */
export function analyseBlocks(blocks: readonly BlockPayload[], options: AnalyseBlocksOptions): PageAnalysis[] {
  return analyseGroups(groupBlocks(blocks, options.langCache), options);
}

export function isScored(report: Report): boolean {
  return report.status === 'ok' || report.status === 'weak';
}

/** The analysis the summary shows: the largest scored group, else the largest group. */
export function mainAnalysis(analyses: readonly PageAnalysis[]): PageAnalysis | undefined {
  const byWords = [...analyses].sort((a, b) => b.report.counts.words - a.report.counts.words);
  return byWords.find((a) => isScored(a.report)) ?? byWords[0];
}

export function paintOf(analyses: readonly PageAnalysis[], sensitivity: Sensitivity): AnalysisPaint[] {
  return analyses.map((a) => ({
    id: a.id,
    blocks: a.blocks,
    sentences: a.located
      .map((s) => ({ i: s.i, b: s.b, start: s.start, end: s.end, level: levelFor(s.score, sensitivity, a.report.stated ?? a.report.score) }))
      .filter((s): s is { i: number; b: number; start: number; end: number; level: Level } => s.level > 0),
  }));
}

function excerpt(text: string): string {
  const s = text.replace(/\s+/g, ' ').trim();
  return s.length > PASSAGE_MAX_CHARS ? `${s.slice(0, PASSAGE_MAX_CHARS - 1).trimEnd()}…` : s;
}

/** Highlighted sentences of all analyses, in page order (block, then offset). */
export function passagesOf(analyses: readonly PageAnalysis[], sensitivity: Sensitivity): Passage[] {
  const out: (Passage & { order: [number, number] })[] = [];
  for (const a of analyses) {
    const reasons = new Map(a.report.sentences.map((s) => [s.index, s.reasons]));
    const sentences = new Map(a.report.sentences.map((s) => [s.index, s]));
    for (const s of a.located) {
      const level = levelFor(s.score, sensitivity, a.report.stated ?? a.report.score);
      if (level === 0) continue;
      const full = sentences.get(s.i)!;
      out.push({
        analysis: a.id,
        sentence: s.i,
        level,
        score: s.score,
        text: excerpt(a.text.slice(full.start, full.end)),
        reasons: reasons.get(s.i) ?? [],
        order: [s.b, s.start],
      });
    }
  }
  return out.sort((x, y) => x.order[0] - y.order[0] || x.order[1] - y.order[1]).map(({ order: _o, ...p }) => p);
}

/** The `limit` most predictable passages (highest score first; page order breaks ties), given back in page order. */
export function listedPassages(all: readonly Passage[], limit: number): Passage[] {
  if (all.length <= limit) return [...all];
  const keep = new Set(
    all
      .map((p, order) => ({ order, score: p.score ?? -1 }))
      .sort((x, y) => y.score - x.score || x.order - y.order)
      .slice(0, limit)
      .map((x) => x.order),
  );
  return all.filter((_, order) => keep.has(order));
}

function headOf(r: Report): ReportHead {
  const { signals: _g, sentences: _s, caveats: _c, ...head } = r;
  return head;
}

export function groupsOf(analyses: readonly PageAnalysis[], sensitivity: Sensitivity): GroupView[] {
  return [...analyses]
    .sort((a, b) => b.report.counts.words - a.report.counts.words)
    .map((a) => ({
      id: a.id,
      lang: a.lang,
      status: a.report.status,
      head: headOf(a.report),
      words: a.report.counts.words,
      blocks: a.blocks.length,
      flagged: a.located.filter((s) => levelFor(s.score, sensitivity, a.report.stated ?? a.report.score) > 0).length,
    }));
}

export function viewOf(
  tabId: number,
  analyses: readonly PageAnalysis[],
  sensitivity: Sensitivity,
  extra: Pick<TabView, 'scope' | 'origin'> & { ms: number; blocks: number },
): TabView {
  const main = mainAnalysis(analyses)!;
  const { sentences: _s, ...report } = main.report;
  const groups = groupsOf(analyses, sensitivity);
  const all = passagesOf(analyses, sensitivity);
  const passages = listedPassages(all, PASSAGES_LISTED);
  return {
    tabId,
    phase: 'on',
    scope: extra.scope,
    origin: extra.origin,
    sensitivity,
    report,
    blocks: extra.blocks,
    sentences: analyses.reduce((n, a) => n + a.report.sentences.length, 0),
    passages,
    ...(passages.length < all.length ? { passagesTotal: all.length } : {}),
    ...(groups.length > 1 ? { groups } : {}),
    ms: extra.ms,
  };
}
