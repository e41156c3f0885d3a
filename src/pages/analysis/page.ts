/**
 * The analysis page (teachers): paste, drop or choose texts; one result or a sortable class set; compare two
 * texts; export a teacher report; saved reports. `mountAnalysisPage(root)` is all entrypoints/analysis/main.ts
 * calls. Views live in the modules beside this file; texts are scored in the engine worker (engine-client.ts) and
 * kept as language-neutral reports, worded in the page's language when shown, so switching language re-explains
 * and never re-scores. Nothing is stored unless the teacher saves a report.
 */
import '../pages.css';
import { el, mount, scrollBox } from '../dom';
import { levelCss } from '../../report/teacher';
import { createEngineClient, type EngineClient } from '../engine-client';
import { t, uiLanguage } from '../../shared/i18n';
import { takePendingAnalysis } from '../../shared/open-pages';
import { explain, type UiLang } from '../../engine';
import { inputPanel, readFiles, withinEngineLimit, type InputHandlers, type LoadedText } from './input';
import { pdfTabOf, PDF_TAB_PARAM, readTabPdf } from './pdf-tab';
import { noticeItem, readingStatus, type Notice } from './file-status';
import { duplicateNotice, markDuplicates } from './duplicates';
import type { Progress } from '../files/file-reader';
import { DEFAULT_SORT, setTable, type SetItem, type SortKey, type SortState } from './set-table';
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
  problems: Notice[];
  progress?: { done: number; total: number };
  /** Class-set archives being read, by file name. */
  reading: Map<string, Progress>;
  compare: CompareState;
  draft: { value: string };
}

const defaultName = (i: number, lang: UiLang) => t(i === 0 ? 'compare_defaultA' : 'compare_defaultB', undefined, lang);

class AnalysisPage {
  private readonly engine: EngineClient = createEngineClient();
  private nextId = 1;
  private readonly state: State;

  constructor(private readonly root: HTMLElement) {
    const lang = uiLanguage();
    this.state = {
      lang,
      view: 'analyse',
      items: [],
      selected: -1,
      sort: DEFAULT_SORT,
      detail: 'sentences',
      problems: [],
      reading: new Map(),
      draft: { value: '' },
      compare: { names: [defaultName(0, lang), defaultName(1, lang)], texts: ['', ''] },
    };
  }

  private T = (k: string, s?: (string | number)[]) => t(k, s, this.state.lang);

  start(): void {
    // Sentence levels drawn exactly as on web pages (tint + underline style), from the shared level table.
    document.head.append(el('style', null, levelCss('mark.lvl')));
    document.documentElement.lang = this.state.lang;
    void this.render();
    // A text handed over from the popup, side panel or context menu.
    takePendingAnalysis().then((p) => {
      if (p) void this.addTexts([{ name: p.title || this.T('analysis_selectionName'), text: p.text }]);
    }, () => undefined);
    // "Open this PDF in the analysis page" (popup): the PDF of that tab, from the browser's cache.
    const pdfTab = pdfTabOf(location.search);
    if (pdfTab !== undefined) void this.openTabPdf(pdfTab);
    window.addEventListener('pagehide', () => this.engine.dispose());
  }

  private async addTexts(given: LoadedText[]): Promise<void> {
    const { texts, problems } = withinEngineLimit(given);
    if (problems.length) {
      this.state.problems = [...this.state.problems, ...problems];
      if (!texts.length) return this.render();
    }
    const added = texts.map((x) => ({ id: this.nextId++, name: x.name, text: x.text, ...(x.source ? { source: x.source } : {}) }));
    this.state.items.push(...added);
    markDuplicates(this.state.items);
    this.state.selected = added[0]?.id ?? this.state.selected;
    await this.analyseItems(added);
  }

  private async openTabPdf(tabId: number): Promise<void> {
    const url = new URL(location.href);
    url.searchParams.delete(PDF_TAB_PARAM);
    history.replaceState(null, '', url); // a reload does not read the tab again
    const got = await readTabPdf(tabId);
    if ('file' in got) return readFiles([got.file], this.inputHandlers());
    this.state.problems = [{ key: `analysis_pdfTab_${got.error.replace(/-/g, '_')}` }];
    return this.render();
  }

