// @vitest-environment happy-dom
// Issue 10, item 5: sentence reasons without a mouse. Marks are one tab stop with arrow keys between them, and each
// names its reasons, written out as text, through aria-describedby; focusing one shows them in the why-box.
import { describe, expect, it } from 'vitest';
import { sentenceView } from '@/src/pages/result-view';
import { wireSentenceMarks } from '@/src/pages/sentence-marks';
import { toDom } from '@/src/report/markup';
import { fakeReport } from '../report/fixture';

const TEXT = 'One plain sentence here. A second sentence follows. A third one ends it.';

function mounted() {
  const first = TEXT.indexOf('.') + 1;
  const second = TEXT.indexOf('.', first) + 1;
  const report = fakeReport(TEXT, {
    sentences: [
      { index: 0, start: 0, end: first, words: 4, score: 0.97, level: 2, reasons: [{ id: 'burstiness', text: 'Sentence rhythm: stronger than in 97% of human reference sentences' }] },
      { index: 1, start: first + 1, end: second, words: 4, score: 0.2, level: 0, reasons: [] },
      { index: 2, start: second + 1, end: TEXT.length, words: 5, score: 0.99, level: 3, reasons: [] },
    ],
  });
  const view = toDom(sentenceView(TEXT, report, 'en'), document) as HTMLElement;
  document.body.replaceChildren(view);
  const off = wireSentenceMarks(view);
  const marks = [...view.querySelectorAll<HTMLElement>('mark[data-sentence]')];
  return { view, marks, off };
}

describe('sentence marks', () => {
  it('one tab stop: the first mark only, the others reachable by arrow keys', () => {
    const { marks } = mounted();
    expect(marks.map((m) => m.getAttribute('tabindex'))).toEqual(['0', '-1']);
    marks[0]!.focus();
    marks[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    expect(document.activeElement).toBe(marks[1]);
    expect(marks.map((m) => m.tabIndex)).toEqual([-1, 0]);
    marks[1]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true }));
    expect(document.activeElement).toBe(marks[0]);
  });

  it('every mark is described by its reasons in words, never only a tooltip', () => {
    const { view, marks } = mounted();
    for (const m of marks) {
      expect(m.getAttribute('title')).toBeNull();
      const desc = view.querySelector(`#${m.getAttribute('aria-describedby')!}`)!;
      expect(desc.textContent.length).toBeGreaterThan(20);
    }
    expect(view.querySelector(`#${marks[0]!.getAttribute('aria-describedby')!}`)!.textContent).toContain('Sentence rhythm: stronger than in 97%');
    expect(view.querySelector(`#${marks[1]!.getAttribute('aria-describedby')!}`)!.textContent).toContain('no single signal stands out');
  });

  it('focus (keyboard), click or tap shows the reasons in the why-box', () => {
    const { view, marks } = mounted();
    const box = view.querySelector('.why-box')!;
    expect(box.textContent).toMatch(/Choose a marked sentence/);
    marks[0]!.focus();
    expect(box.textContent).toContain('Sentence rhythm: stronger than in 97%');
    expect(box.textContent).toContain('Predictable');
    marks[1]!.click();
    expect(box.textContent).toContain('Very predictable');
    expect(marks[1]!.classList.contains('current')).toBe(true);
  });

  it('the text itself is unchanged', () => {
    const { view } = mounted();
    expect(view.querySelector('.text-view')!.textContent).toBe(TEXT);
  });

  it('can be taken away', () => {
    const { view, marks, off } = mounted();
    off();
    marks[0]!.focus();
    expect(view.querySelector('.why-box')!.textContent).toMatch(/Choose a marked sentence/);
  });
});
