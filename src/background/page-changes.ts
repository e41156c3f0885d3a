/**
 * page-changes — following a page that changes while analysis is on, at a cost in proportion to what changed
 * (STYLE 9: a page that changes forever costs near nothing when its words do not change).
 *
 * What: `followChange(state, change, sensitivity)` applies one change report of the page layer (blocks removed,
 * blocks added, blocks changed in place under their id) to what the background knows, and decides, per language
 * group, whether to score the group again:
 * - a group is scored again when it is new, when blocks moved into or out of it (a block changed language, a short
 *   block now follows another neighbour), or when the words changed in it since it was last scored reach the line:
 *   RESCORE_SHARE of the group's words, or RESCORE_WORDS words, whichever is smaller;
 * - below the line it is kept as scored: its removed blocks and their sentences leave it at once (their highlights
 *   are already gone from the page, and they leave the side panel), the sentences of a block edited in place move
 *   past the edit or, when the edit touched them, leave it (the page layer does the same with its highlights:
 *   shared/block-offsets.ts), and new blocks wait, unscored and not highlighted, until the words changed in the
 *   group reach the line (they count towards it).
 * Words changed: every word of a removed or added block; for a block edited in place, the words of its rewritten
 * middle (at least one). A page whose text does not change reports nothing at all (page/changes.ts). So a
 * 100,000-word page with an "updated N s ago" line is scored again once per RESCORE_WORDS changed words (one per
 * tick of N reported), not every two seconds. `onContentChanged(tabId, change)` runs it for a tab, repaints only the
 * groups scored again (and drops vanished ones), and updates the tab's view only when what it shows changed.
 * Limits: a kept group's figures (its words, its score) are those of its last scoring until the line is reached;
 * the on-page legend's count follows at the next repaint. The line is about words, not meaning: a short edit that
 * turns a sentence around waits like any other.
 */
import { levelFor, type Sensitivity } from '../engine';
import type { BlockPayload, ContentChangedMessage } from '../messaging';
import { shiftSpan, textEdit, type TextEdit } from '../shared/block-offsets';
import { uiLanguage } from '../shared/i18n';
import { paint } from './content-script';
import { analyseGroups, groupBlocks, viewOf, type Group, type Located, type PageAnalysis } from './page-analysis';
import { paintMessage } from './paint-message';
import { currentSettings, setView, tabs } from './tab-state';

/** A change smaller than this share of its group's words is not scored again (unless RESCORE_WORDS is smaller). */
export const RESCORE_SHARE = 0.02;
/** ... or than this many words: a long page is scored again after about a paragraph of changed text, not a page. */
export const RESCORE_WORDS = 100;

type Change = Omit<ContentChangedMessage, 'type'>;

/** What the background keeps about a page between changes (a TabRecord's fields). */
export interface FollowState {
  blocks: Map<number, BlockPayload>;
  langCache: Map<number, string>;
  groupIds: Map<string, number>;
  analyses: PageAnalysis[];
  /** Language -> words changed since the group was last scored. */
  debt: Map<string, number>;
  /** Blocks added since, not scored yet. */
  unscored: Set<number>;
}

export interface Followed {
  analyses: PageAnalysis[];
  /** Analyses scored again (ids), to repaint. */
  fresh: number[];
  /** Analyses whose language left the page. */
  drop: number[];
  blocks: BlockPayload[];
  /** Something the reader sees changed (a group scored again or dropped, a highlighted sentence left). */
  viewChanged: boolean;
}

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