  private inputHandlers(): InputHandlers {
    return {
      onTexts: (texts) => void this.addTexts(texts),
      onProblems: (ps) => {
        this.state.problems = ps;
        void this.render();
      },
      onReading: (name, p) => this.onReading(name, p),
    };
  }

  private async analyseItems(items: SetItem[]): Promise<void> {
    const st = this.state;
    st.progress = { done: 0, total: items.length };
    void this.render();
    const reports = await this.engine.analyseMany(items.map((i) => i.text), {}, {
      onProgress: (done, total) => {
        st.progress = { done, total };
        this.renderProgress();
      },
    });
    reports.forEach((r, k) => {
      const item = items[k];
      if (!item) return;
      if (r instanceof Error) item.error = r.message;
      else item.report = r;
    });
    st.progress = undefined;
    void this.render();
  }

  private async runCompare(): Promise<void> {
    const st = this.state.compare;
    if (!st.texts[0].trim() || !st.texts[1].trim()) {
      this.state.problems = [this.T('compare_needTwo')];
      return this.render();
    }
    const { problems } = withinEngineLimit([0, 1].map((i) => ({ name: st.names[i] ?? '', text: st.texts[i] ?? '' })));
    if (problems.length) {
      this.state.problems = problems;
      return this.render();
    }
    try {
      st.reports = await Promise.all([this.engine.analyse(st.texts[0]), this.engine.analyse(st.texts[1])]);
      this.state.problems = [];
    } catch (e) {
      this.state.problems = [this.T('analysis_failedDetail', [e instanceof Error ? e.message : String(e)])];
    }
    await this.render();
    document.getElementById('compare-result')?.scrollIntoView({ block: 'start' });
  }

  /** A language switch words every result again; nothing is re-scored. */
  private setLang(lang: UiLang): void {
    const before = this.state.lang;
    this.state.lang = lang;
    document.documentElement.lang = lang;
    const st = this.state.compare;
    st.names = st.names.map((n, i) => (n === defaultName(i, before) ? defaultName(i, lang) : n)) as [string, string];
    void this.render();
  }

  private header(): HTMLElement {
    const T = this.T;
    const langSel = el('select', { id: 'page-lang', 'aria-label': T('analysis_pageLanguage') }, el('option', { value: 'en' }, 'English'), el('option', { value: 'fr' }, 'Français'));
    langSel.value = this.state.lang;
    langSel.addEventListener('change', () => this.setLang(langSel.value === 'fr' ? 'fr' : 'en'));
    const views: View[] = ['analyse', 'compare', 'saved'];
    const labels: Record<View, string> = { analyse: T('analysis_navAnalyse'), compare: T('analysis_navCompare'), saved: T('analysis_navSaved') };
    const go = (v: View) => {
      this.state.view = v;
      this.state.problems = [];
      void this.render();
    };
    return el('header', { class: 'page-header' },
      el('div', { class: 'brand' }, el('h1', null, T('analysis_pageTitle')), el('p', { class: 'tagline' }, T('analysis_tagline'))),
      el('nav', { 'aria-label': T('analysis_navLabel') },
        views.map((v) => el('button', { type: 'button', class: 'nav', id: `nav-${v}`, 'aria-current': this.state.view === v ? 'page' : undefined, on: { click: () => go(v) } }, labels[v])),
        el('a', { href: '/lab.html', class: 'nav', id: 'nav-lab' }, T('analysis_navLab')),
      ),
      langSel,
    );
  }

  /** A class set's progress: the live line is updated in place (a screen reader hears the change); the first and
   * the last change of the list render the page. */
  private onReading(name: string, p: Progress | undefined): void {
    const reading = this.state.reading;
    const had = reading.size;
    if (p) reading.set(name, p);
    else reading.delete(name);
    const line = document.getElementById('file-progress');
    const next = readingStatus(reading, this.state.lang);
    if (line && next && had === reading.size) line.replaceChildren(...next.childNodes);
    else void this.render();
  }

  private renderProgress(): void {
    const p = document.getElementById('progress');
    if (p && this.state.progress) p.textContent = this.T('analysis_progress', [this.state.progress.done, this.state.progress.total]);
  }

