// Following a page that changes (issue 11, item 4): what is scored again, and what is only brought up to date.
import { beforeEach, describe, expect, it } from 'vitest';
import { analyseBlocks, type PageAnalysis } from '@/src/background/page-analysis';
import { editedWords, followChange, RESCORE_SHARE, RESCORE_WORDS, wordCount, type FollowState } from '@/src/background/page-changes';
import { scoring } from '@/src/background/stats';
import type { BlockPayload } from '@/src/messaging';

// Texts written for these tests.
const EN = [
  'It is important to note that community gardens offer numerous benefits for residents of every age and background.',
  'Furthermore, they provide a valuable opportunity to connect with neighbours and to learn about sustainable practices.',
  'On Saturday we dug out the old potato bed and found a rusted spoon, two marbles and a toy car missing its wheels.',
  'My aunt swore the marbles were hers, lost in 1971, and nobody had the heart to argue with her about it at all.',
  'Additionally, it is essential to recognise that such spaces can play a crucial role in fostering a sense of belonging.',
  'Overall, community gardens are a simple yet effective way to make a positive impact on the local environment today.',
];
const FR = [
  'Il est important de noter que les jardins partagés offrent de nombreux avantages pour les habitants de tout âge.',
  'De plus, ils constituent une occasion précieuse de rencontrer ses voisins et de découvrir des pratiques durables.',
  'Samedi, nous avons retourné la vieille planche de pommes de terre et trouvé une cuillère rouillée et deux billes.',
];

/** A page: a ticker line (block 0), then `repeats` times the English paragraphs (about 120 words each time). */
function page(repeats: number): BlockPayload[] {
  const texts = ['updated 1 s ago', ...Array.from({ length: repeats }, () => EN).flat()];
  return texts.map((text, id) => ({ id, text, lang: '' }));
}

function stateOf(blocks: BlockPayload[]): FollowState {
  const langCache = new Map<number, string>();
  const groupIds = new Map<string, number>();
  const analyses = analyseBlocks(blocks, { langCache, groupIds });
  return { blocks: new Map(blocks.map((b) => [b.id, b])), langCache, groupIds, analyses, debt: new Map(), unscored: new Set() };
}
const en = (st: FollowState): PageAnalysis => st.analyses.find((a) => a.lang === 'en')!;
const runs = () => scoring.runs;

describe('words changed', () => {
  it.each([
    ['updated 1 s ago', 'updated 2 s ago', 1],
    ['updated 9 s ago', 'updated 10 s ago', 1],
    ['The council met in March.', 'The council met in the first week of April.', 5],
    ['Same words.', 'Same words.', 0],
    ['Same words.', 'Same words!', 1],
  ])('%j -> %j: %i', (a, b, n) => expect(editedWords(a, b)).toBe(n));
  it('counts words with letters or digits', () => expect(wordCount('It’s 2026 — the well-known café, again.')).toBe(6));
});

