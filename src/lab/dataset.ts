/**
 * dataset — labelled text sets for the workshop lab: read JSON lines or CSV, write them back.
 *
 * When to use: loading a set the participants bring (or the lab's own sample), and exporting the set they built.
 * An item is `{ id, text, label: 'human' | 'machine', group?, source?, lang?, domain?, generator? }`. The format of
 * ../shared/data/dev.jsonl (`{id, text, label, source, domain, lang, generator}`) loads as is.
 *
 * API:
 * - `parseDataset(content, fileName?)` -> `{ items, problems, format }`. The format comes from the file name
 *   (.jsonl/.ndjson/.json -> JSON lines, .csv/.tsv/.txt -> CSV) or, without one, from the first character.
 *   Nothing is dropped silently: every line or record that cannot become an item is listed in `problems` with its
 *   1-based line number, a stable code and the start of the offending content, so the UI can say exactly what was
 *   skipped and why.
 * - `parseLabel(value)` accepts human/machine and common synonyms (en/fr, 0/1 as in detector datasets where
 *   1 = machine).
 * - `toJsonl(items)`, `toCsv(items)` serialise; `parseDataset(toJsonl(x))` gives x back (tested), and so does
 *   `parseDataset(toCsv(x))`: the CSV is spreadsheet-safe (csv.ts `neutralise`) and the reader removes the prefix.
 *
 * CSV: the header row is required; column names are matched case-insensitively with a few synonyms
 * (text/texte/content, label/étiquette/class, group/groupe, source, lang/language, id).
 * - `readDatasetFile(file)` checks MAX_FILE_BYTES before reading the file at all, then parses it.
 *
 * Limits: MAX_FILE_BYTES per file (`file-too-large`), MAX_TEXT_CHARS per text (`text-too-long`, reported with its
 * line; the other items still load), MAX_ITEMS per set (the lab keeps everything in memory).
 */
import { parseCsv, unneutralise, writeCsv, type CsvError } from './csv';

export type Label = 'human' | 'machine';

export interface LabItem {
  id: string;
  text: string;
  label: Label;
  group?: string;
  source?: string;
  lang?: string;
  domain?: string;
  generator?: string;
}

export type ProblemCode =
  | 'bad-json'
  | 'not-an-object'
  | 'missing-text'
  | 'missing-label'
  | 'bad-label'
  | 'unterminated-quote'
  | 'text-after-quote'
  | 'wrong-field-count'
  | 'no-header'
  | 'no-text-column'
  | 'no-label-column'
  | 'duplicate-id'
  | 'too-many-items'
  | 'text-too-long'
  | 'file-too-large'
  | 'empty-file'
  /** Not the file's fault: the engine could not score the set (the lab page reports it with the same list). */
  | 'scoring-failed';

export interface Problem {
  /** 1-based line in the file (0 when it concerns the whole file). */
  line: number;
  code: ProblemCode;
  /** The first characters of the offending line, for the message. */
  excerpt?: string;
  /** Extra detail: the unrecognised label, the expected field count... */
  detail?: string;
}

export interface ParseResult {
  items: LabItem[];
  problems: Problem[];
  format: 'jsonl' | 'csv';
}

/** The lab keeps every text, its report and its per-signal figures in memory. */
export const MAX_ITEMS = 5000;
/**
 * One text: about 15,000 words, a long essay or a thesis chapter (the texts of ../shared/data are under 8,000
 * characters). A longer one is reported with its line and left out; the rest of the set loads.
 */
export const MAX_TEXT_CHARS = 100_000;
/** One file: 5,000 texts of 10,000 characters; the dev sets are about 2 MB. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
/** A JSON line longer than this cannot hold a text within MAX_TEXT_CHARS (escapes at most double it): not parsed. */
const MAX_LINE_CHARS = 2 * MAX_TEXT_CHARS + 10_000;
const EXCERPT = 60;

const HUMAN = new Set(['human', 'humain', 'humaine', 'h', '0', 'false', 'real', 'human-written']);
const MACHINE = new Set(['machine', 'ai', 'ia', 'llm', 'generated', 'm', '1', 'true', 'fake', 'gpt', 'machine-generated']);

export function parseLabel(value: unknown): Label | undefined {
  if (typeof value === 'boolean') return value ? 'machine' : 'human';
  if (typeof value === 'number') return value === 1 ? 'machine' : value === 0 ? 'human' : undefined;
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toLowerCase();
  if (HUMAN.has(v)) return 'human';
  if (MACHINE.has(v)) return 'machine';
  return undefined;
}

function excerpt(s: string): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > EXCERPT ? one.slice(0, EXCERPT) + '…' : one;
}

