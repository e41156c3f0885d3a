/** Threshold, signal switches, and what they do: score distributions per label, confusion matrix, ROC with AUROC,
 * false-positive rate per group. */
import { el } from '../dom';
import { toDom } from '../../report/markup';
import { distributionChart, rateBars, rocChart, PALETTE } from '../../report/charts';
import type { LabMetrics } from '../../lab/metrics';
import type { UiLang } from '../../engine';
import { t, tn } from '../../shared/i18n';
import { exactPercent, rateWithCount } from '../../shared/numbers';

export interface SignalSwitch {
  id: string;
  title: string;
  counted: boolean;
  on: boolean;
}

/** The threshold and the charts' axes: a setting, shown exactly ("100%" at the top of the slider). */
const fmtFor = (lang: UiLang) => (v: number) => exactPercent(v, lang);

export function controls(
  threshold: number,
  switches: SignalSwitch[],
  groupBy: string,
  groupFields: string[],
  busy: boolean,
  lang: UiLang,
  on: { threshold(v: number): void; toggle(id: string, on: boolean): void; groupBy(f: string): void },
): HTMLElement {
  const T = (k: string, s?: (string | number)[]) => t(k, s, lang);
  const pct = fmtFor(lang);
  const slider = el('input', { type: 'range', id: 'threshold', min: 0, max: 100, step: 1, value: Math.round(threshold * 100), 'aria-describedby': 'threshold-help' });
  const out = el('output', { for: 'threshold', id: 'threshold-value', class: 'big' }, pct(threshold));
  slider.addEventListener('input', () => {
    out.textContent = pct(Number(slider.value) / 100);
    on.threshold(Number(slider.value) / 100);
  });
  const groupSel = el('select', { id: 'group-by' }, groupFields.map((f) => el('option', { value: f }, T(`lab_field_${f}`))));
  groupSel.value = groupBy;
  groupSel.addEventListener('change', () => on.groupBy(groupSel.value));
  return el('section', { class: 'card', 'aria-labelledby': 'controls-title', id: 'controls' },
    el('h2', { id: 'controls-title' }, T('lab_controlsTitle')),
    el('div', { class: 'threshold-row' }, el('label', { for: 'threshold' }, T('lab_threshold')), slider, out),
    el('p', { class: 'muted small', id: 'threshold-help' }, T('lab_thresholdHelp')),
    el('fieldset', { class: 'checklist', id: 'signal-switches', disabled: busy || undefined },
      el('legend', null, T('lab_signalsLegend')),
      el('div', { class: 'toggles' }, switches.map((s) => {
        const box = el('input', { type: 'checkbox', id: `sig-${s.id}`, 'data-signal': s.id, checked: s.on || undefined, disabled: !s.counted || undefined });
        box.checked = s.on;
        box.addEventListener('change', () => on.toggle(s.id, box.checked));
        return el('span', null, box, ' ', el('label', { for: box.id }, s.title), s.counted ? null : el('small', { class: 'muted' }, ` (${T('signal_notCounted')})`));
      })),
      busy ? el('p', { class: 'muted small', role: 'status' }, T('lab_rescoring')) : null,
    ),
    el('div', { class: 'form-grid' }, el('label', { for: 'group-by' }, T('lab_groupBy')), groupSel),
  );
}

/** What the threshold-dependent parts are drawn from: the scores per label (sorted once, src/lab/sweep.ts) and the
 * figures at the current threshold. */
export interface MetricsInput {
  scores: { humans: readonly number[]; machines: readonly number[] };
  m: LabMetrics;
  threshold: number;
  lang: UiLang;
  /** A group's name as shown (the sample set's groups are translated). */
  groupName(g: string): string;
}

type Words = (k: string, s?: (string | number)[]) => string;
const wordsIn = (lang: UiLang): Words => (k, s) => t(k, s, lang);

function distPart(x: MetricsInput, T: Words): Node {
  const pct = fmtFor(x.lang);
  return toDom(distributionChart({
    title: T('lab_distTitle'),
    desc: T('lab_distDesc', [x.scores.humans.length, x.scores.machines.length, pct(x.threshold)]),
    series: [
      { label: T('lab_human'), values: [...x.scores.humans], className: 'human', fill: PALETTE.human },
      { label: T('lab_machine'), values: [...x.scores.machines], className: 'machine', fill: PALETTE.machine },
    ],
    threshold: x.threshold,
    thresholdLabel: T('lab_thresholdShort'),
    axisLabel: T('lab_scoreAxis'),
    fmt: pct,
  }), document);
}

const aurocText = (m: LabMetrics, lang: UiLang) => (Number.isFinite(m.auroc) ? (lang === 'fr' ? m.auroc.toFixed(2).replace('.', ',') : m.auroc.toFixed(2)) : '–');

function rocPart(x: MetricsInput, T: Words): Node {
  const auc = aurocText(x.m, x.lang);
  return toDom(rocChart({
    title: T('lab_rocTitle'),
    desc: T('lab_rocDesc', [auc]),
    points: x.m.roc,
    current: { fpr: x.m.confusion.fpr, tpr: x.m.confusion.tpr },
    xLabel: T('lab_rocX'),
    yLabel: T('lab_rocY'),
    aucText: `AUROC ${auc}`,
    fmt: fmtFor(x.lang),
  }), document);
}