describe('followChange', () => {
  let st: FollowState;
  beforeEach(() => {
    st = stateOf(page(40)); // about 4,800 English words: the line is min(2% = ~96, 100) words
  });

  it('a ticker changing its number is not scored again until the words changed reach the line; then once', () => {
    const words = en(st).report.counts.words;
    const line = Math.min(RESCORE_SHARE * words, RESCORE_WORDS);
    const located = en(st).located;
    const r0 = runs();
    let n = 0;
    let f = followChange(st, { removed: [], added: [{ id: 0, text: 'updated 2 s ago', lang: '' }], full: false }, 'medium');
    while (!f.fresh.length && n < 500) {
      n++;
      expect(f.viewChanged).toBe(false);
      expect(f.drop).toEqual([]);
      f = followChange(st, { removed: [], added: [{ id: 0, text: `updated ${n + 2} s ago`, lang: '' }], full: false }, 'medium');
    }
    // one word per tick: scored again when the changed words reach the line, not before
    expect(n + 1).toBe(Math.ceil(line));
    expect(runs() - r0).toBe(1);
    expect(f.viewChanged).toBe(true);
    expect(st.debt.get('en') ?? 0).toBe(0);
    // the untouched blocks' sentences were kept as they were while the line was not reached
    expect(located.filter((s) => s.b !== 0).length).toBeGreaterThan(100);
  });

  it('a removed block leaves the analysis (and the side panel) at once, without scoring again', () => {
    const a = en(st);
    const flaggedBlock = a.located.find((s) => (s.score ?? 0) > 0.8 && s.b > 0)!;
    expect(flaggedBlock).toBeDefined();
    const r0 = runs();
    const f = followChange(st, { removed: [flaggedBlock.b], added: [], full: false }, 'high');
    expect(runs()).toBe(r0);
    expect(f.fresh).toEqual([]);
    expect(f.viewChanged).toBe(true);
    expect(en(st).blocks).not.toContain(flaggedBlock.b);
    expect(en(st).located.some((s) => s.b === flaggedBlock.b)).toBe(false);
    expect(st.debt.get('en')).toBeGreaterThan(0);
  });

  it('an edit in place keeps the sentences around it, moved; the edited sentence leaves', () => {
    const id = 3; // 'On Saturday we dug out ...'
    const text = st.blocks.get(id)!.text;
    const before = en(st).located.filter((s) => s.b === id);
    expect(before).toHaveLength(1);
    const f = followChange(st, { removed: [], added: [{ id, text: `Update: ${text}`, lang: '' }], full: false }, 'medium');
    expect(f.fresh).toEqual([]);
    const moved = en(st).located.filter((s) => s.b === id);
    expect(moved).toEqual([{ ...before[0]!, start: before[0]!.start + 8, end: before[0]!.end + 8 }]);
    followChange(st, { removed: [], added: [{ id, text: `Update: ${text.replace('rusted', 'rusty old')}`, lang: '' }], full: false }, 'medium');
    expect(en(st).located.filter((s) => s.b === id)).toEqual([]);
  });

  it('new text waits unscored while small; a paragraph\'s worth is scored with its group', () => {
    const r0 = runs();
    const next = st.blocks.size;
    let f = followChange(st, { removed: [], added: [{ id: next, text: 'A short new caption about gardens.', lang: '' }], full: false }, 'medium');
    expect(f.fresh).toEqual([]);
    expect(st.unscored.has(next)).toBe(true);
    expect(en(st).blocks).not.toContain(next);
    f = followChange(st, { removed: [], added: EN.map((text, i) => ({ id: next + 1 + i, text, lang: '' })), full: false }, 'medium');
    expect(f.fresh).toEqual([en(st).id]);
    expect(runs() - r0).toBe(1);
    expect(en(st).blocks).toContain(next);
    expect(st.unscored.size).toBe(0);
  });

  it('a new language is scored at once; a language that leaves the page is dropped', () => {
    const next = st.blocks.size;
    const f = followChange(st, { removed: [], added: FR.map((text, i) => ({ id: next + i, text, lang: '' })), full: false }, 'medium');
    const fr = st.analyses.find((a) => a.lang === 'fr')!;
    expect(f.fresh).toEqual([fr.id]);
    const g = followChange(st, { removed: FR.map((_, i) => next + i), added: [], full: false }, 'medium');
    expect(g.drop).toEqual([fr.id]);
    expect(st.analyses.map((a) => a.lang)).toEqual(['en']);
  });

  it('a block that changes language moves groups: both are scored again', () => {
    const next = st.blocks.size;
    followChange(st, { removed: [], added: FR.map((text, i) => ({ id: next + i, text, lang: '' })), full: false }, 'medium');
    const f = followChange(st, { removed: [], added: [{ id: 3, text: FR[2]!, lang: '' }], full: false }, 'medium');
    expect(new Set(f.fresh)).toEqual(new Set(st.analyses.map((a) => a.id)));
    expect(st.analyses.find((a) => a.lang === 'fr')!.blocks).toContain(3);
  });
});