/** A field as text: strings as they are, numbers and booleans written out, anything else as JSON. */
function fieldText(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : (JSON.stringify(v) ?? '');
}

function optString(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  const s = fieldText(v).trim();
  return s ? s : undefined;
}

export function detectFormat(content: string, fileName?: string): 'jsonl' | 'csv' {
  const name = (fileName ?? '').toLowerCase();
  if (/\.(jsonl|ndjson|json)$/.test(name)) return 'jsonl';
  if (/\.(csv|tsv|txt)$/.test(name)) return 'csv';
  const first = content.replace(/^\uFEFF/, '').trimStart()[0];
  return first === '{' || first === '[' ? 'jsonl' : 'csv';
}

export function parseDataset(content: string, fileName?: string): ParseResult {
  const format = detectFormat(content, fileName);
  if (content.length > MAX_FILE_BYTES) return { items: [], problems: [{ line: 0, code: 'file-too-large', detail: String(MAX_FILE_BYTES / 1024 / 1024) }], format };
  const result = format === 'jsonl' ? parseJsonl(content) : parseCsvDataset(content);
  if (result.items.length === 0 && result.problems.length === 0) result.problems.push({ line: 0, code: 'empty-file' });
  return result;
}

/** Turn one raw record into an item, or a problem. `autoId` is used when the record has no id. */
function toItem(o: Record<string, unknown>, line: number, raw: string, autoId: string): LabItem | Problem {
  const text = typeof o.text === 'string' ? o.text : undefined;
  if (!text || !text.trim()) return { line, code: 'missing-text', excerpt: excerpt(raw) };
  if (text.length > MAX_TEXT_CHARS) return { line, code: 'text-too-long', excerpt: excerpt(raw), detail: String(MAX_TEXT_CHARS) };
  if (o.label === undefined || o.label === null || o.label === '') return { line, code: 'missing-label', excerpt: excerpt(raw) };
  const label = parseLabel(o.label);
  if (!label) return { line, code: 'bad-label', excerpt: excerpt(raw), detail: fieldText(o.label) };
  const item: LabItem = { id: optString(o.id) ?? autoId, text, label };
  for (const k of ['group', 'source', 'lang', 'domain', 'generator'] as const) {
    const v = optString(o[k]);
    if (v !== undefined) item[k] = v;
  }
  return item;
}

function isProblem(x: LabItem | Problem): x is Problem {
  return (x as Problem).code !== undefined;
}

function collect(candidates: { value: LabItem | Problem }[]): { items: LabItem[]; problems: Problem[] } {
  const items: LabItem[] = [];
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const { value } of candidates) {
    if (isProblem(value)) {
      problems.push(value);
      continue;
    }
    if (items.length >= MAX_ITEMS) {
      problems.push({ line: 0, code: 'too-many-items', detail: String(MAX_ITEMS) });
      break;
    }
    // Two items with one id would be confused in the lab: keep both, renaming the second (nothing lost).
    if (seen.has(value.id)) {
      let k = 2;
      while (seen.has(`${value.id}#${k}`)) k++;
      problems.push({ line: 0, code: 'duplicate-id', detail: value.id });
      value.id = `${value.id}#${k}`;
    }
    seen.add(value.id);
    items.push(value);
  }
  return { items, problems };
}

function parseJsonl(content: string): ParseResult {
  const text = content.replace(/^\uFEFF/, '');
  const trimmed = text.trim();
  const candidates: { value: LabItem | Problem }[] = [];
  // A whole-file JSON array is accepted too (a common export).
  if (trimmed.startsWith('[')) {
    try {
      const arr = JSON.parse(trimmed) as unknown;
      if (Array.isArray(arr)) {
        (arr as unknown[]).forEach((o, idx) => {
          const raw = JSON.stringify(o) ?? '';
          candidates.push({
            value:
              o && typeof o === 'object' && !Array.isArray(o)
                ? toItem(o as Record<string, unknown>, idx + 1, raw, `item-${idx + 1}`)
                : { line: idx + 1, code: 'not-an-object', excerpt: excerpt(raw) },
          });
        });
        return { ...collect(candidates), format: 'jsonl' };
      }
    } catch {
      // fall through: treat as lines, each failing line is reported
    }
  }
  const lines = text.split(/\r\n|\n|\r/);
  lines.forEach((l, idx) => {
    const line = idx + 1;
    if (!l.trim()) return;
    if (l.length > MAX_LINE_CHARS) {
      candidates.push({ value: { line, code: 'text-too-long', excerpt: excerpt(l.slice(0, 200)), detail: String(MAX_TEXT_CHARS) } });
      return;
    }
    let o: unknown;
    try {
      o = JSON.parse(l);
    } catch {
      candidates.push({ value: { line, code: 'bad-json', excerpt: excerpt(l) } });
      return;
    }
    if (!o || typeof o !== 'object' || Array.isArray(o)) {
      candidates.push({ value: { line, code: 'not-an-object', excerpt: excerpt(l) } });
      return;
    }
    candidates.push({ value: toItem(o as Record<string, unknown>, line, l, `line-${line}`) });
  });
  return { ...collect(candidates), format: 'jsonl' };
}

