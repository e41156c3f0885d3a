/**
 * zip-craft — build zips byte by byte for the tests, including the hostile ones a normal zip writer refuses to make:
 * declared sizes that lie, parts that share their bytes, encrypted flags, zip64 records, CP437 names. Test-only.
 */
import { crc32 as zcrc32, deflateRawSync } from 'node:zlib';

export interface CraftEntry {
  name: string | Uint8Array;
  /** The uncompressed content (used for the CRC and, unless `compressed` is given, compressed here). */
  data?: Uint8Array;
  /** Already-compressed bytes (method 8) when `data` would be too big to hold. */
  compressed?: Uint8Array;
  method?: 0 | 8;
  /** Override the declared uncompressed size (a lie). */
  size?: number;
  crc?: number;
  flags?: number;
  /** Write the sizes and offset in a zip64 extra field. */
  zip64?: boolean;
  /** Extra field bytes for the central directory. */
  extra?: Uint8Array;
}

/** Node's own CRC-32 (zlib), independent of the guard's. */
export function crc32(data: Uint8Array): number {
  return zcrc32(data) >>> 0;
}

class Writer {
  parts: Uint8Array[] = [];
  length = 0;
  bytes(b: Uint8Array) {
    this.parts.push(b);
    this.length += b.length;
  }
  u16(v: number) {
    this.bytes(new Uint8Array([v & 0xff, (v >>> 8) & 0xff]));
  }
  u32(v: number) {
    this.bytes(new Uint8Array([v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff]));
  }
  u64(v: number) {
    this.u32(v % 0x100000000);
    this.u32(Math.floor(v / 0x100000000));
  }
  done(): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const p of this.parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }
}

export interface CraftOptions {
  /** Point every central entry at the first part's local header (the overlapping-files bomb). */
  shareFirst?: boolean;
  /** Write a zip64 end-of-central-directory record (and 0xFFFF/0xFFFFFFFF in the classic one). */
  zip64End?: boolean;
}

export function craftZip(entries: CraftEntry[], options: CraftOptions = {}): Uint8Array {
  const w = new Writer();
  const central: { e: CraftEntry; name: Uint8Array; offset: number; csize: number; size: number; crc: number; method: number }[] = [];
  for (const e of entries) {
    const name = typeof e.name === 'string' ? new TextEncoder().encode(e.name) : e.name;
    const method = e.method ?? 8;
    const data = e.data ?? new Uint8Array(0);
    const body = e.compressed ?? (method === 8 ? new Uint8Array(deflateRawSync(data)) : data);
    const size = e.size ?? data.length;
    const crc = e.crc ?? crc32(data);
    const offset = w.length;
    w.u32(0x04034b50);
    w.u16(20);
    w.u16(e.flags ?? 0);
    w.u16(method);
    w.u16(0);
    w.u16(0x21);
    w.u32(crc);
    w.u32(body.length);
    w.u32(size);
    w.u16(name.length);
    w.u16(0);
    w.bytes(name);
    w.bytes(body);
    central.push({ e, name, offset, csize: body.length, size, crc, method });
  }
  const cdStart = w.length;
  for (const c of central) {
    const offset = options.shareFirst ? central[0]!.offset : c.offset;
    const z64 = c.e.zip64 === true;
    const extra = new Writer();
    if (z64) {
      extra.u16(0x0001);
      extra.u16(24);
      extra.u64(c.size);
      extra.u64(c.csize);
      extra.u64(offset);
    }
    if (c.e.extra) extra.bytes(c.e.extra);
    const extraBytes = extra.done();
    w.u32(0x02014b50);
    w.u16(0x031e);
    w.u16(z64 ? 45 : 20);
    w.u16(c.e.flags ?? 0);
    w.u16(c.method);
    w.u16(0);
    w.u16(0x21);
    w.u32(c.crc);
    w.u32(z64 ? 0xffffffff : c.csize);
    w.u32(z64 ? 0xffffffff : c.size);
    w.u16(c.name.length);
    w.u16(extraBytes.length);
    w.u16(0);
    w.u16(0);
    w.u16(0);
    w.u32(0);
    w.u32(z64 ? 0xffffffff : offset);
    w.bytes(c.name);
    w.bytes(extraBytes);
  }
  const cdSize = w.length - cdStart;
  if (options.zip64End) {
    const rec = w.length;
    w.u32(0x06064b50);
    w.u64(44);
    w.u16(45);
    w.u16(45);
    w.u32(0);
    w.u32(0);
    w.u64(central.length);
    w.u64(central.length);
    w.u64(cdSize);
    w.u64(cdStart);
    w.u32(0x07064b50);
    w.u32(0);
    w.u64(rec);
    w.u32(1);
  }
  w.u32(0x06054b50);
  w.u16(0);
  w.u16(0);
  w.u16(options.zip64End ? 0xffff : central.length);
  w.u16(options.zip64End ? 0xffff : central.length);
  w.u32(options.zip64End ? 0xffffffff : cdSize);
  w.u32(options.zip64End ? 0xffffffff : cdStart);
  w.u16(0);
  return w.done();
}

/**
 * The raw DEFLATE stream of `megabytes` MiB of repeated Word XML, made without holding it twice: about 3 kB per MiB
 * at level 9 (300 MiB -> ~0.9 MB), the shape of the .docx bomb in the security report. Made once per size per file.
 */
const bombs = new Map<number, { compressed: Uint8Array; size: number; crc: number }>();
export function xmlBomb(megabytes: number): { compressed: Uint8Array; size: number; crc: number } {
  const cached = bombs.get(megabytes);
  if (cached) return cached;
  const unit = Buffer.from('<w:p><w:r><w:t>lorem ipsum dolor sit amet</w:t></w:r></w:p>'.repeat(16384)).subarray(0, 1024 * 1024);
  const big = Buffer.alloc(megabytes * 1024 * 1024);
  for (let at = 0; at < big.length; at += unit.length) unit.copy(big, at);
  const compressed = new Uint8Array(deflateRawSync(big, { level: 9 }));
  const bomb = { compressed, size: big.length, crc: crc32(big) };
  bombs.set(megabytes, bomb);
  return bomb;
}
