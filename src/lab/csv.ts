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
 *   line; the reader keeps going so that nothing else is lost.
 * - `detectSeparator(text)` looks at the first record only: the candidate (`,` `;` `\t`) seen most often outside
 *   quotes; `,` when none.
 * - `writeCsv(rows, separator?)` quotes a field only when needed (separator, quote, CR/LF, leading/trailing space)
 *   and ends records with CRLF as RFC 4180 says.
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

export function parseCsv(input: string, options: { separator?: Separator } = {}): CsvResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const sep = options.separator ?? detectSeparator(text);
  const rows: string[][] = [];
  const lines: number[] = [];
  const errors: CsvError[] = [];
  let line = 1;
  let i = 0;
  const n = text.length;

  while (i < n) {
    const recordLine = line;
    const record: string[] = [];
    // Read one record.
    for (;;) {
      let field = '';
      if (text[i] === '"') {
        const quoteLine = line;
        i++;
        let closed = false;
        while (i < n) {
          const c = text[i];
          if (c === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            closed = true;
            break;
          }
          if (c === '\r' && text[i + 1] === '\n') {
            field += '\r\n';
            i += 2;
            line++;
            continue;
          }
          if (c === '\n' || c === '\r') line++;
          field += c;
          i++;
        }
        if (!closed) errors.push({ line: quoteLine, code: 'unterminated-quote' });
        // After a closing quote only a separator or a line end may follow; keep any stray text (nothing lost).
        if (closed && i < n && text[i] !== sep && text[i] !== '\n' && text[i] !== '\r') {
          errors.push({ line, code: 'text-after-quote' });
          while (i < n && text[i] !== sep && text[i] !== '\n' && text[i] !== '\r') field += text[i++];
        }
      } else {
        while (i < n && text[i] !== sep && text[i] !== '\n' && text[i] !== '\r') field += text[i++];
      }
      record.push(field);
      if (i < n && text[i] === sep) {
        i++;
        continue;
      }
      break;
    }
    // Line end (CRLF, LF or CR) or end of input.
    if (text[i] === '\r' && text[i + 1] === '\n') i += 2;
    else if (text[i] === '\n' || text[i] === '\r') i++;
    line++;
    // A blank line (one empty field) is not a record.
    if (!(record.length === 1 && record[0] === '')) {
      rows.push(record);
      lines.push(recordLine);
    }
  }
  return { rows, lines, separator: sep, errors };
}

const NEEDS_QUOTES = /[",;\t\r\n]|^\s|\s$/;

export function writeCsvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function writeCsv(rows: readonly (readonly string[])[], separator: Separator = ','): string {
  return rows.map((r) => r.map(writeCsvField).join(separator)).join('\r\n') + (rows.length ? '\r\n' : '');
}
