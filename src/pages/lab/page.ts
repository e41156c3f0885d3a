/**
 * The workshop lab (false positives): load or build a labelled set, see the score distributions per label, move
 * the threshold, switch signals off, look at errors per group, open any text to see why. `mountLabPage(root)` is
 * all entrypoints/lab/main.ts calls; the views are in the modules beside this file, the set's logic in src/lab/,
 * and the scoring in the engine worker (engine-client.ts). A language switch re-words, never re-scores. Nothing is
 * stored; export the set to keep it.
 */
import '../pages.css';
import { el, mount } from '../dom';
import { levelCss } from '../../report/teacher';
import { t, uiLanguage } from '../../shared/i18n';
import { createEngineClient, type EngineClient } from '../engine-client';
import type { LabRow } from '../../lab/metrics';
import { thresholdSweep, type ThresholdSweep } from '../../lab/sweep';
import { parseDataset, type LabItem, type Problem } from '../../lab/dataset';
import type { LabResult } from '../../lab/scorer';
import { SIGNAL_IDS, signalTitle, type UiLang } from '../../engine';
import sampleSet from '../../../assets/lab/sample-set.jsonl?raw';
import { intro } from './intro';
import { dataCard, type DataHandlers } from './data';
import { controls, metricsView, updateMetrics, type MetricsInput } from './metrics-view';
import { showTextDialog, textsView, updateOutcomes, type Filter } from './texts-view';
import { sampleName } from './sample-names';

const GROUP_FIELDS = ['group', 'domain', 'source', 'lang', 'generator'] as const;
type GroupField = (typeof GROUP_FIELDS)[number];
/** Rows of the texts table shown at a time (long sets stay responsive while the threshold moves). */
const ROWS_STEP = 100;
/** The list of texts follows the slider once it rests this long (ms): while it moves, only the figures and charts are
 * redrawn, so that each move costs well under one frame. */
const TABLE_SETTLE_MS = 120;

interface State {
  lang: UiLang;
  introOpen: boolean;
  items: LabItem[];
  results: Map<string, LabResult>;
  scores: Map<string, number | null>;
  disabled: string[];
  threshold: number;
  /** Signals that carry weight in the shipped combination (from the engine worker). */
  counted: Set<string>;
  groupBy: GroupField;
  filter: Filter;
  limit: number;
  /** What went wrong with the last file, and how many texts it gave (0: nothing was added). */
  problems?: { file: string; list: Problem[]; loaded?: number };
  loading?: { done: number; total: number };
  rescoring: boolean;
}

class LabPage {
  private readonly engine: EngineClient = createEngineClient();
  private built = 0;
  /** The scores sorted once for the slider (src/lab/sweep.ts), for one map of scores and one grouping. */
  private sweep?: { scores: Map<string, number | null>; groupBy: GroupField; items: LabItem[]; sweep: ThresholdSweep };
  /** The animation frame that will show the slider's latest value (moves in between are coalesced). */
  private frame = 0;
  /** The timer that brings the list of texts up to date once the slider rests. */
  private tableTimer = 0;
  private readonly state: State = {
    lang: uiLanguage(),
    introOpen: true,
    items: [],
    results: new Map(),
    scores: new Map(),
    disabled: [],
    threshold: 0.9,
    counted: new Set(),
    groupBy: 'group',
    filter: 'all',
    limit: ROWS_STEP,
    rescoring: false,
  };

  constructor(private readonly root: HTMLElement) {}

  private T = (k: string, s?: (string | number)[]) => t(k, s, this.state.lang);
  private groupOf = (i: LabItem) => i[this.state.groupBy] ?? '';
  /** A group as shown: the sample set's own names in the page's language, any other name as written. */
  private groupName = (g: string) => sampleName(g, this.state.lang);

  start(): void {
    // Sentence levels drawn exactly as on web pages (tint + underline style), from the shared level table.
    document.head.append(el('style', null, levelCss('mark.lvl')));
    document.documentElement.lang = this.state.lang;
    this.render();
    this.engine.info().then(({ threshold, weights }) => {
      this.state.threshold = threshold;
      this.state.counted = new Set(Object.keys(weights).filter((id) => (weights[id] ?? 0) > 0));
      this.render();
    }, (e: unknown) => this.failed(e));
    window.addEventListener('pagehide', () => this.engine.dispose());
  }