/** Rates: to the nearest percent, always with the counts they come from. */
function ratesPart(x: MetricsInput, T: Words): Node[] {
  const c = x.m.confusion;
  return [
    document.createTextNode(T('lab_rates', [rateWithCount(c.fp, c.fp + c.tn, x.lang), rateWithCount(c.fn, c.tp + c.fn, x.lang), `AUROC ${aurocText(x.m, x.lang)}`])),
    ...(x.m.unscored ? [el('span', { class: 'muted' }, ' ' + tn('lab_unscored', x.m.unscored, [x.m.unscored], x.lang))] : []),
  ];
}

function groupsPart(x: MetricsInput, T: Words): Node {
  const groups = x.m.groups.filter((g) => g.humans > 0);
  if (!groups.length) return el('p', { class: 'empty' }, T('lab_noHumans'));
  const name = (g: string) => (g ? x.groupName(g) : T('lab_noGroup'));
  return toDom(rateBars({
    title: T('lab_groupTitle'),
    desc: groups.map((g) => `${name(g.group)}: ${rateWithCount(g.fp, g.humans, x.lang)}`).join('; '),
    rows: groups.map((g) => ({ label: name(g.group), value: g.fpr, text: rateWithCount(g.fp, g.humans, x.lang) })),
  }), document);
}

export function metricsView(x: MetricsInput): HTMLElement {
  const T = wordsIn(x.lang);
  const c = x.m.confusion;
  const cell = (n: number, kind: 'ok' | 'err', id: string, label: string) => el('td', { class: kind, id }, el('span', { class: 'big' }, n), el('small', null, label));
  const matrix = el('table', { class: 'confusion', id: 'confusion' },
    el('caption', { id: 'cm-caption' }, T('lab_matrixCaption', [fmtFor(x.lang)(x.threshold)])),
    el('thead', null, el('tr', null, el('td'), el('th', { scope: 'col' }, T('lab_flagged')), el('th', { scope: 'col' }, T('lab_notFlagged')))),
    el('tbody', null,
      el('tr', null, el('th', { scope: 'row' }, T('lab_labelHuman')), cell(c.fp, 'err', 'cm-fp', T('lab_fp')), cell(c.tn, 'ok', 'cm-tn', T('lab_tn'))),
      el('tr', null, el('th', { scope: 'row' }, T('lab_labelMachine')), cell(c.tp, 'ok', 'cm-tp', T('lab_tp')), cell(c.fn, 'err', 'cm-fn', T('lab_fn'))),
    ),
  );
  return el('div', { class: 'lab-grid', id: 'metrics' },
    el('section', { class: 'card', 'aria-labelledby': 'dist-h' }, el('h2', { id: 'dist-h' }, T('lab_distTitle')), el('div', { id: 'dist-host', class: 'chart-host' }, distPart(x, T)), el('p', { class: 'muted small' }, T('lab_distNote'))),
    el('section', { class: 'card', 'aria-labelledby': 'cm-h' }, el('h2', { id: 'cm-h' }, T('lab_matrixTitle')), matrix, el('p', { id: 'rates' }, ratesPart(x, T))),
    el('section', { class: 'card', 'aria-labelledby': 'roc-h' }, el('h2', { id: 'roc-h' }, T('lab_rocTitle')), el('div', { id: 'roc-host', class: 'chart-host', style: 'max-width: 22rem' }, rocPart(x, T)), el('p', { class: 'muted small' }, T('lab_rocNote'))),
    el('section', { class: 'card', 'aria-labelledby': 'grp-h' }, el('h2', { id: 'grp-h' }, T('lab_groupTitle')), el('div', { id: 'grp-host', class: 'chart-host' }, groupsPart(x, T)), el('p', { class: 'muted small' }, T('lab_groupNote'))),
  );
}

/** The same view at another threshold, changed in place: only the figures and the three charts are redrawn, so a
 * move of the slider costs little layout (the cards keep their size). */
export function updateMetrics(root: ParentNode, x: MetricsInput): void {
  const T = wordsIn(x.lang);
  const c = x.m.confusion;
  const set = (id: string, v: string | number) => {
    const e = root.querySelector(`#${id}`);
    if (e && e.textContent !== String(v)) e.textContent = String(v);
  };
  set('cm-fp .big', c.fp);
  set('cm-tn .big', c.tn);
  set('cm-tp .big', c.tp);
  set('cm-fn .big', c.fn);
  set('cm-caption', T('lab_matrixCaption', [fmtFor(x.lang)(x.threshold)]));
  root.querySelector('#rates')?.replaceChildren(...ratesPart(x, T));
  root.querySelector('#dist-host')?.replaceChildren(distPart(x, T));
  root.querySelector('#roc-host')?.replaceChildren(rocPart(x, T));
  root.querySelector('#grp-host')?.replaceChildren(groupsPart(x, T));
}
