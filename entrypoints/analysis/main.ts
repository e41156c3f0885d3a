/**
 * The analysis page (teachers): paste, drop or choose texts; one result or a sortable class set; compare two
 * texts; export a teacher report; saved reports. Wiring only: views live in the modules beside this file and in
 * src/ui/, logic in src/report/ and the engine. Nothing is stored unless the teacher saves a report.
 */
import '@/src/ui/pages.css';
import { el, mount } from '@/src/ui/dom';
import { levelCss } from '@/src/report/teacher';
import { createAnalyser, type Analyser } from '@/src/ui/analyse-client';
import { t, uiLanguage } from '@/src/ui/i18n';
import { takePendingAnalysis } from '@/src/ui/open-pages';
import type { Report } from '@/src/engine/score/types';
import type { UiLang } from '@/src/engine/types';
import { inputPanel } from './input';
import { setTable, type SetItem, type SortKey, type SortState } from './set-table';
import { resultSection, type DetailTab } from './result';
import { reportPanel } from './report-panel';
import { compareInput, compareResult, type CompareState } from './compare';
import { savedSection } from './saved';

type View = 'analyse' | 'compare' | 'saved';

interface State {
  lang: UiLang;
  view: View;
  items: SetItem[];
  selected: number;
  sort: SortState;
  detail: DetailTab;
  problems: string[];
  progress?: { done: number; total: number };
  compare: CompareState;
  draft: { value: string };
}

