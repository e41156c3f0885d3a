// @vitest-environment happy-dom
// Issue 10, item 10: the class set is not a ranking — it opens in name order, and only texts worth a closer look get
// the warm bar colour (their summary says so in words).
import { describe, expect, it } from 'vitest';
import { analyse } from '@/src/engine';
import { DEFAULT_SORT, setTable, type SetItem } from '@/src/pages/analysis/set-table';

const base = analyse('word '.repeat(10));
const report = (score: number, flag: boolean) => ({ ...base, status: 'ok' as const, score, flag });
const items: SetItem[] = [
  { id: 1, name: 'Pasted text 10', text: '', report: report(0.2, false) },
  { id: 2, name: 'anna.docx', text: '', report: report(0.99, true) },
  { id: 3, name: 'Pasted text 2', text: '', report: report(0.95, false) },
  { id: 4, name: 'Zoé.txt', text: '', report: report(0.5, false) },
];

describe('class set table', () => {
  const table = setTable(items, DEFAULT_SORT, -1, 'en', { sort: () => undefined, open: () => undefined, remove: () => undefined });

  it('opens in name order, numbers in names counted as numbers', () => {
    expect([...table.querySelectorAll('tbody th')].map((th) => th.textContent)).toEqual(['anna.docx', 'Pasted text 2', 'Pasted text 10', 'Zoé.txt']);
    expect(table.querySelector('th[aria-sort="ascending"] button')!.getAttribute('data-sort')).toBe('name');
  });

  it('only a flagged text gets the warm bar', () => {
    const flagged = [...table.querySelectorAll('tbody tr')].filter((tr) => tr.querySelector('.fill.flag')).map((tr) => tr.querySelector('th')!.textContent);
    expect(flagged).toEqual(['anna.docx']);
    expect(table.querySelectorAll('.fill').length).toBe(4);
  });

  it('the bar is the figure beside it (rounded down, never full)', () => {
    const row = [...table.querySelectorAll('tbody tr')].find((tr) => tr.textContent.includes('anna'))!;
    expect(row.querySelector<HTMLElement>('.fill')!.getAttribute('style')).toBe('width:99%');
    expect(row.querySelector('.score-cell')!.textContent).toContain('99%');
  });

  it.each([
    ['en', '419,430'],
    ['fr', '419\u202f430'],
  ] as const)('%s: a long text\'s word count is written with the language\'s digit grouping', (lang, shown) => {
    const long = { ...report(0.5, false), counts: { ...base.counts, words: 419430 } };
    const t = setTable([{ id: 9, name: 'long.txt', text: '', report: long }], DEFAULT_SORT, -1, lang, { sort: () => undefined, open: () => undefined, remove: () => undefined });
    expect(t.querySelector('tbody td.num')!.textContent).toBe(shown);
  });
});
