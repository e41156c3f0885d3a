// Bounded reading and decoding of the command line's input (src/cli/input.ts), ids echoed exactly
// (src/cli/ids.ts) and text made safe for a terminal (src/cli/terminal.ts).
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CHUNK_BYTES, decodeText, readStreamBounded } from '../../src/cli/input';
import { doubleHoldsExactly, exactId, rawTopLevelValue } from '../../src/cli/ids';
import { forTerminal, jsonForTerminal } from '../../src/cli/terminal';

function endless(chunk: Buffer) {
  let produced = 0;
  const stream = new Readable({
    read() {
      produced += chunk.length;
      this.push(chunk);
    },
  });
  return { stream, produced: () => produced };
}

describe('readStreamBounded', () => {
  it('stops an endless source just past the limit and destroys it', async () => {
    const src = endless(Buffer.from('y\n'.repeat(32 * 1024)));
    const limit = 1024 * 1024;
    await expect(readStreamBounded(src.stream, '-', limit)).rejects.toThrow(/standard input is over 1\.0 MiB; the limit is 1\.0 MiB/);
    expect(src.produced()).toBeLessThanOrEqual(limit + CHUNK_BYTES);
    expect(src.stream.destroyed).toBe(true);
  });

  it('refuses binary data at the first chunk instead of reading it all', async () => {
    const src = endless(Buffer.alloc(64 * 1024));
    await expect(readStreamBounded(src.stream, '/dev/zero', 64 * 1024 * 1024)).rejects.toThrow(/binary data/);
    expect(src.produced()).toBeLessThan(1024 * 1024);
  });

  it('reads a finite source whole', async () => {
    const buf = await readStreamBounded(Readable.from([Buffer.from('abc'), Buffer.from('déf')]), 'x', 100);
    expect(buf.toString('utf8')).toBe('abcdéf');
  });
});

const text = 'Élise wrote “this” — fine.\nSecond line.';
const bom16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const bom16be = Buffer.from(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]));

describe('decodeText', () => {
  it.each([
    ['UTF-8', Buffer.from(text, 'utf8')],
    ['UTF-8 with a byte-order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])],
    ['UTF-16 LE with a byte-order mark', bom16le],
    ['UTF-16 BE with a byte-order mark', bom16be],
  ])('%s is read', (_n, buf) => {
    expect(decodeText(buf, 'f')).toBe(text);
  });

  it.each([
    ['empty', Buffer.alloc(0), /f is empty/],
    ['UTF-16 without a byte-order mark', Buffer.from(text, 'utf16le'), /binary data.*UTF-16 text needs a byte-order mark/],
    ['UTF-32', Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), Buffer.from('a\0\0\0')]), /UTF-32/],
    ['invalid UTF-8', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20]), /not valid UTF-8/],
    ['UTF-16 with an odd byte count', Buffer.concat([bom16le, Buffer.from([0x41])]), /not valid UTF-16LE/],
  ])('%s is refused by name', (_n, buf, pattern) => {
    expect(() => decodeText(buf, 'f')).toThrow(pattern);
  });
});

describe('exact ids', () => {
  it.each([
    ['{"id": 12345678901234567890, "text": "x"}', 12345678901234567000, '12345678901234567890'],
    ['{"text": "x", "id": -9007199254740993}', -9007199254740992, '-9007199254740993'],
    ['{"id": 9007199254740991, "text": "x"}', 9007199254740991, 9007199254740991],
    ['{"id": 42, "text": "{\\"id\\": 1}"}', 42, 42],
    ['{"meta": {"id": 99999999999999999999}, "id": 7}', 7, 7],
    ['{"id": 1.5, "text": "x"}', 1.5, 1.5],
    ['{"id": 0.12345678901234567890123, "text": "x"}', 0.12345678901234568, '0.12345678901234567890123'],
    ['{"id": "abc", "text": "x"}', 'abc', 'abc'],
  ])('%s', (line, parsed, expected) => {
    expect(exactId(line, parsed)).toBe(expected);
  });

  it('finds a top-level value past strings and nested values', () => {
    expect(rawTopLevelValue('{"a": "},\\"id\\":", "b": [1, {"id": 2}], "id" : 3 }', 'id')).toBe('3');
    expect(rawTopLevelValue('[1]', 'id')).toBeUndefined();
  });

  it('knows which numbers a double holds', () => {
    expect(doubleHoldsExactly('9007199254740993', 9007199254740992)).toBe(false);
    expect(doubleHoldsExactly('100', 100)).toBe(true);
  });
});

describe('terminal safety', () => {
  const hostile = 'Title\u001b]0;pwned\u0007 and \u001b]52;c;ZXZpbA==\u0007 clip, \u001b[2J clear, \u009b31m c1, \u202egnp.exe, tab\tok\r\nend';
  it('removes control and bidi characters from what a terminal shows', () => {
    const out = forTerminal(hostile);
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(out).toContain('tab\tok\nend');
    expect(out).toContain(']52;c;ZXZpbA== clip');
  });

  it('keeps JSON exact while escaping what a terminal would act on', () => {
    const json = jsonForTerminal(JSON.stringify({ t: hostile }));
    expect(json).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(JSON.parse(json)).toEqual({ t: hostile });
  });
});
