/**
 * file-text — plain text out of the files a teacher drops on the analysis page: .txt, .md, .html, .docx.
 *
 * - .txt: decoded as UTF-8 (a BOM is dropped).
 * - .md: markdown syntax removed (headings, emphasis, links and images -> their text, list and quote markers, code
 *   fences), so that markup does not count as words.
 * - .html/.htm: parsed with DOMParser (an inert document: nothing runs, nothing loads, nothing is rendered); script,
 *   style, noscript, template, svg and head are dropped; block elements become paragraph breaks; `textContent` only.
 * - .docx: mammoth's `extractRawText` (loaded on demand, so the page stays light until a .docx arrives).
 * - .pdf: refused with a clear reason (no PDF library is shipped; see README).
 * API: `readTextFile(file)` -> `{ name, text }` or `{ name, error }` (error codes: 'unsupported-type',
 * 'pdf-unsupported', 'too-large', 'unreadable', 'empty'); `htmlToText(html)`, `stripMarkdown(md)`; ACCEPT for the
 * file input. Limits: MAX_FILE_BYTES per file; text inside images or scanned PDFs cannot be read.
 */
export const ACCEPT = '.txt,.md,.markdown,.html,.htm,.docx,text/plain,text/markdown,text/html,application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const MAX_FILE_BYTES = 15 * 1024 * 1024;

export type FileError = 'unsupported-type' | 'pdf-unsupported' | 'too-large' | 'unreadable' | 'empty';
export type FileText = { name: string; text: string } | { name: string; error: FileError; detail?: string };

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

/** Collapse spaces inside lines, keep single line breaks, at most one blank line between paragraphs. */
function tidy(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
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

export async function readTextFile(file: File): Promise<FileText> {
  const name = file.name;
  const ext = extension(name);
  if (file.size > MAX_FILE_BYTES) return { name, error: 'too-large' };
  try {
    let text: string;
    switch (ext) {
      case 'txt':
      case 'text':
        text = (await file.text()).replace(/^\uFEFF/, '');
        break;
      case 'md':
      case 'markdown':
        text = stripMarkdown((await file.text()).replace(/^\uFEFF/, ''));
        break;
      case 'html':
      case 'htm':
        text = htmlToText(await file.text());
        break;
      case 'docx': {
        const mammoth = await import('mammoth');
        const result = await (mammoth.default ?? mammoth).extractRawText({ arrayBuffer: await file.arrayBuffer() });
        text = tidy(result.value);
        break;
      }
      case 'pdf':
        return { name, error: 'pdf-unsupported' };
      default:
        return { name, error: 'unsupported-type', detail: ext || name };
    }
    if (!text.trim()) return { name, error: 'empty' };
    return { name, text };
  } catch (e) {
    return { name, error: 'unreadable', detail: e instanceof Error ? e.message : String(e) };
  }
}
