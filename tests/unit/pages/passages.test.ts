// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { Passage, TabView } from '@/src/messaging';
import { PASSAGES_PAGE, renderPassages } from '@/src/pages/render';

const passage = (i: number): Passage => ({
  analysis: 1,
  sentence: i,
  level: ((i % 3) + 1) as 1 | 2 | 3,
  score: 0.5,
  text: `<img src=x onerror=alert(${i})> sentence ${i}`,
  reasons: [{ id: 'formulaic', percentile: 0.5 + i / 1000 }],
});
const view = (n: number, total?: number): TabView => ({
  tabId: 1,
  phase: 'on',
  scope: 'page',
  sensitivity: 'medium',
  passages: Array.from({ length: n }, (_, i) => passage(i)),
  ...(total ? { passagesTotal: total } : {}),
});

describe('renderPassages', () => {
  it('renders a page of passages at a time; "Show more" adds the next and moves focus to the first added', () => {
    const shown: number[] = [];
    const root = renderPassages(view(PASSAGES_PAGE * 2 + 5), 'en', (p) => shown.push(p.sentence));
    document.body.replaceChildren(root);
    const items = () => root.querySelectorAll('ol.passages > li');
    const more = root.querySelector<HTMLButtonElement>('#passages-more')!;
    expect(items()).toHaveLength(PASSAGES_PAGE);
    expect(more.hidden).toBe(false);
    expect(more.textContent).toBe(`Show ${PASSAGES_PAGE} more (${PASSAGES_PAGE + 5} not shown)`);
    more.click();
    expect(items()).toHaveLength(PASSAGES_PAGE * 2);
    expect(document.activeElement).toBe(items()[PASSAGES_PAGE]!.querySelector('button.show'));
    more.click();
    expect(items()).toHaveLength(PASSAGES_PAGE * 2 + 5);
    expect(more.hidden).toBe(true);
    (items()[PASSAGES_PAGE * 2 + 4]!.querySelector('button.show') as HTMLButtonElement).click();
    expect(shown).toEqual([PASSAGES_PAGE * 2 + 4]);
    // page text stays text
    expect(root.querySelector('img')).toBeNull();
    expect(items()[0]!.querySelector('blockquote')!.textContent).toBe('<img src=x onerror=alert(0)> sentence 0');
  });

  it('says how many there are in all when the view lists only the most predictable', () => {
    const root = renderPassages(view(3, 4000), 'fr', () => undefined);
    expect(root.querySelector('.count')!.textContent).toMatch(/^4000 passages .* les 3 plus prévisibles/);
    expect(root.querySelector<HTMLButtonElement>('#passages-more')!.hidden).toBe(true);
    const all = renderPassages(view(3), 'en', () => undefined);
    expect(all.querySelector('.count')!.textContent).toBe('3 passages at the current sensitivity');
  });

  it('an empty list is a sentence, not an empty box', () => {
    expect(renderPassages(view(0), 'en', () => undefined).textContent).toBe('No sentence reaches the chosen sensitivity.');
  });

  it('says what the highlights are when the headline places the text within the usual range, and only then', () => {
    const withReport = (score: number, flag: boolean): TabView => ({ ...view(3), report: { score, flag } as TabView['report'] });
    const note = (v: TabView, ui: 'en' | 'fr') => renderPassages(v, ui, () => undefined).querySelector('p.note')?.textContent ?? null;
    expect(note(withReport(0.89, false), 'en')).toMatch(/^The text as a whole stays within the usual range of human writing/);
    expect(note(withReport(0.6, false), 'fr')).toMatch(/^Le texte dans son ensemble reste dans la plage habituelle/);
    expect(note(withReport(0.9, false), 'en')).toBeNull();
    expect(note(withReport(0.7, true), 'en')).toBeNull();
    expect(note(view(3), 'en')).toBeNull();
  });
});