const COLUMN_SYNONYMS: Record<string, string[]> = {
  id: ['id', 'identifiant', 'name', 'nom'],
  text: ['text', 'texte', 'content', 'contenu', 'body'],
  label: ['label', 'étiquette', 'etiquette', 'class', 'classe', 'author', 'auteur'],
  group: ['group', 'groupe'],
  source: ['source'],
  lang: ['lang', 'language', 'langue'],
  domain: ['domain', 'domaine', 'genre'],
  generator: ['generator', 'model', 'modèle', 'modele'],
};

function parseCsvDataset(content: string): ParseResult {
  const csv = parseCsv(content);
  const problems: Problem[] = csv.errors.map((e: CsvError) => ({ line: e.line, code: e.code }));
  if (csv.rows.length === 0) return { items: [], problems, format: 'csv' };
  const header = csv.rows[0]!.map((h) => h.trim().toLowerCase());
  const columns = new Map<string, number>();
  for (const [key, names] of Object.entries(COLUMN_SYNONYMS)) {
    const at = header.findIndex((h) => names.includes(h));
    if (at >= 0) columns.set(key, at);
  }
  if (!columns.has('text') && !columns.has('label')) {
    problems.push({ line: 1, code: 'no-header', excerpt: excerpt(csv.rows[0]!.join(csv.separator)) });
    return { items: [], problems, format: 'csv' };
  }
  if (!columns.has('text')) problems.push({ line: 1, code: 'no-text-column', excerpt: excerpt(csv.rows[0]!.join(csv.separator)) });
  if (!columns.has('label')) problems.push({ line: 1, code: 'no-label-column', excerpt: excerpt(csv.rows[0]!.join(csv.separator)) });
  if (!columns.has('text') || !columns.has('label')) return { items: [], problems, format: 'csv' };

  const candidates: { value: LabItem | Problem }[] = [];
  for (let r = 1; r < csv.rows.length; r++) {
    const row = csv.rows[r]!;
    const line = csv.lines[r]!;
    const raw = row.join(csv.separator);
    // Trailing empty fields (a separator at the end of each line, as some spreadsheets write) are harmless.
    while (row.length > header.length && row[row.length - 1] === '') row.pop();
    if (row.length !== header.length) {
      // Too few fields: the text or label may have moved; too many: an unquoted separator split the text.
      candidates.push({ value: { line, code: 'wrong-field-count', excerpt: excerpt(raw), detail: `${row.length}/${header.length}` } });
      continue;
    }
    const o: Record<string, unknown> = {};
    // Our own exports neutralise formula-like fields ('=...): read them back as they were.
    for (const [key, at] of columns) o[key] = unneutralise(row[at] ?? '');
    candidates.push({ value: toItem(o, line, raw, `row-${r}`) });
  }
  const collected = collect(candidates);
  return { items: collected.items, problems: [...problems, ...collected.problems], format: 'csv' };
}

/** A dropped or chosen file: too large -> one problem, without reading it; else parsed. */
export async function readDatasetFile(file: Pick<File, 'name' | 'size' | 'text'>): Promise<ParseResult> {
  if (file.size > MAX_FILE_BYTES) {
    return { items: [], problems: [{ line: 0, code: 'file-too-large', detail: String(MAX_FILE_BYTES / 1024 / 1024) }], format: detectFormat('', file.name) };
  }
  return parseDataset(await file.text(), file.name);
}

const FIELDS = ['id', 'text', 'label', 'group', 'source', 'lang', 'domain', 'generator'] as const;

export function toJsonl(items: readonly LabItem[]): string {
  return items
    .map((it) => {
      const o: Record<string, string> = {};
      for (const k of FIELDS) if (it[k] !== undefined) o[k] = it[k];
      return JSON.stringify(o);
    })
    .join('\n') + (items.length ? '\n' : '');
}

export function toCsv(items: readonly LabItem[]): string {
  const used = FIELDS.filter((k) => k === 'id' || k === 'text' || k === 'label' || items.some((it) => it[k] !== undefined));
  return writeCsv([used, ...items.map((it) => used.map((k) => (it[k]) ?? ''))]);
}
