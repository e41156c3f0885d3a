/**
 * file-text — plain text out of the files a teacher drops on the analysis page: .txt, .md, .html, .docx, .odt, .pdf,
 * and class-set .zip archives (Moodle, Canvas, a folder zipped by hand).
 *
 * - .txt: decoded as UTF-8, or UTF-16 when a byte-order mark says so (the mark is dropped), or Windows-1252 when the
 *   bytes are not UTF-8 (plain-text.ts `decodeText`); .md and .html too.
 * - .md: markdown syntax removed (headings, emphasis, links and images -> their text, list and quote markers, code
 *   fences), so that markup does not count as words.
 * - .html/.htm: parsed with DOMParser (an inert document: nothing runs, nothing loads, nothing is rendered); script,
 *   style, noscript, template, svg and head are dropped; block elements become paragraph breaks; `textContent` only.
 * - .docx, .odt/.ott, .pdf and .zip: read in the file worker (src/pages/files/: the zip guard, mammoth, the ODT
 *   reader, pdf.js, the class-set reader), never on this thread; see those modules for what each reads and refuses.
 *   Rows of a class set that are HTML or markdown come back as source and are finished here.
 * API: `readTextFile(file)` -> `{ name, text }` or `{ name, error, detail? }` (codes: src/pages/files/read-result.ts);
 * `readTextFiles(file, onProgress?)` -> a list: one entry per file of a class-set .zip (rows named after the student,
 * with `source` = "archive › path"; skipped files as errors named by their path inside, with `archive` set), else the
 * one entry of `readTextFile` (which, for one text, answers a .zip with `several-texts`); `onProgress({ done, total })` follows a class set file by file. `htmlToText(html)`, `stripMarkdown(md)`; ACCEPT for the file input, ACCEPT_ONE for a field that takes one text.
 * Limits: MAX_FILE_BYTES per file, MAX_ARCHIVE_BYTES per class-set zip (and the limits in archive-guard.ts, pdf.ts,
 * class-set-archive.ts); text inside images or scanned PDFs cannot be read (no OCR).
 */
import { CLASS_SET_LIMITS } from './archive-guard';
import { readInWorker } from './file-worker-client';
import type { Progress, WorkerKind } from './file-reader';
import { decodeText, isBinary, TEXT_FORMATS, tidy } from './plain-text';
import { megabytes, type ReadError } from './read-result';

export const ACCEPT =
  '.txt,.md,.markdown,.html,.htm,.docx,.odt,.ott,.pdf,.zip,text/plain,text/markdown,text/html,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text,application/pdf,application/zip';
/** The same kinds for a field that takes one text (Compare): no class-set .zip. */
export const ACCEPT_ONE = ACCEPT.split(',').filter((x) => !x.includes('zip')).join(',');
export const MAX_FILE_BYTES = 15 * 1024 * 1024;
export const MAX_ARCHIVE_BYTES = CLASS_SET_LIMITS.maxArchiveBytes;

export type FileError = ReadError;
export type FileText = { name: string; text: string; source?: string } | { name: string; error: FileError; detail?: string; archive?: string };

const BLOCKS = 'p,div,section,article,aside,header,footer,main,nav,li,dt,dd,h1,h2,h3,h4,h5,h6,blockquote,pre,tr,table,figure,figcaption,ul,ol,dl,hr,address';

export function htmlToText(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  doc.querySelectorAll('script,style,noscript,template,svg,iframe,object,canvas,head').forEach((n) => n.remove());
  const body = doc.body;
  if (!body) return '';
  // Source line breaks are spaces in HTML, except inside <pre>.
  const walker = doc.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!(n.parentElement && n.parentElement.closest('pre'))) n.nodeValue = (n.nodeValue ?? '').replace(/\s+/g, ' ');
  }
  body.querySelectorAll('br').forEach((br) => br.replaceWith(doc.createTextNode('\n')));
  body.querySelectorAll(BLOCKS).forEach((b) => {
    b.before(doc.createTextNode('\n\n'));
    b.after(doc.createTextNode('\n\n'));
  });
  return tidy(body.textContent ?? '');
}

