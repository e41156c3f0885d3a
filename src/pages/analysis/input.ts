/** The analysis page's input: paste, drop or choose files. Reports texts (and file problems) to the page. */
import { el } from '../dom';
import { ACCEPT, readTextFiles, type FileText } from '../files/file-text';
import type { Progress } from '../files/file-reader';
import { MAX_CHARS, type UiLang } from '../../engine';
import { t } from '../../shared/i18n';
import { fileNotices, type Notice } from './file-status';

export { fileProblem } from './file-status';

/** A text to add: `source` says where a class set's row came from ("class.zip › Jane Doe_…/essay.docx"). */
export interface LoadedText {
  name: string;
  text: string;
  source?: string;
}

export interface InputHandlers {
  onTexts(texts: LoadedText[]): void;
  onProblems(problems: Notice[]): void;
  /** A class set's progress (undefined: that file is done). */
  onReading(name: string, progress: Progress | undefined): void;
}

/** The texts the engine takes (at most MAX_CHARS characters), and a one-line problem for each longer one: refused
 * before it is added to the set, so that no step spends seconds on a text the engine would refuse anyway. */
export function withinEngineLimit(texts: readonly LoadedText[]): { texts: LoadedText[]; problems: Notice[] } {
  const ok: LoadedText[] = [];
  const problems: Notice[] = [];
  for (const x of texts) {
    if (x.text.length <= MAX_CHARS) ok.push(x);
    else problems.push({ file: { name: x.name, error: 'too-long', detail: String(MAX_CHARS / 1_000_000) } });
  }
  return { texts: ok, problems };
}

export async function readFiles(files: readonly File[], h: InputHandlers): Promise<void> {
  // A class-set .zip gives one entry per file inside, and says how far it has got.
  const perFile = await Promise.all(
    files.map((f) => readTextFiles(f, (p) => h.onReading(f.name, p)).finally(() => h.onReading(f.name, undefined))),
  );
  const ok = perFile.flat().filter((r): r is Extract<FileText, { text: string }> => 'text' in r);
  const notices = fileNotices(perFile);
  if (notices.length) h.onProblems(notices);
  if (ok.length) h.onTexts(ok);
}

export function inputPanel(lang: UiLang, h: InputHandlers, pasteCount: () => number, draft: { value: string }): HTMLElement {
  const T = (k: string, s?: (string | number)[]) => t(k, s, lang);
  const area = el('textarea', { id: 'paste', rows: 9, spellcheck: 'false', placeholder: T('analysis_pastePlaceholder') });
  area.value = draft.value;
  area.addEventListener('input', () => (draft.value = area.value));
  // Hidden: the visible button opens it. Out of the tab order, so the keyboard meets one control, not two.
  const fileInput = el('input', { type: 'file', id: 'files', accept: ACCEPT, multiple: true, class: 'visually-hidden', tabindex: -1 });
  fileInput.addEventListener('change', () => {
    const files = [...(fileInput.files ?? [])];
    fileInput.value = '';
    void readFiles(files, h);
  });
  const analyseBtn = el('button', { type: 'submit', class: 'primary', id: 'analyse-btn' }, T('analysis_analyseButton'));
  const form = el(
    'form',
    {
      class: 'input-form',
      on: {
        submit: (e) => {
          e.preventDefault();
          const text = area.value;
          if (!text.trim()) {
            area.focus();
            return;
          }
          h.onTexts([{ name: T('analysis_pastedName', [pasteCount() + 1]), text }]);
          // The text now lives in the set; an empty box says the paste was taken.
          area.value = draft.value = '';
        },
      },
    },
    el('label', { for: 'paste' }, T('analysis_pasteLabel')),
    area,
    el('div', { class: 'row' }, analyseBtn, el('span', { class: 'muted' }, T('analysis_localOnly'))),
  );
  const drop = el(
    'div',
    { class: 'dropzone', id: 'dropzone' },
    el('p', null, T('analysis_dropHint')),
    el('button', { type: 'button', id: 'choose-files', on: { click: () => fileInput.click() } }, T('analysis_chooseFiles')),
    el('label', { for: 'files', class: 'visually-hidden' }, T('analysis_chooseFiles')),
    fileInput,
    el('p', { class: 'muted small' }, T('analysis_fileTypes')),
  );
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    const files = [...(e.dataTransfer?.files ?? [])];
    if (files.length) void readFiles(files, h);
  });
  return el('section', { class: 'card input-card', 'aria-labelledby': 'input-title' }, el('h2', { id: 'input-title' }, T('analysis_inputTitle')), el('div', { class: 'input-grid' }, form, drop));
}
