/**
 * pdf-tab — "Open this PDF in the analysis page": the bytes of the PDF a tab shows in the browser's own viewer,
 * read from the browser's HTTP cache, never from the network.
 *
 * The popup opens the analysis page with `?pdf-tab=ID` (a tab id, never any text). The page then runs one small
 * function in that tab (`scripting.executeScript`, allowed by the activeTab grant the user gave by clicking the
 * toolbar button; no new install-time permission), which asks for the tab's own URL with
 * `fetch(location.href, { cache: 'only-if-cached', mode: 'same-origin' })`: the Fetch standard makes that answer from
 * the HTTP cache or fail, without a request. The bytes come back as the script's result (base64 text), and the page
 * reads them like a chosen file (file worker, pdf.js). No port, no storage: nothing but the page holds them.
 * It cannot work, and says why (`TabPdfError`), when: the PDF was not kept in the cache (`Cache-Control: no-store`,
 * or evicted) -> `not-cached`; the PDF is a file on the computer (file:// is never cached) -> `local-file`; the tab
 * shows something else -> `not-pdf`; the grant is gone (the tab navigated or closed) or the browser refuses ->
 * `no-access`; over MAX_FILE_BYTES -> `too-large`. Firefox's built-in viewer cannot be scripted at all: the popup says
 * so there and never offers this.
 *
 * API: `PDF_TAB_PARAM`; `pdfTabOf(search)` -> the tab id asked for, or undefined; `readTabPdf(tabId)` ->
 * `{ file }` or `{ error }`; `cachedPdf(maxBytes)` is the function run in the tab (self-contained: it is serialised).
 */
import { browser } from 'wxt/browser';
import { MAX_FILE_BYTES } from '../files/file-text';

export const PDF_TAB_PARAM = 'pdf-tab';

export type TabPdfError = 'not-cached' | 'local-file' | 'not-pdf' | 'no-access' | 'too-large';
type TabAnswer = { name: string; base64: string } | { error: TabPdfError };

export function pdfTabOf(search: string): number | undefined {
  const v = new URLSearchParams(search).get(PDF_TAB_PARAM);
  return v !== null && /^\d{1,10}$/.test(v) ? Number(v) : undefined;
}

/** Runs in the tab (content-script world). Everything it needs is inside it. */
export async function cachedPdf(maxBytes: number): Promise<TabAnswer> {
  if (document.contentType !== 'application/pdf') return { error: 'not-pdf' };
  if (location.protocol === 'file:') return { error: 'local-file' };
  let response: Response;
  try {
    response = await fetch(location.href, { cache: 'only-if-cached', mode: 'same-origin', credentials: 'same-origin' });
  } catch {
    return { error: 'not-cached' };
  }
  if (!response.ok) return { error: 'not-cached' };
  const blob = await response.blob();
  if (blob.size > maxBytes) return { error: 'too-large' };
  const dataUrl = await new Promise<string>((ok, fail) => {
    const reader = new FileReader();
    reader.onload = () => ok(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => fail(reader.error ?? new Error('read'));
    reader.readAsDataURL(blob);
  });
  const last = location.pathname.split('/').pop() ?? '';
  let name = 'document.pdf';
  try {
    name = decodeURIComponent(last) || name;
  } catch {
    name = last || name;
  }
  return { name: /\.pdf$/i.test(name) ? name : `${name}.pdf`, base64: dataUrl.slice(dataUrl.indexOf(',') + 1) };
}

function fromBase64(s: string): Uint8Array<ArrayBuffer> {
  const native = (Uint8Array as unknown as { fromBase64?: (s: string) => Uint8Array<ArrayBuffer> }).fromBase64;
  if (native) return native(s);
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export async function readTabPdf(tabId: number): Promise<{ file: File } | { error: TabPdfError }> {
  let answer: unknown;
  try {
    const [first] = await browser.scripting.executeScript({ target: { tabId }, func: cachedPdf, args: [MAX_FILE_BYTES] });
    answer = first?.result;
  } catch {
    return { error: 'no-access' };
  }
  const a = answer as Partial<{ name: string; base64: string; error: TabPdfError }> | undefined;
  if (a?.error) return { error: a.error };
  if (typeof a?.base64 !== 'string' || typeof a.name !== 'string') return { error: 'no-access' };
  return { file: new File([fromBase64(a.base64)], a.name, { type: 'application/pdf' }) };
}
