/**
 * class-set-archive — a zip of submissions (Moodle's "Download all submissions", Canvas's download, a folder zipped
 * by hand) read into one row per file, named after the student, in the file worker.
 *
 * Every supported file inside (.txt, .md, .html, .docx, .odt, .pdf) becomes a row; every other entry gets a line
 * saying why it was skipped, and one bad file never stops the others:
 * - `hidden-file`: macOS metadata (`__MACOSX/`, `._x`), `.DS_Store`, `Thumbs.db`, `desktop.ini`, Office lock files
 *   (`~$essay.docx`), anything in a dot-folder;
 * - `nested-archive`: a .zip, .7z, .rar, .tar, .gz... inside (never opened: one level of unpacking only);
 * - `unsupported-type`: any other kind of file (videos, images, spreadsheets...);
 * - `too-many-files`: past MAX_CLASS_SET_FILES supported files;
 * - `too-large`: a file over the per-file limit (15 MiB unpacked, as for a single file);
 * - `unpacks-too-large`: the files read so far plus this one would pass the class set's total (512 MiB);
 * - and whatever the file's own reader says (`corrupt`, `encrypted`, `no-text-layer`, `false-sizes`, a .docx
 *   bomb's `unpacks-too-large`, `empty`...).
 * The archive as a whole is refused only when it cannot be listed safely: over 100 MiB, over 2,000 entries, not a
 * zip, overlapping parts (CLASS_SET_LIMITS in archive-guard.ts).
 *
 * API: `readClassSet(bytes, { readers?, onProgress?, limits? })` -> `{ rows, skipped }` or a ReadResult error
 * (`readers` and `limits` replace the defaults in tests).
 * Rows: `{ name, path, text, format }`, where `format` says what the text still needs on the main thread ('html'
 * and 'md' are returned as source: HTML needs the page's inert DOMParser); names from submission-names.ts.
 * Skipped: `{ path, error, detail? }`, in archive order.
 */
import { CLASS_SET_LIMITS, inflateEntry, listZip, type ArchiveLimits, type ZipEntry } from './archive-guard';
import { readDocx } from './docx';
import { readOdt } from './odt';
import { readPdf } from './pdf';
import { decodeText, isBinary, TEXT_FORMATS, type TextFormat } from './plain-text';
import { fromError, megabytes, type ReadError, type ReadResult } from './read-result';
import { rowNames } from './submission-names';

/** Rows a class set may give: a large cohort, and about what the analysis page's table stays usable with. */
export const MAX_CLASS_SET_FILES = 500;

export type RowFormat = TextFormat;
export interface ClassSetRow {
  name: string;
  path: string;
  text: string;
  format: RowFormat;
}
export interface SkippedFile {
  path: string;
  error: ReadError;
  detail?: string;
}
export interface ClassSet {
  rows: ClassSetRow[];
  skipped: SkippedFile[];
}

export type BytesReader = (bytes: Uint8Array) => Promise<ReadResult>;
export interface Readers {
  docx: BytesReader;
  odt: BytesReader;
  pdf: BytesReader;
}
const DEFAULT_READERS: Readers = { docx: readDocx, odt: readOdt, pdf: (b) => readPdf(b) };

const DOC_KINDS = new Set(['docx', 'odt', 'ott', 'pdf']);
const ARCHIVES = new Set(['zip', '7z', 'rar', 'tar', 'gz', 'tgz', 'bz2', 'xz', 'zst', 'cab']);
const SYSTEM_FILES = new Set(['.ds_store', 'thumbs.db', 'desktop.ini', 'icon\r']);

export function extensionOf(path: string): string {
  const m = /\.([a-z0-9]+)$/i.exec(path);
  return m?.[1] ? m[1].toLowerCase() : '';
}

export function isHidden(path: string): boolean {
  const parts = path.split('/').filter(Boolean);
  const base = (parts[parts.length - 1] ?? '').toLowerCase();
  return parts.some((p) => p === '__MACOSX' || p.startsWith('.')) || SYSTEM_FILES.has(base) || base.startsWith('~$');
}

export async function readClassSet(
  bytes: Uint8Array,
  options: { readers?: Partial<Readers>; onProgress?: (done: number, total: number) => void; limits?: Readonly<ArchiveLimits> } = {},
): Promise<ClassSet | Extract<ReadResult, { error: string }>> {
  const readers = { ...DEFAULT_READERS, ...options.readers };
  const limits = options.limits ?? CLASS_SET_LIMITS;
  let entries: ZipEntry[];
  try {
    entries = listZip(bytes, limits).filter((e) => !e.isDirectory);
  } catch (e) {
    return fromError(e, 'zip') as Extract<ReadResult, { error: string }>;
  }
  const skipped: SkippedFile[] = [];
  const toRead: ZipEntry[] = [];
  for (const e of entries) {
    const ext = extensionOf(e.name);
    if (isHidden(e.name)) skipped.push({ path: e.name, error: 'hidden-file' });
    else if (ARCHIVES.has(ext)) skipped.push({ path: e.name, error: 'nested-archive', detail: ext });
    else if (!(ext in TEXT_FORMATS) && !DOC_KINDS.has(ext)) skipped.push({ path: e.name, error: 'unsupported-type', detail: ext || e.name });
    else if (toRead.length >= MAX_CLASS_SET_FILES) skipped.push({ path: e.name, error: 'too-many-files', detail: String(MAX_CLASS_SET_FILES) });
    else toRead.push(e);
  }

  const read: { entry: ZipEntry; text: string; format: RowFormat }[] = [];
  let budget = limits.maxTotalBytes;
  for (const [i, e] of toRead.entries()) {
    options.onProgress?.(i, toRead.length);
    const ext = extensionOf(e.name);
    const skip = (error: ReadError, detail?: string) => skipped.push({ path: e.name, error, ...(detail !== undefined ? { detail } : {}) });
    if (e.size > limits.maxEntryBytes) {
      skip('too-large', megabytes(limits.maxEntryBytes));
      continue;
    }
    if (e.size > budget) {
      skip('unpacks-too-large', megabytes(limits.maxTotalBytes));
      continue;
    }
    budget -= e.size; // declared; the real output cannot pass it (inflateEntry stops there)
    let data: Uint8Array;
    try {
      data = inflateEntry(bytes, e, limits.maxEntryBytes);
    } catch (err) {
      const r = fromError(err, ext);
      if ('error' in r) skip(r.error, r.detail);
      continue;
    }
    let result: ReadResult;
    let format: RowFormat = 'text';
    const textKind = TEXT_FORMATS[ext];
    if (textKind) {
      format = textKind;
      const text = isBinary(data) ? undefined : decodeText(data);
      result = text === undefined ? { error: 'corrupt', detail: ext } : text.trim() ? { text } : { error: 'empty' };
    } else {
      const reader = ext === 'pdf' ? readers.pdf : ext === 'docx' ? readers.docx : readers.odt;
      try {
        result = await reader(data);
      } catch (err) {
        result = { error: 'unreadable', detail: err instanceof Error ? err.message : String(err) };
      }
    }
    if ('error' in result) skip(result.error, result.detail);
    else read.push({ entry: e, text: result.text, format });
  }
  options.onProgress?.(toRead.length, toRead.length);

  const names = rowNames(read.map((r) => r.entry.name));
  // Skipped files in archive order.
  const order = new Map(entries.map((e, i) => [e.name, i]));
  skipped.sort((a, b) => order.get(a.path)! - order.get(b.path)!);
  return { rows: read.map((r, i) => ({ name: names[i] ?? r.entry.name, path: r.entry.name, text: r.text, format: r.format })), skipped };
}
