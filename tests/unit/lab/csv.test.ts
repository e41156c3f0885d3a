import { describe, expect, it } from 'vitest';
import { detectSeparator, parseCsv, writeCsv, writeCsvField } from '@/src/lab/csv';

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

  it('reports an unterminated quote with its line and keeps the rest of the text', () => {
    const r = parseCsv('a,b\n1,"never closed\nmore');
    expect(r.errors).toEqual([{ line: 2, code: 'unterminated-quote' }]);
    expect(r.rows[1]).toEqual(['1', 'never closed\nmore']);
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
