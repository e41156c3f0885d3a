/**
 * archive-guard — open a zip (a .docx, an .odt or a class set) without letting it decide how much memory and time
 * it costs: the one gate every zip-based file passes before anything inflates it.
 *
 * When to use: before handing any part of a zip to a reader (mammoth, the ODT reader, the class-set reader). Never
 * give a reader the original archive: give it the parts this guard returns (or a zip rebuilt from them), so that
 * no other zip parser can read the file differently.
 *
 * What it checks, in this order:
 * 1. the archive's own size (`maxArchiveBytes`), then its central directory (EOCD, zip64 when present): the part
 *    count (`maxEntries`), every part's local header, and that no two parts share bytes (overlapping parts are how
 *    a 42 kB file claims gigabytes: refused as `overlapping-entries`);
 * 2. the DECLARED uncompressed size of each part it is asked to read (`maxEntryBytes`) and of all of them together
 *    (`maxTotalBytes`), before inflating anything;
 * 3. while inflating (fflate's streaming `Inflate`, fed INFLATE_CHUNK compressed bytes at a time): the REAL output,
 *    which stops as soon as it passes the part's declared size (`size-mismatch`: declared sizes lie) or a limit; the
 *    CRC-32 at the end (`corrupt`).
 * So the work done is at most min(declared, limit) + one chunk's worth of output per part, whatever the file claims.
 *
 * API:
 * - `listZip(bytes, limits)` -> `ZipEntry[]` (the central directory, checked as in 1).
 * - `inflateEntry(bytes, entry, maxBytes)` -> `Uint8Array` (one part, checked as in 3).
 * - `readZip(bytes, limits, wanted?)` -> `Map<name, Uint8Array>`: every wanted part (default: every file), all or
 *   nothing (two parts with one name are refused as `corrupt`); a document reader's way in.
 * - `ArchiveRefusal` (an Error with a typed `reason`, the part's `entry` name and the `limit` passed) is the only
 *   thing these functions throw.
 * - `DOCUMENT_LIMITS` (one .docx or .odt) and `CLASS_SET_LIMITS` (a zip of submissions), documented below.
 *
 * Limits: stored (0) and deflated (8) parts only; encrypted parts are refused, not guessed at; split (multi-disk)
 * archives are refused. File names: UTF-8 when flagged or valid, the Info-ZIP Unicode path when present, else CP437.
 */
import { Inflate } from 'fflate';

export type ArchiveProblem =
  | 'not-a-zip'
  | 'corrupt'
  | 'archive-too-large'
  | 'too-many-entries'
  | 'entry-too-large'
  | 'total-too-large'
  | 'size-mismatch'
  | 'overlapping-entries'
  | 'encrypted'
  | 'unsupported-compression';

/** The guard's one error: why an archive or a part of it was refused. */
export class ArchiveRefusal extends Error {
  readonly reason: ArchiveProblem;
  readonly entry?: string;
  readonly limit?: number;
  /** Bytes actually inflated before the refusal (for a part refused while inflating). */
  inflated?: number;
  constructor(reason: ArchiveProblem, entry?: string, limit?: number) {
    super(entry ? `${reason}: ${entry}` : reason);
    this.name = 'ArchiveRefusal';
    this.reason = reason;
    this.entry = entry;
    this.limit = limit;
  }
}

export interface ArchiveLimits {
  /** Size of the archive file itself (compressed), bytes. */
  maxArchiveBytes: number;
  /** Entries in the central directory, folders included. */
  maxEntries: number;
  /** Uncompressed size of one part that is read, declared and real, bytes. */
  maxEntryBytes: number;
  /** Uncompressed size of all the parts that are read, declared and real, bytes. */
  maxTotalBytes: number;
}

const MiB = 1024 * 1024;

/**
 * One .docx or .odt. The archive limit is the analysis page's file limit (15 MiB). A student's essay has a
 * document.xml of 50–500 kB and a 300-page thesis about 20 MB, so 32 MiB per part and 64 MiB for every part read
 * leave room for any real document while refusing a 300 MB bomb from its directory alone, and bound the XML a parser
 * must hold. A .docx has 10–30 parts plus one per image: 1,000 is generous.
 */
