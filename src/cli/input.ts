/**
 * input — the command line's bounded reading of a file, a device or standard input, and its decoding to text.
 *
 * What: `readBounded(source, limit)` streams a path (regular file, FIFO, character device such as /dev/zero) or
 * standard input ('-') chunk by chunk and stops as soon as more than `limit` bytes have arrived, so an endless
 * source (`yes | score -- -`, `score -- /dev/zero`) costs at most `limit` + one chunk of memory. `decodeText`
 * turns the bytes into a string: UTF-8 (a byte-order mark is dropped), UTF-16 with a byte-order mark (little or
 * big endian), and names what it refuses (UTF-32, UTF-16 without a byte-order mark, binary data, invalid UTF-8).
 * Errors are `InputError`s whose message is one line for the user, never a stack or an errno code alone.
 *
 * Limits: a UTF-16 file without a byte-order mark cannot be told from binary data reliably; it is refused with a
 * hint. Reading is sequential: a source that never ends and never sends data (an idle terminal) waits, as `cat`
 * does.
 */
import { createReadStream, statSync } from 'node:fs';
import type { Readable } from 'node:stream';

/** One line for the user; the CLI prints it after "mirage-score: error: ". */
export class InputError extends Error {}

/** Size of one read: the most that can be held beyond the limit before the read stops. */
export const CHUNK_BYTES = 1024 * 1024;

export function sourceName(source: string): string {
  return source === '-' ? 'standard input' : source;
}

export function mib(n: number): string {
  return (n / 1024 / 1024).toFixed(1);
}

function openSource(source: string, limit: number): Readable {
  if (source === '-') return process.stdin;
  let st;
  try {
    st = statSync(source);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(code === 'EACCES' ? `cannot read ${source}: permission denied` : `cannot read ${source}: no such file`);
  }
  if (st.isDirectory()) throw new InputError(`cannot read ${source}: it is a directory`);
  // a regular file says its size: refuse at once; devices and pipes report 0 and are bounded while reading
  if (st.isFile() && st.size > limit) throw new InputError(`${source} is ${mib(st.size)} MiB; the limit is ${mib(limit)} MiB`);
  return createReadStream(source, { highWaterMark: CHUNK_BYTES });
}

function readError(source: string, e: unknown): InputError {
  const code = (e as NodeJS.ErrnoException).code;
  const name = sourceName(source);
  if (code === 'EBADF' || code === 'EINVAL') return new InputError(`cannot read ${name}: it is closed or not open for reading`);
  if (code === 'EACCES' || code === 'EPERM') return new InputError(`cannot read ${name}: permission denied`);
  if (code === 'EISDIR') return new InputError(`cannot read ${name}: it is a directory`);
  return new InputError(`cannot read ${name}: ${code ?? 'read error'}`);
}

/** Read `source` ('-' = standard input) completely, refusing once more than `limit` bytes have arrived. */
export async function readBounded(source: string, limit: number): Promise<Buffer> {
  return readStreamBounded(openSource(source, limit), source, limit);
}

/** Read a stream to its end, refusing (and destroying it) once more than `limit` bytes have arrived. */
export async function readStreamBounded(stream: Readable, source: string, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      if (total === 0 && startsBinary(b)) throw new InputError(binaryMessage(sourceName(source)));
      total += b.length;
      if (total > limit) throw new InputError(`${sourceName(source)} is over ${mib(limit)} MiB; the limit is ${mib(limit)} MiB`);
      chunks.push(b);
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw readError(source, e);
  } finally {
    // an endless source refused past the limit must not keep the process alive
    stream.destroy();
  }
  return Buffer.concat(chunks, total);
}

function hasUnicodeBom(b: Buffer): boolean {
  return (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff) || (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff);
}

/** A first chunk with NUL bytes and no UTF-16/32 byte-order mark is binary: stop reading at once (/dev/zero). */
function startsBinary(first: Buffer): boolean {
  return !hasUnicodeBom(first) && first.includes(0);
}

function binaryMessage(name: string): string {
  return `${name} looks like binary data (it contains NUL bytes), not text; UTF-16 text needs a byte-order mark`;
}

/** Decode bytes to text, or say by name why not. `name` is how the source is called in messages. */
export function decodeText(buf: Buffer, name: string): string {
  if (buf.length === 0) throw new InputError(`${name} is empty`);
  const b0 = buf[0];
  const b1 = buf[1];
  if (b0 === 0xff && b1 === 0xfe && buf[2] === 0 && buf[3] === 0) throw new InputError(`${name} is UTF-32 text, which is not supported: save it as UTF-8`);
  if (b0 === 0x00 && b1 === 0x00 && buf[2] === 0xfe && buf[3] === 0xff) throw new InputError(`${name} is UTF-32 text, which is not supported: save it as UTF-8`);
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    const enc = b0 === 0xff ? 'utf-16le' : 'utf-16be';
    if (buf.length % 2 !== 0) throw new InputError(`${name} is not valid ${enc.toUpperCase()} text (odd number of bytes)`);
    try {
      const text = new TextDecoder(enc, { fatal: true }).decode(buf.subarray(2));
      if (text.includes('\0')) throw new Error('nul');
      return text;
    } catch {
      throw new InputError(`${name} is not valid ${enc.toUpperCase()} text`);
    }
  }
  if (buf.includes(0)) throw new InputError(binaryMessage(name));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf).replace(/^\uFEFF/, '');
  } catch {
    throw new InputError(`${name} is not valid UTF-8 text`);
  }
}