export function stripMarkdown(md: string): string {
  let s = md.replace(/\r\n?/g, '\n');
  s = s.replace(/^---\n[\s\S]*?\n---\n/, ''); // front matter
  s = s.replace(/^```.*$/gm, ''); // code fences (keep their content)
  s = s.replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1'); // images -> alt
  s = s.replace(/\[([^\]]+)\]\([^)]*\)/g, '$1'); // links -> text
  s = s.replace(/^[ \t]{0,3}#{1,6}[ \t]+/gm, ''); // headings
  s = s.replace(/^[ \t]{0,3}>[ \t]?/gm, ''); // quotes
  s = s.replace(/^[ \t]*(?:[-*+]|\d+[.)])[ \t]+/gm, ''); // list markers
  s = s.replace(/^[ \t]*(?:[-*_][ \t]*){3,}$/gm, ''); // rules
  // Emphasis: * anywhere, _ only at word edges (snake_case stays).
  s = s.replace(/\*\*(.+?)\*\*/g, '$1').replace(/\*(\S(?:.*?\S)?)\*/g, '$1');
  s = s.replace(/(^|[^\w])__(.+?)__(?!\w)/g, '$1$2').replace(/(^|[^\w])_(\S(?:.*?\S)?)_(?!\w)/g, '$1$2');
  s = s.replace(/`([^`]+)`/g, '$1');
  return s.replace(/\n{3,}/g, '\n\n').trim();
}

function extension(name: string): string {
  const m = /\.([a-z0-9]+)$/i.exec(name);
  return m ? m[1]!.toLowerCase() : '';
}

const WORKER_KINDS: Record<string, WorkerKind> = { docx: 'docx', odt: 'odt', ott: 'odt', pdf: 'pdf' };

/** Text of a class-set row that came back as source. */
function finish(format: 'text' | 'html' | 'md', text: string): string {
  if (format === 'html') return htmlToText(text);
  if (format === 'md') return stripMarkdown(text);
  return text;
}

export async function readTextFile(file: File): Promise<FileText> {
  const name = file.name;
  const ext = extension(name);
  if (file.size > MAX_FILE_BYTES) return { name, error: 'too-large', detail: megabytes(MAX_FILE_BYTES) };
  try {
    let text: string;
    const format = TEXT_FORMATS[ext];
    if (format) {
      const bytes = new Uint8Array(await file.arrayBuffer());
      if (isBinary(bytes)) return { name, error: 'corrupt', detail: ext };
      const raw = decodeText(bytes);
      text = format === 'md' ? stripMarkdown(raw) : format === 'html' ? htmlToText(raw) : raw;
    } else {
      const kind = WORKER_KINDS[ext];
      // A class set where one text is expected: readTextFiles opens a .zip before it gets here.
      if (ext === 'zip') return { name, error: 'several-texts', detail: ext };
      if (!kind) return { name, error: 'unsupported-type', detail: ext || name };
      const answer = await readInWorker(kind, await file.arrayBuffer());
      if ('error' in answer) return { name, ...answer };
      if (!('text' in answer)) return { name, error: 'unreadable' };
      text = answer.text;
    }
    if (!text.trim()) return { name, error: 'empty' };
    return { name, text };
  } catch (e) {
    return { name, error: 'unreadable', detail: e instanceof Error ? e.message : String(e) };
  }
}

export async function readTextFiles(file: File, onProgress?: (p: Progress) => void): Promise<FileText[]> {
  if (extension(file.name) !== 'zip') return [await readTextFile(file)];
  const name = file.name;
  if (file.size > MAX_ARCHIVE_BYTES) return [{ name, error: 'too-large', detail: megabytes(MAX_ARCHIVE_BYTES) }];
  let answer;
  try {
    answer = await readInWorker('zip', await file.arrayBuffer(), onProgress);
  } catch (e) {
    return [{ name, error: 'unreadable', detail: e instanceof Error ? e.message : String(e) }];
  }
  if ('error' in answer) return [{ name, ...answer }];
  if (!('rows' in answer)) return [{ name, error: 'unreadable' }];
  const out: FileText[] = [];
  for (const row of answer.rows) {
    const source = `${name} › ${row.path}`;
    const text = finish(row.format, row.text);
    out.push(text.trim() ? { name: row.name, text, source } : { name: row.path, error: 'empty', archive: name });
  }
  for (const s of answer.skipped) out.push({ name: s.path, error: s.error, archive: name, ...(s.detail !== undefined ? { detail: s.detail } : {}) });
  return out;
}
