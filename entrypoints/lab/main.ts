/**
 * The workshop lab (false positives): load or build a labelled set, see the score distributions per label, move
 * the threshold, switch signals off, look at errors per group, open any text to see why. Wiring only; the views
 * are in the modules beside this file, the logic in src/lab/. Nothing is stored; export the set to keep it.
 */
import '@/src/ui/pages.css';
import { el, mount } from '@/src/ui/dom';
import { levelCss } from '@/src/report/teacher';
import { t, uiLanguage } from '@/src/ui/i18n';
import { createLabClient } from '@/src/lab/lab-client';
import { countedSignals } from '@/src/lab/scorer';
import { labMetrics, type LabRow } from '@/src/lab/metrics';
import { parseDataset, type LabItem, type Problem } from '@/src/lab/dataset';
import type { LabResult } from '@/src/lab/scorer';
import { SIGNALS } from '@/src/engine/signals/index';
import { REFERENCE } from '@/src/engine/score/analyse';
import type { UiLang } from '@/src/engine/types';
import sampleSet from '@/assets/lab/sample-set.jsonl?raw';
import { intro } from './intro';
import { dataCard } from './data';
import { controls, metricsView } from './metrics-view';
import { showTextDialog, textsView, type Filter } from './texts-view';

const GROUP_FIELDS = ['group', 'domain', 'source', 'lang', 'generator'] as const;
type GroupField = (typeof GROUP_FIELDS)[number];

interface State {
  lang: UiLang;
  introOpen: boolean;
  items: LabItem[];
  results: Map<string, LabResult>;
  scores: Map<string, number | null>;
  disabled: string[];
  threshold: number;
  groupBy: GroupField;
  filter: Filter;
  /** Rows shown in the texts table (long sets are shown 100 at a time so the threshold stays live). */
  limit: number;
  problems?: { file: string; list: Problem[] };
  loading?: { done: number; total: number };
  rescoring: boolean;
}

