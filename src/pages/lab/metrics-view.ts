/** Threshold, signal switches, and what they do: score distributions per label, confusion matrix, ROC with AUROC,
 * false-positive rate per group. */
import { el } from '../dom';
import { toDom } from '../../report/markup';
import { distributionChart, rateBars, rocChart, PALETTE } from '../../report/charts';
import type { LabMetrics, LabRow } from '../../lab/metrics';
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

export function metricsView(rows: LabRow[], m: LabMetrics, threshold: number, lang: UiLang): HTMLElement {
  const T = (k: string, s?: (string | number)[]) => t(k, s, lang);
  const pct = fmtFor(lang);
  const humans = rows.filter((r) => r.label === 'human' && r.score !== null).map((r) => r.score as number);
  const machines = rows.filter((r) => r.label === 'machine' && r.score !== null).map((r) => r.score as number);
  const c = m.confusion;
  const dist = distributionChart({
    title: T('lab_distTitle'),
    desc: T('lab_distDesc', [humans.length, machines.length, pct(threshold)]),
    series: [
      { label: T('lab_human'), values: humans, className: 'human', fill: PALETTE.human },
      { label: T('lab_machine'), values: machines, className: 'machine', fill: PALETTE.machine },
    ],
    threshold,
    thresholdLabel: T('lab_thresholdShort'),
    axisLabel: T('lab_scoreAxis'),
    fmt: pct,
  });
  const auc = Number.isFinite(m.auroc) ? (lang === 'fr' ? m.auroc.toFixed(2).replace('.', ',') : m.auroc.toFixed(2)) : '–';
  const roc = rocChart({
    title: T('lab_rocTitle'),
    desc: T('lab_rocDesc', [auc]),
    points: m.roc,
    current: { fpr: c.fpr, tpr: c.tpr },
    xLabel: T('lab_rocX'),
    yLabel: T('lab_rocY'),
    aucText: `AUROC ${auc}`,
    fmt: pct,
  });
  const cell = (n: number, kind: 'ok' | 'err', id: string, label: string) => el('td', { class: kind, id }, el('span', { class: 'big' }, n), el('small', null, label));
  const matrix = el('table', { class: 'confusion', id: 'confusion' },
    el('caption', null, T('lab_matrixCaption', [pct(threshold)])),
    el('thead', null, el('tr', null, el('td'), el('th', { scope: 'col' }, T('lab_flagged')), el('th', { scope: 'col' }, T('lab_notFlagged')))),
    el('tbody', null,
      el('tr', null, el('th', { scope: 'row' }, T('lab_labelHuman')), cell(c.fp, 'err', 'cm-fp', T('lab_fp')), cell(c.tn, 'ok', 'cm-tn', T('lab_tn'))),
      el('tr', null, el('th', { scope: 'row' }, T('lab_labelMachine')), cell(c.tp, 'ok', 'cm-tp', T('lab_tp')), cell(c.fn, 'err', 'cm-fn', T('lab_fn'))),
    ),
  );
  // Rates: to the nearest percent, always with the counts they come from.
  const rates = el('p', { id: 'rates' },
    T('lab_rates', [rateWithCount(c.fp, c.fp + c.tn, lang), rateWithCount(c.fn, c.tp + c.fn, lang), `AUROC ${auc}`]),
    m.unscored ? el('span', { class: 'muted' }, ' ' + tn('lab_unscored', m.unscored, [m.unscored], lang)) : null,
  );
  const groups = m.groups.filter((g) => g.humans > 0);
  const bars = rateBars({
    title: T('lab_groupTitle'),
    desc: groups.map((g) => `${g.group || T('lab_noGroup')}: ${rateWithCount(g.fp, g.humans, lang)}`).join('; '),
    rows: groups.map((g) => ({ label: g.group || T('lab_noGroup'), value: g.fpr, text: rateWithCount(g.fp, g.humans, lang) })),
  });
  return el('div', { class: 'lab-grid', id: 'metrics' },
    el('section', { class: 'card', 'aria-labelledby': 'dist-h' }, el('h2', { id: 'dist-h' }, T('lab_distTitle')), toDom(dist, document), el('p', { class: 'muted small' }, T('lab_distNote'))),
    el('section', { class: 'card', 'aria-labelledby': 'cm-h' }, el('h2', { id: 'cm-h' }, T('lab_matrixTitle')), matrix, rates),
    el('section', { class: 'card', 'aria-labelledby': 'roc-h' }, el('h2', { id: 'roc-h' }, T('lab_rocTitle')), el('div', { style: 'max-width: 22rem' }, toDom(roc, document)), el('p', { class: 'muted small' }, T('lab_rocNote'))),
    el('section', { class: 'card', 'aria-labelledby': 'grp-h' }, el('h2', { id: 'grp-h' }, T('lab_groupTitle')), groups.length ? toDom(bars, document) : el('p', { class: 'empty' }, T('lab_noHumans')), el('p', { class: 'muted small' }, T('lab_groupNote'))),
  );
}
