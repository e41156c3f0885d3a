/**
 * csv — a small RFC 4180 reader and writer for the workshop lab's labelled sets.
 *
 * When to use: spreadsheets exported as CSV (comma, semicolon as in French-locale Excel, or tab). Fields may be
 * quoted with `"`; a quote inside a quoted field is doubled (`""`); quoted fields may hold separators and line
 * breaks. CRLF, LF and lone CR line ends are accepted; a UTF-8 byte-order mark is dropped.
 *
 * API:
 * - `parseCsv(text, { separator? })` -> `{ rows, separator, errors }`. `rows[i]` is one record (array of fields) with
 *   its 1-based starting line in `lines[i]`. Errors (an unterminated quote, text after a closing quote) name the
 *   line; the reader keeps going so that nothing else is lost. An unbalanced quote (one that runs to the end of the
 *   file, or closes only on a later line followed by stray text) costs its own record only: reading starts again
 *   on the next line.
 * - `detectSeparator(text)` looks at the first record only: the candidate (`,` `;` `\t`) seen most often outside
 *   quotes; `,` when none.
 * - `writeCsv(rows, separator?)` quotes a field only when needed (separator, quote, CR/LF, leading/trailing space)
 *   and ends records with CRLF as RFC 4180 says. Every field is made spreadsheet-safe first (`neutralise`: a field
 *   starting with = + - @ tab or CR gets a leading single quote); `unneutralise` undoes it on reading.
 *
 * Limits: no type inference (every field is a string), no comment lines. A quote inside an unquoted field is kept
 * as a literal character (lenient, as spreadsheets do).
 */

export type Separator = ',' | ';' | '\t';
export const SEPARATORS: readonly Separator[] = [',', ';', '\t'];

export interface CsvError {
  /** 1-based line where the problem starts. */
  line: number;
  code: 'unterminated-quote' | 'text-after-quote';
}

export interface CsvResult {
  rows: string[][];
  /** 1-based line on which each record starts (same index as rows). */
  lines: number[];
  separator: Separator;
  errors: CsvError[];
}

export function detectSeparator(text: string): Separator {
  const counts = new Map<Separator, number>(SEPARATORS.map((s) => [s, 0]));
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && counts.has(c as Separator)) counts.set(c as Separator, counts.get(c as Separator)! + 1);
  }
  let best: Separator = ',';
  for (const s of SEPARATORS) if (counts.get(s)! > counts.get(best)!) best = s;
  return best;
}

/** Where parseCsv is in the text: index and 1-based line. */
interface Cursor {
  readonly text: string;
  readonly sep: Separator;
  i: number;
  line: number;
}

const atFieldEnd = (c: Cursor) => c.i >= c.text.length || c.text[c.i] === c.sep || c.text[c.i] === '\n' || c.text[c.i] === '\r';

/** A quoted field from its opening quote: its text and whether it closed. */
function readQuoted(c: Cursor): { field: string; closed: boolean } {
  const { text } = c;
  const n = text.length;
  let field = '';
  c.i++;
  while (c.i < n) {
    const ch = text[c.i];
    if (ch === '"') {
      if (text[c.i + 1] === '"') {
        field += '"';
        c.i += 2;
        continue;
      }
      c.i++;
      return { field, closed: true };
    }
    if (ch === '\r' && text[c.i + 1] === '\n') {
      field += '\r\n';
      c.i += 2;
      c.line++;
      continue;
    }
    if (ch === '\n' || ch === '\r') c.line++;
    field += ch;
    c.i++;
  }
  return { field, closed: false };
}

/** Skip to the start of the next line (CRLF, LF or CR). */
function skipLineEnd(c: Cursor): void {
  if (c.text[c.i] === '\r' && c.text[c.i + 1] === '\n') c.i += 2;
  else if (c.text[c.i] === '\n' || c.text[c.i] === '\r') c.i++;
}

/** One record from the cursor, or undefined when it held an unbalanced quote (reported; the cursor is then on the
 * line after the record's first line). */
function readRecord(c: Cursor, errors: CsvError[]): string[] | undefined {
  const recordLine = c.line;
  const recordStart = c.i;
  const record: string[] = [];
  for (;;) {
    let field = '';
    if (c.text[c.i] === '"') {
      const quoteLine = c.line;
      const q = readQuoted(c);
      field = q.field;
      const strayText = q.closed && !atFieldEnd(c);
      // An unbalanced quote: the field runs to the end of the file, or it crosses a line end and then "closes" on
      // another record's opening quote. Either way, give up this record (reported), and start again on the next
      // line after it: the records that follow are not swallowed.
      if (!q.closed || (strayText && c.line > quoteLine)) {
        errors.push({ line: recordLine, code: 'unterminated-quote' });
        c.i = recordStart;
        while (c.i < c.text.length && c.text[c.i] !== '\n' && c.text[c.i] !== '\r') c.i++;
        skipLineEnd(c);
        c.line = recordLine + 1;
        return undefined;
      }
      // After a closing quote only a separator or a line end may follow; keep any stray text (nothing lost).
      if (strayText) errors.push({ line: c.line, code: 'text-after-quote' });
    }
    while (!atFieldEnd(c)) field += c.text[c.i++];
    record.push(field);
    if (c.text[c.i] !== c.sep) return record;
    c.i++;
  }
}

export function parseCsv(input: string, options: { separator?: Separator } = {}): CsvResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const sep = options.separator ?? detectSeparator(text);
  const rows: string[][] = [];
  const lines: number[] = [];
  const errors: CsvError[] = [];
  const c: Cursor = { text, sep, i: 0, line: 1 };
  while (c.i < text.length) {
    const recordLine = c.line;
    const record = readRecord(c, errors);
    if (!record) continue;
    skipLineEnd(c);
    c.line++;
    // A blank line (one empty field) is not a record.
    if (!(record.length === 1 && record[0] === '')) {
      rows.push(record);
      lines.push(recordLine);
    }
  }
  return { rows, lines, separator: sep, errors };
}

const NEEDS_QUOTES = /[",;\t\r\n]|^\s|\s$/;
/**
 * Spreadsheet formula injection (CWE-1236; OWASP's CSV injection rule): a field starting with = + - @, a tab or a
 * carriage return can run as a formula where the CSV is opened. Such a field gets a leading single quote (shown as
 * text by spreadsheets) and is quoted. Fields already starting with quotes before one of those get one more, so that
 * `unneutralise` gives every value back exactly.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

export function neutralise(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** The value `neutralise` was given: one leading single quote removed where it added one. */
export function unneutralise(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

export function writeCsvField(value: string): string {
  const safe = neutralise(value);
  return safe !== value || NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function writeCsv(rows: readonly (readonly string[])[], separator: Separator = ','): string {
  return rows.map((r) => r.map(writeCsvField).join(separator)).join('\r\n') + (rows.length ? '\r\n' : '');
}