export function wordCount(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/** Words changed by an edit in place: those of the rewritten middle, old or new, at least one. */
export function editedWords(old: string, next: string, edit: TextEdit = textEdit(old, next)): number {
  if (old === next) return 0;
  return Math.max(1, wordCount(old.slice(edit.from, edit.oldTo)), wordCount(next.slice(edit.from, edit.newTo)));
}

/** Step 1: the change applied to the known blocks; words changed per block (by id), and the in-place edits. */
function applyChange(st: FollowState, change: Change): { gone: Map<string, number>; changed: Map<number, number>; edits: Map<number, TextEdit> } {
  const gone = new Map<string, number>();
  const changed = new Map<number, number>();
  const edits = new Map<number, TextEdit>();
  const owner = new Map<number, string>();
  for (const a of st.analyses) for (const id of a.blocks) owner.set(id, a.lang);
  for (const id of change.removed) {
    const b = st.blocks.get(id);
    const lang = owner.get(id) ?? st.langCache.get(id);
    if (b && lang) gone.set(lang, (gone.get(lang) ?? 0) + wordCount(b.text));
    st.blocks.delete(id);
    st.langCache.delete(id);
    st.unscored.delete(id);
  }
  for (const b of change.added) {
    const old = st.blocks.get(b.id);
    if (old && old.text !== b.text) {
      const edit = textEdit(old.text, b.text);
      edits.set(b.id, edit);
      changed.set(b.id, editedWords(old.text, b.text, edit));
      st.langCache.delete(b.id); // detected again: an edit may change a block's language
    } else if (!old) {
      changed.set(b.id, wordCount(b.text));
      st.unscored.add(b.id);
    }
    st.blocks.set(b.id, b);
  }
  return { gone, changed, edits };
}

const sameIds = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Step 2: which groups to score again, and the words changed in each group kept (its new debt). */
function decide(st: FollowState, groups: Group[], words: Map<string, number>): { rescore: Set<string>; debt: Map<string, number> } {
  const byLang = new Map(st.analyses.map((a) => [a.lang, a]));
  const rescore = new Set<string>();
  const debt = new Map<string, number>();
  for (const g of groups) {
    const a = byLang.get(g.lang);
    const w = words.get(g.lang) ?? 0;
    const scoredNow = g.blocks.filter((b) => !st.unscored.has(b.id)).map((b) => b.id);
    if (!a || !sameIds(a.blocks.filter((id) => st.blocks.has(id)), scoredNow)) {
      rescore.add(g.lang); // a new group, or blocks moved between groups
      continue;
    }
    if (w === 0) continue; // untouched
    const total = (st.debt.get(g.lang) ?? 0) + w;
    if (total >= Math.min(RESCORE_SHARE * a.report.counts.words, RESCORE_WORDS)) rescore.add(g.lang);
    else debt.set(g.lang, total);
  }
  return { rescore, debt };
}

/** Step 3: a group kept as scored, brought up to date (removed blocks out, edited blocks' sentences moved). */
function patch(a: PageAnalysis, st: FollowState, edits: Map<number, TextEdit>, sensitivity: Sensitivity): { a: PageAnalysis; lost: boolean } {
  let lost = false;
  const located: Located[] = [];
  for (const s of a.located) {
    const edit = edits.get(s.b);
    const at = !st.blocks.has(s.b) ? undefined : edit ? shiftSpan(s.start, s.end, edit) : s;
    if (at) located.push(at === s ? s : { ...s, ...at });
    else if (levelFor(s.score, sensitivity, a.report.stated ?? a.report.score) > 0) lost = true;
  }
  const blocks = a.blocks.filter((id) => st.blocks.has(id));
  return { a: { ...a, blocks, located }, lost };
}

/** Apply one change report (see the module comment). Mutates `st` (blocks, language cache, debt, unscored). */
export function followChange(st: FollowState, change: Change, sensitivity: Sensitivity): Followed {
  const { gone, changed, edits } = applyChange(st, change);
  const blocks = [...st.blocks.values()].sort((a, b) => a.id - b.id);
  const groups = groupBlocks(blocks, st.langCache);
  const words = new Map(gone);
  for (const g of groups) for (const b of g.blocks) {
    const w = changed.get(b.id);
    if (w) words.set(g.lang, (words.get(g.lang) ?? 0) + w);
  }
  const { rescore, debt } = decide(st, groups, words);
  const fresh = analyseGroups(groups, { groupIds: st.groupIds, only: rescore });
  const live = new Set(groups.map((g) => st.groupIds.get(g.lang)));
  const drop = st.analyses.filter((a) => !live.has(a.id)).map((a) => a.id);
  let viewChanged = fresh.length > 0 || drop.length > 0;
  const byId = new Map<number, PageAnalysis>();
  const touched = change.removed.length > 0 || edits.size > 0;
  for (const a of st.analyses) {
    if (!live.has(a.id)) continue;
    if (!touched || rescore.has(a.lang)) byId.set(a.id, a);
    else {
      const p = patch(a, st, edits, sensitivity);
      byId.set(a.id, p.a);
      viewChanged ||= p.lost;
    }
  }
  for (const a of fresh) byId.set(a.id, a);
  // the groups scored again start with no debt, and every block in them is scored
  for (const g of groups) if (rescore.has(g.lang)) for (const b of g.blocks) st.unscored.delete(b.id);
  for (const lang of [...st.debt.keys()]) if (rescore.has(lang) || !groups.some((g) => g.lang === lang)) st.debt.delete(lang);
  for (const [lang, w] of debt) st.debt.set(lang, w);
  st.analyses = [...byId.values()];
  return { analyses: st.analyses, fresh: fresh.map((a) => a.id), drop, blocks, viewChanged };
}

/** Blocks were removed, added or changed on an analysed page: follow them (followChange), repaint what was scored
 * again, and show the new view when it changed. Changes of one tab come one after the other (router.ts). */
export async function onContentChanged(tabId: number, change: Change): Promise<{ ok: boolean }> {
  const rec = tabs.get(tabId);
  if (!rec || rec.view.phase !== 'on' || !rec.blocks || !rec.analyses) return { ok: false };
  const run = rec.run;
  const s = await currentSettings();
  if (rec.run !== run || !rec.blocks || !rec.analyses) return { ok: false };
  const t0 = performance.now();
  const st: FollowState = { blocks: rec.blocks, langCache: rec.langCache, groupIds: rec.groupIds, analyses: rec.analyses, debt: rec.debt, unscored: rec.unscored };
  let f: Followed;
  try {
    f = followChange(st, change, s.sensitivity);
  } catch {
    return { ok: false };
  }
  rec.analyses = f.analyses;
  if (f.fresh.length || f.drop.length) {
    const painted = await paint(tabId, paintMessage(f.analyses, s, uiLanguage(), { only: new Set(f.fresh), drop: f.drop }).message);
    if (!painted?.ok || rec.run !== run) return { ok: false };
  }
  if (!f.viewChanged) return { ok: true };
  if (!f.analyses.length) {
    setView(tabId, { ...rec.view, report: undefined, passages: [], passagesTotal: undefined, groups: undefined, blocks: 0, sentences: 0 });
    return { ok: true };
  }
  const ms = Math.round(performance.now() - t0);
  setView(tabId, viewOf(tabId, f.analyses, s.sensitivity, { scope: rec.view.scope, origin: rec.view.origin, ms, blocks: f.blocks.length }));
  return { ok: true };
}