function main(): void {
  const root = document.getElementById('app')!;
  // Sentence levels drawn exactly as on web pages (tint + underline style), from the painter's own table.
  document.head.append(el('style', null, levelCss('mark.lvl')));
  const analyser: Analyser = createAnalyser();
  const lang0 = uiLanguage();
  const state: State = {
    lang: lang0,
    view: 'analyse',
    items: [],
    selected: -1,
    sort: { key: 'score', dir: -1 },
    detail: 'sentences',
    problems: [],
    draft: { value: '' },
    compare: { names: [t('compare_defaultA', undefined, lang0), t('compare_defaultB', undefined, lang0)], texts: ['', ''] },
  };
  let nextId = 1;
  /** Reports in the other language, for the teacher report (cache per item id + lang). */
  const otherLang = new Map<string, Report>();

  const T = (k: string, s?: (string | number)[]) => t(k, s, state.lang);

  async function addTexts(texts: { name: string; text: string }[]): Promise<void> {
    const added = texts.map((x) => ({ id: nextId++, name: x.name, text: x.text }) as SetItem);
    state.items.push(...added);
    state.selected = added[0].id;
    state.problems = state.problems.filter(Boolean);
    await analyseItems(added);
  }

  async function analyseItems(items: SetItem[]): Promise<void> {
    state.progress = { done: 0, total: items.length };
    render();
    const reports = await analyser.analyseMany(
      items.map((i) => i.text),
      { ui: state.lang },
      { onProgress: (done, total) => { state.progress = { done, total }; renderProgress(); } },
    );
    reports.forEach((r, k) => {
      if (r instanceof Error) items[k].error = r.message;
      else items[k].report = r;
    });
    state.progress = undefined;
    render();
  }

  async function reportIn(item: SetItem, lang: UiLang): Promise<Report> {
    if (item.report && item.report.ui === lang) return item.report;
    const key = `${item.id}:${lang}`;
    const cached = otherLang.get(key);
    if (cached) return cached;
    const r = await analyser.analyse(item.text, { ui: lang });
    otherLang.set(key, r);
    return r;
  }

  async function runCompare(): Promise<void> {
    const st = state.compare;
    if (!st.texts[0].trim() || !st.texts[1].trim()) {
      state.problems = [T('compare_needTwo')];
      render();
      return;
    }
    const [a, b] = await Promise.all([analyser.analyse(st.texts[0], { ui: state.lang }), analyser.analyse(st.texts[1], { ui: state.lang })]);
    st.reports = [a, b];
    state.problems = [];
    render();
    document.getElementById('compare-result')?.scrollIntoView({ block: 'start' });
  }

  async function setLang(lang: UiLang): Promise<void> {
    state.lang = lang;
    document.documentElement.lang = lang;
    otherLang.clear();
    const st = state.compare;
    st.names = st.names.map((n, i) => (n === t(i === 0 ? 'compare_defaultA' : 'compare_defaultB', undefined, lang === 'fr' ? 'en' : 'fr') ? t(i === 0 ? 'compare_defaultA' : 'compare_defaultB', undefined, lang) : n)) as [string, string];
    if (st.reports) st.reports = undefined;
    if (state.items.length) await analyseItems(state.items);
    else render();
  }

  function header(): HTMLElement {
    const langSel = el('select', { id: 'page-lang', 'aria-label': T('analysis_pageLanguage') }, el('option', { value: 'en' }, 'English'), el('option', { value: 'fr' }, 'Français'));
    langSel.value = state.lang;
    langSel.addEventListener('change', () => void setLang(langSel.value === 'fr' ? 'fr' : 'en'));
    const views: View[] = ['analyse', 'compare', 'saved'];
    const labels: Record<View, string> = { analyse: T('analysis_navAnalyse'), compare: T('analysis_navCompare'), saved: T('analysis_navSaved') };
    return el('header', { class: 'page-header' },
      el('div', { class: 'brand' }, el('h1', null, T('analysis_pageTitle')), el('p', { class: 'tagline' }, T('analysis_tagline'))),
      el('nav', { 'aria-label': T('analysis_navLabel') },
        views.map((v) => el('button', { type: 'button', class: 'nav', id: `nav-${v}`, 'aria-current': state.view === v ? 'page' : undefined, on: { click: () => { state.view = v; state.problems = []; render(); } } }, labels[v])),
        el('a', { href: '/lab.html', class: 'nav', id: 'nav-lab' }, T('analysis_navLab')),
      ),
      langSel,
    );
  }

  function renderProgress(): void {
    const p = document.getElementById('progress');
    if (p && state.progress) {
      p.textContent = T('analysis_progress', [state.progress.done, state.progress.total]);
    }
  }

  function analyseView(): (Node | null)[] {
    const out: (Node | null)[] = [];
    out.push(inputPanel(state.lang, {
      onTexts: (texts) => void addTexts(texts),
      onProblems: (ps) => { state.problems = ps.map((p) => p.message); render(); },
    }, () => state.items.length, state.draft));
    if (state.progress) out.push(el('p', { id: 'progress', class: 'progress', role: 'status', 'aria-live': 'polite' }, T('analysis_progress', [state.progress.done, state.progress.total])));
    if (state.items.length >= 2) {
      out.push(el('section', { class: 'card', 'aria-label': T('analysis_setTitle') },
        el('div', { class: 'row spread' }, el('h2', null, T('analysis_setTitle')), el('button', { type: 'button', class: 'ghost', id: 'clear-set', on: { click: () => { state.items = []; state.selected = -1; otherLang.clear(); render(); } } }, T('analysis_clearSet'))),
        setTable(state.items, state.sort, state.selected, state.lang, {
          sort: (key: SortKey) => {
            state.sort = state.sort.key === key ? { key, dir: state.sort.dir === 1 ? -1 : 1 } : { key, dir: key === 'name' ? 1 : -1 };
            render();
            document.querySelector<HTMLButtonElement>(`button.sort[data-sort="${key}"]`)?.focus();
          },
          open: (id) => { state.selected = id; render(); document.getElementById('result')?.scrollIntoView({ block: 'start' }); },
          remove: (id) => { state.items = state.items.filter((i) => i.id !== id); if (state.selected === id) state.selected = state.items[0]?.id ?? -1; render(); },
        }),
      ));
    }
    const item = state.items.find((i) => i.id === state.selected);
    if (item?.report) {
      out.push(resultSection(item.name, item.text, item.report, state.detail, state.lang, (d) => {
        state.detail = d;
        render();
      }));
      out.push(reportPanel(item.name, item.text, state.lang, { reportIn: (l) => reportIn(item, l), onSaved: () => undefined }));
    } else if (item?.error) {
      out.push(el('p', { class: 'notice gate' }, T('analysis_failedDetail', [item.error])));
    }
    return out;
  }

  async function render(): Promise<void> {
    document.title = T('analysis_docTitle');
    const problems = state.problems.length
      ? el('div', { class: 'notice gate', role: 'alert', id: 'problems' },
          el('ul', null, state.problems.map((p) => el('li', null, p))),
          el('button', { type: 'button', class: 'small ghost', on: { click: () => { state.problems = []; render(); } } }, T('analysis_dismiss')))
      : null;
    let body: (Node | null)[];
    if (state.view === 'analyse') body = analyseView();
    else if (state.view === 'compare') body = [compareInput(state.compare, state.lang, () => void runCompare(), (m) => { state.problems = [m]; render(); }), compareResult(state.compare, state.lang)];
    else body = [await savedSection(state.lang, () => void render())];
    const scroll = window.scrollY;
    const focusedId = document.activeElement?.id;
    mount(root, header(), el('main', { id: 'main' }, problems, body));
    window.scrollTo(0, scroll);
    if (focusedId) document.getElementById(focusedId)?.focus({ preventScroll: true });
  }

  document.documentElement.lang = state.lang;
  void render();
  // A text handed over from the popup, side panel or context menu.
  void takePendingAnalysis().then((p) => {
    if (p) void addTexts([{ name: p.title || T('analysis_selectionName'), text: p.text }]);
  }).catch(() => undefined);
  window.addEventListener('pagehide', () => analyser.dispose());
}

main();