  private failed(e: unknown): void {
    this.state.problems = { file: '', list: [{ line: 0, code: 'scoring-failed', detail: e instanceof Error ? e.message : String(e) }] };
  }

  private async analyseAll(): Promise<void> {
    const st = this.state;
    st.loading = { done: 0, total: st.items.length };
    st.results = new Map();
    st.scores = new Map();
    this.render();
    try {
      const results = await this.engine.labLoad(st.items.map((i) => ({ id: i.id, text: i.text })), (done, total) => {
        st.loading = { done, total };
        const p = document.getElementById('lab-progress');
        if (p) p.textContent = this.T('analysis_progress', [done, total]);
      });
      st.results = new Map(results.map((r) => [r.id, r]));
      st.scores = st.disabled.length ? await this.engine.labRescore(st.disabled) : new Map(results.map((r) => [r.id, r.score]));
    } catch (e) {
      this.failed(e);
    }
    st.loading = undefined;
    this.render();
  }

  private setItems(items: LabItem[], replace: boolean): void {
    const st = this.state;
    st.items = replace ? items : [...st.items, ...items.filter((i) => !st.items.some((x) => x.id === i.id))];
    st.groupBy = GROUP_FIELDS.find((f) => st.items.some((i) => i[f] !== undefined)) ?? 'group';
    void this.analyseAll();
  }

  private rows(): LabRow[] {
    return this.state.items.map((i) => ({ label: i.label, score: this.state.scores.get(i.id) ?? null, group: this.groupOf(i) }));
  }

  private sweepNow(): ThresholdSweep {
    const st = this.state;
    const c = this.sweep;
    if (c && c.scores === st.scores && c.groupBy === st.groupBy && c.items === st.items) return c.sweep;
    const sweep = thresholdSweep(this.rows());
    this.sweep = { scores: st.scores, groupBy: st.groupBy, items: st.items, sweep };
    return sweep;
  }

  private metricsInput(): MetricsInput {
    const sweep = this.sweepNow();
    const st = this.state;
    return { scores: sweep.scores, m: sweep.at(st.threshold), threshold: st.threshold, lang: st.lang, groupName: this.groupName };
  }

  /** The parts that depend on the threshold, drawn anew (a new set, a filter, a grouping). */
  private renderMetrics(): void {
    const host = document.getElementById('metrics-host');
    if (!host) return;
    mount(host, metricsView(this.metricsInput()), this.textsPart());
  }

