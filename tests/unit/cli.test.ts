// The command line's output contract and its handling of bad input (issue: one-line errors, exit 2, no stack).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ExplainedReport } from '@/src/engine';
import { OWN_TEXTS } from './engine/score/own-texts';

interface JsonlLine {
  id: unknown;
  score: number | null;
  flag: boolean;
  abstained: boolean;
  reason?: string;
}

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'mirage-cli-'));
const file = (name: string, content: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};
function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/score.ts', ...args], { cwd: root, input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const expectOneLineError = (r: ReturnType<typeof run>, pattern: RegExp) => {
  expect(r.code).toBe(2);
  const lines = r.err.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^mirage-score: error: /);
  expect(lines[0]).toMatch(pattern);
  expect(r.err).not.toMatch(/\n\s+at /);
};

const article = OWN_TEXTS.find((t) => t.id === 'assistant-en-1')!.text;
const shortText = 'Too short to judge. Only a line or two.';

describe('score FILE', () => {
  it('prints a readable report', () => {
    const r = run([file('a.txt', article)]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Mirage Lens · English · \d+ words/);
    expect(r.out).toMatch(/human reference texts/);
    expect(r.out).toMatch(/Limits/);
  });

  it('prints the full report with --json, in French with --ui fr', () => {
    const r = run(['--json', '--ui', 'fr', file('b.txt', article)]);
    expect(r.code).toBe(0);
    const rep = JSON.parse(r.out) as ExplainedReport;
    expect(rep.ui).toBe('fr');
    expect(rep.lang).toBe('en');
    expect(rep.sentences.length).toBeGreaterThan(5);
    expect(typeof rep.score).toBe('number');
  });

  it('reads standard input with -', () => {
    const r = run(['--json', '-'], article);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as ExplainedReport).counts.words).toBeGreaterThan(150);
  });

  it('scores a 100,000-word text', () => {
    const big = Array.from({ length: 500 }, () => article).join('\n\n');
    const r = run(['--json', file('big.txt', big)]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as ExplainedReport).counts.words).toBeGreaterThan(100_000);
  });
});

describe('score --jsonl', () => {
  it('writes one line per input, in order, with the contract fields', () => {
    const input = [
      JSON.stringify({ id: 'a', text: article, label: 'ignored' }),
      JSON.stringify({ id: 2, text: shortText }),
      '',
      JSON.stringify({ id: 'c', text: OWN_TEXTS[0]!.text }),
    ].join('\n');
    const r = run(['--jsonl', file('in.jsonl', input)]);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l) as JsonlLine);
    expect(lines.map((l) => l.id)).toEqual(['a', 2, 'c']);
    for (const l of lines) {
      expect(Object.keys(l)).toEqual(expect.arrayContaining(['id', 'score', 'flag', 'abstained', 'lang', 'signals']));
      expect(typeof l.flag).toBe('boolean');
    }
    expect(lines[0]!.score).toBeGreaterThanOrEqual(0);
    expect(lines[0]!.score).toBeLessThanOrEqual(1);
    expect(lines[0]!.abstained).toBe(false);
    expect(lines[1]).toMatchObject({ score: null, abstained: true, flag: false });
    expect(lines[1]!.reason).toMatch(/too short/i);
  });

  it.each([
    ['invalid JSON', '{"id": "x", "text": ', /line 2: invalid JSON/],
    ['missing text', '{"id": "x"}', /line 2: missing "text"/],
    ['text not a string', '{"id": "x", "text": 42}', /line 2: "text" must be a string/],
    ['missing id', '{"text": "hello"}', /line 2: missing "id"/],
    ['not an object', '[1, 2]', /line 2: expected a JSON object/],
  ])('%s: one error naming the line, exit 2, no output for that item', (_n, bad, pattern) => {
    const input = [JSON.stringify({ id: 'ok1', text: shortText }), bad, JSON.stringify({ id: 'ok2', text: shortText })].join('\n');
    const r = run(['--jsonl', file(`bad-${_n.replace(/\W/g, '')}.jsonl`, input)]);
    expectOneLineError(r, pattern);
    expect(r.out.trim().split('\n').map((l) => (JSON.parse(l) as JsonlLine).id)).toEqual(['ok1', 'ok2']);
  });

  it('refuses an item beyond the size limit', () => {
    const input = JSON.stringify({ id: 'huge', text: 'word '.repeat(1_000_001) });
    expectOneLineError(run(['--jsonl', file('huge.jsonl', input)]), /line 1: "text" has \d+ characters; the limit is 5000000/);
  });
});

describe('bad input', () => {
  it.each([
    ['an empty file', () => [file('empty.txt', '')], /is empty/],
    ['binary data', () => [file('bin.dat', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0xff]))], /binary data/],
    ['invalid UTF-8', () => [file('latin1.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6e, 0x6f, 0x69, 0x72]))], /not valid UTF-8/],
    ['a missing file', () => [join(dir, 'nope.txt')], /no such file/],
    ['a directory', () => [dir], /is a directory/],
    ['a text beyond the size limit', () => [file('long.txt', 'word '.repeat(1_000_001))], /has \d+ characters; the limit is 5000000/],
    ['white space only', () => [file('blank.txt', '  \n\n ')], /only white space/],
    ['no input', () => [], /no input given/],
    ['an unknown option', () => ['--frobnicate', 'x'], /unknown option --frobnicate/],
    ['a bad --ui', () => ['--ui', 'de', 'x'], /--ui must be en or fr/],
    ['an empty JSON-lines file', () => ['--jsonl', file('empty.jsonl', '\n\n')], /has no JSON lines/],
  ])('%s: one-line error, exit 2, no stack trace, no output', (_n, args, pattern) => {
    const r = run(args());
    expectOneLineError(r, pattern);
    expect(r.out).toBe('');
  });
});
