/**
 * sentence-marks — the marked sentences of a sentence view (result-view.ts `sentenceView`) for every kind of reader.
 *
 * What: the marks are one tab stop (roving tabindex): Tab reaches a mark, the arrow keys, Home and End move between
 * them; focusing, clicking, tapping or hovering a mark writes its level and reasons in the view's why-box, as text
 * (the same words as the list below the text, which each mark names with aria-describedby for screen readers).
 * API: `wireSentenceMarks(root)` finds the view in `root` and returns a function that takes the listeners away.
 * Limits: one view per call; the view's markup must come from `sentenceView` (data-sentence, data-prefix, ids).
 */
const NEXT: Record<string, 1 | -1 | 'first' | 'last'> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1, Home: 'first', End: 'last' };

export function wireSentenceMarks(root: HTMLElement): () => void {
  const view = root.matches('.sentence-view') ? root : root.querySelector<HTMLElement>('.sentence-view');
  if (!view) return () => undefined;
  const prefix = view.dataset.prefix ?? 'sent';
  const doc = view.ownerDocument;
  const box = view.querySelector<HTMLElement>('.why-box');
  const marks = () => [...view.querySelectorAll<HTMLElement>('mark[data-sentence]')];
  const markOf = (e: Event) => (e.target instanceof Element ? e.target.closest<HTMLElement>('mark[data-sentence]') : null);

  const show = (m: HTMLElement) => {
    const item = doc.getElementById(`${prefix}-why-${m.dataset.sentence ?? ''}`);
    if (!box || !item) return;
    box.replaceChildren(...[...item.childNodes].map((n) => n.cloneNode(true)));
    for (const x of marks()) x.classList.toggle('current', x === m);
  };
  const moveTo = (m: HTMLElement) => {
    for (const x of marks()) x.tabIndex = x === m ? 0 : -1;
    m.focus();
  };

  const onFocus = (e: FocusEvent) => {
    const m = markOf(e);
    if (!m) return;
    for (const x of marks()) x.tabIndex = x === m ? 0 : -1;
    show(m);
  };
  const onKey = (e: KeyboardEvent) => {
    const m = markOf(e);
    const step = NEXT[e.key];
    if (!m || step === undefined || e.altKey || e.ctrlKey || e.metaKey) return;
    const all = marks();
    const i = all.indexOf(m);
    const next = step === 'first' ? all[0] : step === 'last' ? all[all.length - 1] : all[Math.max(0, Math.min(all.length - 1, i + step))];
    e.preventDefault();
    if (next) moveTo(next);
  };
  const onPointer = (e: Event) => {
    const m = markOf(e);
    if (m) show(m);
  };
  const onClick = (e: Event) => {
    const m = markOf(e);
    if (m) moveTo(m);
  };

  view.addEventListener('focusin', onFocus);
  view.addEventListener('keydown', onKey);
  view.addEventListener('mouseover', onPointer);
  view.addEventListener('click', onClick);
  return () => {
    view.removeEventListener('focusin', onFocus);
    view.removeEventListener('keydown', onKey);
    view.removeEventListener('mouseover', onPointer);
    view.removeEventListener('click', onClick);
  };
}