export const DOCUMENT_LIMITS: Readonly<ArchiveLimits> = {
  maxArchiveBytes: 15 * MiB,
  maxEntries: 1000,
  maxEntryBytes: 32 * MiB,
  maxTotalBytes: 64 * MiB,
};

/**
 * A zip of submissions (Moodle, Canvas, or a folder zipped by hand). 100 MiB holds a class of 40 PDFs of 2 MB with
 * room to spare (PDFs and .docx do not shrink in a zip); each file inside gets the single-file limit (15 MiB); the
 * files read may add up to 512 MiB, about five times the archive (text files shrink 3–5 times in a zip), inflated
 * one at a time in the file worker. 2,000 entries cover a cohort of 500 with folders and a few files each.
 */
export const CLASS_SET_LIMITS: Readonly<ArchiveLimits> = {
  maxArchiveBytes: 100 * MiB,
  maxEntries: 2000,
  maxEntryBytes: 15 * MiB,
  maxTotalBytes: 512 * MiB,
};

/** Compressed bytes fed to the inflater at a time: one push can produce at most ~1,032 times this (8 MiB). */
export const INFLATE_CHUNK = 8 * 1024;

export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflated. */
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  /** Declared uncompressed size (may lie: checked again while inflating). */
  size: number;
  /** Offset of the local header. */
  offset: number;
  /** Offset of the compressed data (after the local header). */
  dataStart: number;
  isDirectory: boolean;
  encrypted: boolean;
}

const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;

function u16(b: Uint8Array, at: number): number {
  return (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
}
function u32(b: Uint8Array, at: number): number {
  return ((b[at] ?? 0) | ((b[at + 1] ?? 0) << 8) | ((b[at + 2] ?? 0) << 16) | ((b[at + 3] ?? 0) << 24)) >>> 0;
}
/** A little-endian 64-bit value as a number; anything past 2^53 is corrupt for our purposes. */
function u64(b: Uint8Array, at: number): number {
  const hi = u32(b, at + 4);
  if (hi >= 0x200000) throw new ArchiveRefusal('corrupt');
  return hi * 0x100000000 + u32(b, at);
}

// CP437, the zip default for names without the UTF-8 flag: bytes 128-255.
const CP437_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

function decodeName(raw: Uint8Array, utf8Flag: boolean): string {
  if (utf8Flag) return new TextDecoder('utf-8').decode(raw);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    let s = '';
    for (const c of raw) s += c < 128 ? String.fromCharCode(c) : CP437_HIGH[c - 128];
    return s;
  }
}

function findEocd(b: Uint8Array): number {
  // The record is 22 bytes plus a comment of up to 65,535 bytes, at the very end.
  const stop = Math.max(0, b.length - 22 - 0xffff);
  for (let i = b.length - 22; i >= stop; i--) {
    if (u32(b, i) === SIG_EOCD && i + 22 + u16(b, i + 20) <= b.length) return i;
  }
  return -1;
}

interface Directory {
  count: number;
  cdSize: number;
  cdOffset: number;
  /** Where the central directory must end (the end record, or the zip64 one). */
  cdEnd: number;
}

/** The end-of-central-directory record (and its zip64 form). Throws ArchiveRefusal. */
function readDirectoryEnd(bytes: Uint8Array, limits: Readonly<ArchiveLimits>): Directory {
  if (bytes.length > limits.maxArchiveBytes) throw new ArchiveRefusal('archive-too-large', undefined, limits.maxArchiveBytes);
  const eocd = bytes.length >= 22 ? findEocd(bytes) : -1;
  if (eocd < 0) throw new ArchiveRefusal('not-a-zip');
  if (u16(bytes, eocd + 4) !== 0 || u16(bytes, eocd + 6) !== 0) throw new ArchiveRefusal('corrupt', 'multi-disk archive');
  let dir: Directory = { count: u16(bytes, eocd + 10), cdSize: u32(bytes, eocd + 12), cdOffset: u32(bytes, eocd + 16), cdEnd: eocd };
  if (dir.count === 0xffff || dir.cdSize === 0xffffffff || dir.cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || u32(bytes, loc) !== SIG_EOCD64_LOCATOR) throw new ArchiveRefusal('corrupt', 'zip64 locator');
    const rec = u64(bytes, loc + 8);
    if (rec + 56 > loc || u32(bytes, rec) !== SIG_EOCD64) throw new ArchiveRefusal('corrupt', 'zip64 record');
    dir = { count: u64(bytes, rec + 32), cdSize: u64(bytes, rec + 40), cdOffset: u64(bytes, rec + 48), cdEnd: rec };
  }
  if (dir.count > limits.maxEntries) throw new ArchiveRefusal('too-many-entries', undefined, limits.maxEntries);
  if (dir.cdOffset + dir.cdSize > dir.cdEnd) throw new ArchiveRefusal('corrupt', 'central directory');
  return dir;
}

