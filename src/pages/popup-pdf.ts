/**
 * popup-pdf — the popup's offer for a tab that shows a PDF in the browser's own viewer: "Open this PDF in the
 * analysis page" (Chrome), which hands the analysis page the tab's id only; the page reads the PDF from the
 * browser's cache (analysis/pdf-tab.ts). Firefox's built-in viewer cannot be scripted by any extension: there the
 * popup says so and points to saving the file instead.
 *
 * API: `isPdfDocument(tabId)` -> whether the tab's document is a PDF (for PDFs whose URL does not end in .pdf);
 * `pdfItem(tabId, ui)` -> the popup's element.
 */
import { browser } from 'wxt/browser';
import type { UiLang } from '../engine';
import { t } from '../shared/i18n';
import { openAnalysisPageForPdf } from '../shared/open-pages';
import { h } from './h';

export async function isPdfDocument(tabId: number): Promise<boolean> {
  try {
    const [r] = await browser.scripting.executeScript({ target: { tabId }, func: () => document.contentType === 'application/pdf' });
    return r?.result === true;
  } catch {
    return false;
  }
}

export function pdfItem(tabId: number, ui: UiLang, firefox = import.meta.env.FIREFOX): HTMLElement {
  if (firefox) return h('p', { class: 'note pdf-item', attrs: { id: 'pdf-note' }, text: t('popup_pdfFirefox', undefined, ui) });
  return h('div', { class: 'pdf-item' },
    h('button', { class: 'primary', text: t('popup_openPdf', undefined, ui), attrs: { type: 'button', id: 'open-pdf', 'aria-describedby': 'open-pdf-help' }, on: {
      click: () => void openAnalysisPageForPdf(tabId).then(() => window.close()),
    } }),
    h('p', { class: 'note', attrs: { id: 'open-pdf-help' }, text: t('popup_openPdfHelp', undefined, ui) }),
  );
}