function main(): void {
  const root = document.getElementById('app')!;
  // Sentence levels drawn exactly as on web pages (tint + underline style), from the painter's own table.
  document.head.append(el('style', null, levelCss('mark.lvl')));
  const client = createLabClient();
  const counted = new Set(countedSignals());
  const state: State = {
    lang: uiLanguage(),
    introOpen: true,
    items: [],
    results: new Map(),
    scores: new Map(),
    disabled: [],
    threshold: REFERENCE.threshold ?? 0.9,
    groupBy: 'group',
    filter: 'all',
    limit: 100,
    rescoring: false,
  };
  let built = 0;
  const T = (k: string, s?: (string | number)[]) => t(k, s, state.lang);

  const groupOf = (i: LabItem) => (i[state.groupBy] as string | undefined) ?? '';
  const bestGroupField = (items: LabItem[]): GroupField => GROUP_FIELDS.find((f) => items.some((i) => i[f] !== undefined)) ?? 'group';

  async function analyseAll(): Promise<void> {
    state.loading = { done: 0, total: state.items.length };
    state.results = new Map();
    state.scores = new Map();
    render();
    try {
      const results = await client.load(state.items.map((i) => ({ id: i.id, text: i.text })), state.lang, (done, total) => {
        state.loading = { done, total };
        const p = document.getElementById('lab-progress');
        if (p) p.textContent = T('analysis_progress', [done, total]);
      });
      state.results = new Map(results.map((r) => [r.id, r]));
      state.scores = state.disabled.length ? await client.rescore(state.disabled) : new Map(results.map((r) => [r.id, r.score]));
    } catch (e) {
      state.problems = { file: '', list: [{ line: 0, code: 'empty-file', detail: String(e) }] };
    }
    state.loading = undefined;
    render();
  }

  function setItems(items: LabItem[], replace: boolean): void {
    state.items = replace ? items : [...state.items, ...items.filter((i) => !state.items.some((x) => x.id === i.id))];
    state.groupBy = bestGroupField(state.items);
    void analyseAll();
  }

  function rows(): LabRow[] {
    return state.items.map((i) => ({ label: i.label, score: state.scores.get(i.id) ?? null, group: groupOf(i) }));
  }

  /** Only the parts that depend on the threshold are redrawn while the slider moves. */
  function renderMetrics(): void {
    const host = document.getElementById('metrics-host');
    if (!host) return;
    const r = rows();
    mount(host, metricsView(r, labMetrics(r, state.threshold), state.threshold, state.lang), textsPart());
  }

  function textsPart(): HTMLElement {
    return textsView(state.items, state.scores, state.threshold, groupOf, state.filter, state.limit, state.lang, {
      more: () => {
        state.limit += 100;
        renderMetrics();
        document.getElementById('texts-more')?.focus();
      },
      filter: (f) => {
        state.filter = f;
        state.limit = 100;
        renderMetrics();
        document.getElementById('text-filter')?.focus();
      },
      open: async (id) => {
        const item = state.items.find((i) => i.id === id);
        const report = item && (await client.report(id, state.disabled));
        if (item && report) showTextDialog(item, report, state.lang);
      },
    });
  }

  function header(): HTMLElement {
    const langSel = el('select', { id: 'page-lang', 'aria-label': T('analysis_pageLanguage') }, el('option', { value: 'en' }, 'English'), el('option', { value: 'fr' }, 'Français'));
    langSel.value = state.lang;
    langSel.addEventListener('change', () => {
      state.lang = langSel.value === 'fr' ? 'fr' : 'en';
      document.documentElement.lang = state.lang;
      if (state.items.length) void analyseAll();
      else render();
    });
    return el('header', { class: 'page-header' },
      el('div', { class: 'brand' }, el('h1', null, T('lab_pageTitle')), el('p', { class: 'tagline' }, T('lab_tagline'))),
      el('nav', { 'aria-label': T('analysis_navLabel') }, el('a', { href: '/analysis.html', class: 'nav', id: 'nav-analysis' }, T('lab_navAnalysis'))),
      langSel,
    );
  }

  function render(): void {
    document.title = T('lab_docTitle');
    const handlers = {
      load: (items: LabItem[], problems: Problem[], file: string, replace: boolean) => {
        state.problems = problems.length ? { file, list: problems } : undefined;
        if (items.length) setItems(items, replace);
        else render();
      },
      sample: () => {
        const r = parseDataset(sampleSet, 'sample-set.jsonl');
        state.problems = undefined;
        setItems(r.items, true);
      },
      add: (item: Omit<LabItem, 'id'>) => {
        built++;
        let id = `text-${built}`;
        while (state.items.some((i) => i.id === id)) id = `text-${++built}`;
        state.items = [...state.items, { id, ...item }];
        void analyseAll();
      },
      clear: () => {
        state.items = [];
        state.results = new Map();
        state.scores = new Map();
        state.problems = undefined;
        render();
      },
    };
    const parts: (Node | null)[] = [
      intro(state.lang, state.introOpen, (open) => (state.introOpen = open)),
      dataCard(state.items, state.problems, state.lang, handlers),
    ];
    if (state.loading) {
      parts.push(el('p', { class: 'progress card', id: 'lab-progress', role: 'status', 'aria-live': 'polite' }, T('analysis_progress', [state.loading.done, state.loading.total])));
    } else if (state.items.length && state.results.size) {
      const switches = SIGNALS.map((s) => ({ id: s.id, title: s.title[state.lang], counted: counted.has(s.id), on: !state.disabled.includes(s.id) }));
      parts.push(controls(state.threshold, switches, state.groupBy, [...GROUP_FIELDS], state.rescoring, state.lang, {
        threshold: (v) => {
          state.threshold = v;
          renderMetrics();
        },
        toggle: async (id, on) => {
          state.disabled = on ? state.disabled.filter((d) => d !== id) : [...state.disabled, id];
          state.rescoring = true;
          render();
          state.scores = await client.rescore(state.disabled);
          state.rescoring = false;
          render();
          document.getElementById(`sig-${id}`)?.focus();
        },
        groupBy: (f) => {
          state.groupBy = f as GroupField;
          renderMetrics();
        },
      }));
      parts.push(el('div', { id: 'metrics-host' }));
    }
    const scroll = window.scrollY;
    const focused = document.activeElement?.id;
    mount(root, header(), el('main', { id: 'main' }, parts));
    renderMetrics();
    window.scrollTo(0, scroll);
    if (focused) document.getElementById(focused)?.focus({ preventScroll: true });
  }

  document.documentElement.lang = state.lang;
  render();
  window.addEventListener('pagehide', () => client.dispose());
}

main();