interface Sizes {
  name: string;
  size: number;
  compressedSize: number;
  offset: number;
}

/** Extra fields from `from` to `to`: zip64 sizes (0x0001) and the Info-ZIP Unicode path (0x7075). */
function readExtras(bytes: Uint8Array, from: number, to: number, v: Sizes): Sizes {
  const out = { ...v };
  for (let e = from; e + 4 <= to; ) {
    const id = u16(bytes, e);
    const len = u16(bytes, e + 2);
    const body = e + 4;
    if (body + len > to) break;
    if (id === 0x0001) {
      let q = body;
      const take = () => {
        if (q + 8 > body + len) throw new ArchiveRefusal('corrupt', out.name);
        const x = u64(bytes, q);
        q += 8;
        return x;
      };
      if (out.size === 0xffffffff) out.size = take();
      if (out.compressedSize === 0xffffffff) out.compressedSize = take();
      if (out.offset === 0xffffffff) out.offset = take();
    } else if (id === 0x7075 && len > 5 && bytes[body] === 1) {
      out.name = new TextDecoder('utf-8').decode(bytes.subarray(body + 5, body + len));
    }
    e = body + len;
  }
  return out;
}

/** The central-directory entry at `p`, checked against its local header; and where the next one starts. */
function readCentralEntry(bytes: Uint8Array, p: number, dir: Directory): { entry: ZipEntry; next: number } {
  if (p + 46 > dir.cdEnd || u32(bytes, p) !== SIG_CENTRAL) throw new ArchiveRefusal('corrupt', 'central directory');
  const flags = u16(bytes, p + 8);
  const nameLen = u16(bytes, p + 28);
  const extraLen = u16(bytes, p + 30);
  const next = p + 46 + nameLen + extraLen + u16(bytes, p + 32);
  if (next > dir.cdEnd) throw new ArchiveRefusal('corrupt', 'central directory');
  const declared: Sizes = {
    name: decodeName(bytes.subarray(p + 46, p + 46 + nameLen), (flags & 0x800) !== 0),
    compressedSize: u32(bytes, p + 20),
    size: u32(bytes, p + 24),
    offset: u32(bytes, p + 42),
  };
  const { name, size, compressedSize, offset } = readExtras(bytes, p + 46 + nameLen, p + 46 + nameLen + extraLen, declared);
  if (offset + 30 > dir.cdOffset || u32(bytes, offset) !== SIG_LOCAL) throw new ArchiveRefusal('corrupt', name);
  const dataStart = offset + 30 + u16(bytes, offset + 26) + u16(bytes, offset + 28);
  if (dataStart + compressedSize > dir.cdOffset) throw new ArchiveRefusal('corrupt', name);
  const entry: ZipEntry = {
    name,
    method: u16(bytes, p + 10),
    flags,
    crc: u32(bytes, p + 16),
    compressedSize,
    size,
    offset,
    dataStart,
    isDirectory: name.endsWith('/') || name.endsWith('\\'),
    encrypted: (flags & 1) !== 0,
  };
  return { entry, next };
}

