/** The teacher report panel: options (language, title, include the text, process checklist), then print/download/
 * save. The report is built from the text's result worded in the chosen language (never re-analysed). */
import { download, el } from '../dom';
import { buildTeacherReport, CHECKLIST, reportFileName, reportHtml, reportJson, type ChecklistId, type TeacherReport } from '../../report/teacher';
import { saveReport } from '../../report/storage';
import type { ExplainedReport, UiLang } from '../../engine';
import { t } from '../../shared/i18n';

export interface ReportPanelDeps {
  /** The result of this text worded in `lang`. */
  reportIn(lang: UiLang): ExplainedReport;
  onSaved(): void;
}

export function openHtmlInTab(html: string): void {
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
  window.open(url, '_blank', 'noopener');
  setTimeout(() => URL.revokeObjectURL(url), 120_000);
}

export function reportPanel(name: string, text: string, pageLang: UiLang, deps: ReportPanelDeps): HTMLElement {
  const T = (k: string, s?: (string | number)[]) => t(k, s, pageLang);
  const langSel = el('select', { id: 'report-lang' }, el('option', { value: 'en' }, 'English'), el('option', { value: 'fr' }, 'Français'));
  langSel.value = pageLang;
  const title = el('input', { type: 'text', id: 'report-title', value: name, autocomplete: 'off' });
  const include = el('input', { type: 'checkbox', id: 'report-include' });
  const checks = CHECKLIST.map((id) => el('input', { type: 'checkbox', id: `check-${id}`, value: id }));
  const status = el('p', { class: 'status', role: 'status', 'aria-live': 'polite', id: 'report-status' });

  const build = async (): Promise<TeacherReport> => {
    const lang = langSel.value === 'fr' ? 'fr' : 'en';
    const report = deps.reportIn(lang);
    return buildTeacherReport(report, text, {
      lang,
      includeText: include.checked,
      title: title.value,
      checked: checks.filter((c) => c.checked).map((c) => c.value as ChecklistId),
    });
  };
  const act = (fn: (m: TeacherReport) => void | Promise<void>, done: string) => () => {
    void (async () => {
      try {
        const m = await build();
        await fn(m);
        status.textContent = done;
      } catch (e) {
        status.textContent = T('analysis_reportFailed', [e instanceof Error ? e.message : String(e)]);
      }
    })();
  };

  return el(
    'section',
    { class: 'card report-panel', 'aria-labelledby': 'report-heading' },
    el('h2', { id: 'report-heading' }, T('analysis_reportTitle')),
    el('p', { class: 'muted' }, T('analysis_reportIntro')),
    el('div', { class: 'form-grid' },
      el('label', { for: 'report-lang' }, T('analysis_reportLang')), langSel,
      el('label', { for: 'report-title' }, T('analysis_reportName')), title,
    ),
    el('p', null, include, ' ', el('label', { for: 'report-include' }, T('analysis_reportInclude'))),
    el('fieldset', { class: 'checklist' },
      el('legend', null, T('report_checklistHeading')),
      checks.map((c, i) => el('div', null, c, ' ', el('label', { for: c.id }, t(`report_check_${CHECKLIST[i]}`, undefined, pageLang)))),
    ),
    el('div', { class: 'row buttons' },
      el('button', { type: 'button', class: 'primary', id: 'report-open', on: { click: act((m) => openHtmlInTab(reportHtml(m)), T('analysis_reportOpened')) } }, T('analysis_reportOpen')),
      el('button', { type: 'button', id: 'report-html', on: { click: act((m) => download(reportFileName(m, 'html'), reportHtml(m), 'text/html;charset=utf-8'), T('analysis_reportDownloaded')) } }, T('analysis_reportHtml')),
      el('button', { type: 'button', id: 'report-json', on: { click: act((m) => download(reportFileName(m, 'json'), reportJson(m), 'application/json'), T('analysis_reportDownloaded')) } }, T('analysis_reportJson')),
      el('button', { type: 'button', id: 'report-save', on: { click: act(async (m) => { await saveReport(m); deps.onSaved(); }, T('analysis_reportSaved')) } }, T('analysis_reportSave')),
    ),
    status,
    el('p', { class: 'muted small' }, T('analysis_reportStorage')),
  );
}