  private setSection(): HTMLElement {
    const st = this.state;
    const clear = () => {
      st.items = [];
      st.selected = -1;
      void this.render();
    };
    return el('section', { class: 'card', 'aria-label': this.T('analysis_setTitle') },
      el('div', { class: 'row spread' }, el('h2', null, this.T('analysis_setTitle')), el('button', { type: 'button', class: 'ghost', id: 'clear-set', on: { click: clear } }, this.T('analysis_clearSet'))),
      scrollBox(this.T('table_box', [this.T('analysis_setTitle')]), setTable(st.items, st.sort, st.selected, st.lang, {
        sort: (key: SortKey) => {
          st.sort = st.sort.key === key ? { key, dir: st.sort.dir === 1 ? -1 : 1 } : { key, dir: key === 'name' ? 1 : -1 };
          void this.render();
          document.querySelector<HTMLButtonElement>(`button.sort[data-sort="${key}"]`)?.focus();
        },
        open: (id) => {
          st.selected = id;
          void this.render();
          document.getElementById('result')?.scrollIntoView({ block: 'start' });
        },
        remove: (id) => {
          st.items = st.items.filter((i) => i.id !== id);
          markDuplicates(st.items);
          if (st.selected === id) st.selected = st.items[0]?.id ?? -1;
          void this.render();
        },
      })),
    );
  }

  private analyseView(): (Node | null)[] {
    const st = this.state;
    const out: (Node | null)[] = [inputPanel(st.lang, this.inputHandlers(), () => st.items.length, st.draft), readingStatus(st.reading, st.lang)];
    if (st.progress) out.push(el('p', { id: 'progress', class: 'progress', role: 'status', 'aria-live': 'polite' }, this.T('analysis_progress', [st.progress.done, st.progress.total])));
    out.push(duplicateNotice(st.items, st.lang));
    if (st.items.length >= 2) out.push(this.setSection());
    const item = st.items.find((i) => i.id === st.selected);
    if (item?.report) {
      const report = item.report;
      const onTab = (d: DetailTab) => {
        st.detail = d;
        void this.render();
      };
      out.push(resultSection({ name: item.name, text: item.text, report: explain(report, st.lang) }, st.detail, st.lang, onTab, this.engine));
      out.push(reportPanel(item.name, item.text, st.lang, { reportIn: (l) => explain(report, l), onSaved: () => undefined }));
    } else if (item?.error) {
      out.push(el('p', { class: 'notice gate' }, this.T('analysis_failedDetail', [item.error])));
    }
    return out;
  }

  /** The view's content; only the saved reports need to be read first (storage), the rest mounts at once so that
   * focus can be put back right after a render. */
  private body(): (Node | null)[] | Promise<(Node | null)[]> {
    const st = this.state;
    if (st.view === 'analyse') return this.analyseView();
    if (st.view === 'compare') {
      const onProblem = (m: Notice) => {
        st.problems = [m];
        void this.render();
      };
      return [compareInput(st.compare, st.lang, () => void this.runCompare(), onProblem), compareResult(st.compare, st.lang)];
    }
    return savedSection(st.lang, () => void this.render()).then((x) => [x]);
  }

  private render(): Promise<void> {
    const body = this.body();
    if (body instanceof Promise) return body.then((b) => this.mountPage(b));
    this.mountPage(body);
    return Promise.resolve();
  }

  private mountPage(body: (Node | null)[]): void {
    const T = this.T;
    document.title = T('analysis_docTitle');
    const dismiss = () => {
      this.state.problems = [];
      void this.render();
    };
    const problems = this.state.problems.length
      ? el('div', { class: 'notice gate', role: 'alert', id: 'problems' },
          el('ul', null, this.state.problems.map((n) => noticeItem(n, this.state.lang))),
          el('button', { type: 'button', class: 'small ghost', on: { click: dismiss } }, T('analysis_dismiss')))
      : null;
    const scroll = window.scrollY;
    const focusedId = document.activeElement?.id;
    mount(this.root, this.header(), el('main', { id: 'main' }, problems, body));
    window.scrollTo(0, scroll);
    if (focusedId) document.getElementById(focusedId)?.focus({ preventScroll: true });
  }
}

export function mountAnalysisPage(root: HTMLElement): void {
  new AnalysisPage(root).start();
}