/** Read and check the central directory. Throws ArchiveRefusal. */
export function listZip(bytes: Uint8Array, limits: Readonly<ArchiveLimits>): ZipEntry[] {
  const dir = readDirectoryEnd(bytes, limits);
  const entries: ZipEntry[] = [];
  let p = dir.cdOffset;
  for (let k = 0; k < dir.count; k++) {
    const { entry, next } = readCentralEntry(bytes, p, dir);
    entries.push(entry);
    p = next;
  }
  // No two parts may share bytes (the "overlapping files" zip bomb): sorted by offset, each part's data must end
  // before the next part's local header starts.
  const sorted = [...entries].sort((a, b) => a.offset - b.offset);
  sorted.forEach((next, k) => {
    const prev = sorted[k - 1];
    if (prev && prev.dataStart + prev.compressedSize > next.offset) throw new ArchiveRefusal('overlapping-entries', next.name);
  });
  return entries;
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

function crc32(data: Uint8Array, crc = 0): number {
  let c = ~crc;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

/**
 * Inflate one part, refusing as soon as the real output passes its declared size or `maxBytes`. The part's own
 * declared size is checked against `maxBytes` first (nothing inflates then).
 */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes: number): Uint8Array {
  if (entry.encrypted) throw new ArchiveRefusal('encrypted', entry.name);
  if (entry.size > maxBytes) throw new ArchiveRefusal('entry-too-large', entry.name, maxBytes);
  const input = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  let out: Uint8Array;
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) throw new ArchiveRefusal('size-mismatch', entry.name);
    out = input.slice();
  } else if (entry.method === 8) {
    const cap = entry.size;
    const parts: Uint8Array[] = [];
    let total = 0;
    let over = false;
    const inflater = new Inflate((chunk) => {
      total += chunk.length;
      if (total > cap) over = true;
      else parts.push(chunk);
    });
    try {
      for (let at = 0; at < input.length && !over; at += INFLATE_CHUNK) {
        const end = Math.min(at + INFLATE_CHUNK, input.length);
        inflater.push(input.subarray(at, end), end === input.length);
      }
      if (input.length === 0) inflater.push(new Uint8Array(0), true);
    } catch {
      throw new ArchiveRefusal('corrupt', entry.name);
    }
    if (over) {
      const refusal = new ArchiveRefusal('size-mismatch', entry.name, cap);
      refusal.inflated = total;
      throw refusal;
    }
    if (total !== entry.size) throw new ArchiveRefusal('size-mismatch', entry.name);
    out = new Uint8Array(total);
    let at = 0;
    for (const c of parts) {
      out.set(c, at);
      at += c.length;
    }
  } else {
    throw new ArchiveRefusal('unsupported-compression', entry.name);
  }
  if (crc32(out) !== entry.crc) throw new ArchiveRefusal('corrupt', entry.name);
  return out;
}

/**
 * Every wanted part of a zip, all or nothing: the declared sizes are checked first (each, then together), then
 * each part is inflated under the same limits. `wanted` defaults to every file (folders are never wanted).
 */
export function readZip(
  bytes: Uint8Array,
  limits: Readonly<ArchiveLimits>,
  wanted: (entry: ZipEntry) => boolean = () => true,
): Map<string, Uint8Array> {
  const entries = listZip(bytes, limits).filter((e) => !e.isDirectory && wanted(e));
  let declared = 0;
  const names = new Set<string>();
  for (const e of entries) {
    // Two parts with one name: which one a reader takes is up to the reader. Refused, not guessed.
    if (names.has(e.name)) throw new ArchiveRefusal('corrupt', e.name);
    names.add(e.name);
    if (e.encrypted) throw new ArchiveRefusal('encrypted', e.name);
    if (e.size > limits.maxEntryBytes) throw new ArchiveRefusal('entry-too-large', e.name, limits.maxEntryBytes);
    declared += e.size;
    if (declared > limits.maxTotalBytes) throw new ArchiveRefusal('total-too-large', undefined, limits.maxTotalBytes);
  }
  // Declared sizes bound the real ones (inflateEntry stops past the declared size), so the total holds too.
  const parts = new Map<string, Uint8Array>();
  for (const e of entries) parts.set(e.name, inflateEntry(bytes, e, limits.maxEntryBytes));
  return parts;
}
