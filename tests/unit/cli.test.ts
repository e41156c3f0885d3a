// The command line's output contract and its handling of bad input (issue: one-line errors, exit 2, no stack).
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
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

describe('hostile and careless input (issue 11, item 5, 6 and 9)', () => {
  it('refuses an endless standard input past 64 MiB instead of growing without bound', () => {
    const r = spawnSync('sh', ['-c', `yes | "${process.execPath}" --import tsx scripts/score.ts -`], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toMatch(/^mirage-score: error: standard input is over 64\.0 MiB; the limit is 64\.0 MiB$/);
  });

  it('refuses /dev/zero at once as binary data', () => {
    expectOneLineError(run(['/dev/zero']), /\/dev\/zero looks like binary data/);
  });

  it('says standard input is not readable when it is closed for reading', () => {
    const fd = openSync(join(dir, 'stdin-write-only'), 'w');
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/score.ts', '-'], { cwd: root, encoding: 'utf8', stdio: [fd, 'pipe', 'pipe'] });
    closeSync(fd);
    expectOneLineError({ code: r.status, out: r.stdout, err: r.stderr }, /cannot read standard input: it is closed or not open for reading/);
  });

  it('reads UTF-16 with a byte-order mark like UTF-8', () => {
    const utf8 = JSON.parse(run(['--json', file('u8.txt', article)]).out) as ExplainedReport;
    const u16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(article, 'utf16le')]);
    const r = run(['--json', file('u16.txt', u16)]);
    expect(r.code).toBe(0);
    const rep = JSON.parse(r.out) as ExplainedReport;
    expect(rep.counts).toEqual(utf8.counts);
    expect(rep.score).toBe(utf8.score);
  });

  it('prints no control or bidi character to the terminal, and keeps JSON exact', () => {
    const evil = `${article}\n\nOne more sentence \u001b]52;c;ZXZpbA==\u0007 with a clipboard write, \u001b]0;owned\u0007 a title, \u001b[2J a clear, \u009b31m and \u202eesrever.`;
    const p = file('evil.txt', evil);
    const readable = run([p]);
    expect(readable.code).toBe(0);
    expect(readable.out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    const json = run(['--json', p]);
    expect(json.out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect((JSON.parse(json.out) as ExplainedReport).counts.chars).toBe(evil.length);
    const lines = run(['--jsonl', file('evil.jsonl', JSON.stringify({ id: 'a\u001b]0;x\u0007', text: evil }))]);
    expect(lines.out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect((JSON.parse(lines.out) as JsonlLine).id).toBe('a\u001b]0;x\u0007');
  });

  it('echoes ids exactly, as text when a double cannot hold them, and reports repeated ids', () => {
    const input = [
      `{"id": 12345678901234567890, "text": ${JSON.stringify(shortText)}}`,
      `{"id": 42, "text": ${JSON.stringify(shortText)}}`,
      `{"id": 42, "text": ${JSON.stringify(shortText)}}`,
    ].join('\n');
    const r = run(['--jsonl', file('ids.jsonl', input)]);
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n').map((l) => (JSON.parse(l) as JsonlLine).id)).toEqual(['12345678901234567890', 42, 42]);
    expect(r.err.trim()).toBe('mirage-score: warning: ' + join(dir, 'ids.jsonl') + ' line 3: id 42 was already used on line 2');
  });

  it.each([
    ['an unknown short option', ['-x'], /unknown option -x/],
    ['an unsupported --lang', ['--lang', 'de', 'x'], /--lang must be en or fr, not "de"/],
    ['a prototype name as --lang', ['--lang', '__proto__', 'x'], /--lang must be en or fr, not "__proto__"/],
  ])('%s is refused', (_n, args, pattern) => {
    const r = run(args);
    expectOneLineError(r, pattern);
    expect(r.out).toBe('');
  });

  it('reads a file whose name starts with "-" after --', () => {
    file('-x.txt', article);
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
    const r = spawnSync(process.execPath, ['--import', tsx, join(root, 'scripts/score.ts'), '--json', '--', '-x.txt'], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as ExplainedReport).counts.words).toBeGreaterThan(150);
  });
});