  /** A move of the slider: shown at the next frame, in place, from the sorted scores (no pass over the texts, no
   * new layout of the page), however many moves arrive before it. */
  private moveThreshold(v: number): void {
    this.state.threshold = v;
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const host = document.getElementById('metrics-host');
      if (!host?.firstChild) return this.renderMetrics();
      updateMetrics(host, this.metricsInput());
      document.getElementById('texts')?.setAttribute('aria-busy', 'true');
      clearTimeout(this.tableTimer);
      this.tableTimer = window.setTimeout(() => this.updateTexts(), TABLE_SETTLE_MS);
    });
  }

  /** The list of texts at the current threshold: outcome cells changed in place, or the table drawn again. */
  private updateTexts(): void {
    const st = this.state;
    const texts = document.getElementById('texts');
    if (!texts) return;
    if (updateOutcomes(texts, st.items, st.scores, st.threshold, st.filter, st.lang)) texts.removeAttribute('aria-busy');
    else texts.replaceWith(this.textsPart());
  }

  private textsPart(): HTMLElement {
    const st = this.state;
    return textsView(st.items, st.scores, st.threshold, (i) => this.groupName(this.groupOf(i)), st.filter, st.limit, st.lang, {
      more: () => {
        st.limit += ROWS_STEP;
        this.renderMetrics();
        document.getElementById('texts-more')?.focus();
      },
      filter: (f) => {
        st.filter = f;
        st.limit = ROWS_STEP;
        this.renderMetrics();
        document.getElementById('text-filter')?.focus();
      },
      open: (id) => {
        const item = st.items.find((i) => i.id === id);
        if (!item) return;
        this.engine.labReport(id, st.disabled).then((report) => {
          if (report) showTextDialog(item, report, st.lang);
        }, () => undefined);
      },
    });
  }

  private header(): HTMLElement {
    const T = this.T;
    const langSel = el('select', { id: 'page-lang', 'aria-label': T('analysis_pageLanguage') }, el('option', { value: 'en' }, 'English'), el('option', { value: 'fr' }, 'Français'));
    langSel.value = this.state.lang;
    langSel.addEventListener('change', () => {
      this.state.lang = langSel.value === 'fr' ? 'fr' : 'en';
      document.documentElement.lang = this.state.lang;
      this.render();
    });
    return el('header', { class: 'page-header' },
      el('div', { class: 'brand' }, el('h1', null, T('lab_pageTitle')), el('p', { class: 'tagline' }, T('lab_tagline'))),
      el('nav', { 'aria-label': T('analysis_navLabel') }, el('a', { href: '/analysis.html', class: 'nav', id: 'nav-analysis' }, T('lab_navAnalysis'))),
      langSel,
    );
  }

  private dataHandlers(): DataHandlers {
    const st = this.state;
    return {
      load: (items, problems, file, replace) => {
        st.problems = problems.length ? { file, list: problems, loaded: items.length } : undefined;
        if (items.length) this.setItems(items, replace);
        else this.render();
      },
      sample: () => {
        st.problems = undefined;
        this.setItems(parseDataset(sampleSet, 'sample-set.jsonl').items, true);
      },
      add: (item) => {
        this.built++;
        let id = `text-${this.built}`;
        while (st.items.some((i) => i.id === id)) id = `text-${++this.built}`;
        st.items = [...st.items, { id, ...item }];
        void this.analyseAll();
      },
      clear: () => {
        st.items = [];
        st.results = new Map();
        st.scores = new Map();
        st.problems = undefined;
        this.render();
      },
    };
  }

  private async toggle(id: string, on: boolean): Promise<void> {
    const st = this.state;
    st.disabled = on ? st.disabled.filter((d) => d !== id) : [...st.disabled, id];
    st.rescoring = true;
    this.render();
    st.scores = await this.engine.labRescore(st.disabled).catch((e: unknown) => {
      this.failed(e);
      return st.scores;
    });
    st.rescoring = false;
    this.render();
    document.getElementById(`sig-${id}`)?.focus();
  }

  private controlsPart(): HTMLElement {
    const st = this.state;
    const switches = SIGNAL_IDS.map((id) => ({ id, title: signalTitle(id, st.lang), counted: st.counted.has(id), on: !st.disabled.includes(id) }));
    return controls(st.threshold, switches, st.groupBy, [...GROUP_FIELDS], st.rescoring, st.lang, {
      threshold: (v) => this.moveThreshold(v),
      toggle: (id, on) => void this.toggle(id, on),
      groupBy: (f) => {
        st.groupBy = f as GroupField;
        this.renderMetrics();
      },
    });
  }

  private render(): void {
    const st = this.state;
    document.title = this.T('lab_docTitle');
    const parts: (Node | null)[] = [
      intro(st.lang, st.introOpen, (open) => (st.introOpen = open)),
      dataCard(st.items, st.problems, st.lang, this.dataHandlers()),
    ];
    if (st.loading) {
      parts.push(el('p', { class: 'progress card', id: 'lab-progress', role: 'status', 'aria-live': 'polite' }, this.T('analysis_progress', [st.loading.done, st.loading.total])));
    } else if (st.items.length && st.results.size) {
      parts.push(this.controlsPart(), el('div', { id: 'metrics-host' }));
    }
    const scroll = window.scrollY;
    const focused = document.activeElement?.id;
    mount(this.root, this.header(), el('main', { id: 'main' }, parts));
    this.renderMetrics();
    window.scrollTo(0, scroll);
    if (focused) document.getElementById(focused)?.focus({ preventScroll: true });
  }
}

export function mountLabPage(root: HTMLElement): void {
  new LabPage(root).start();
}
