import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import {
  ArchiveRefusal,
  CLASS_SET_LIMITS,
  DOCUMENT_LIMITS,
  INFLATE_CHUNK,
  inflateEntry,
  listZip,
  readZip,
  type ArchiveLimits,
  type ArchiveProblem,
} from '@/src/pages/files/archive-guard';
import { craftZip, xmlBomb } from './zip-craft';

const small: ArchiveLimits = { maxArchiveBytes: 1 << 20, maxEntries: 4, maxEntryBytes: 1000, maxTotalBytes: 1500 };
const text = (n: number, c = 'a') => strToU8(c.repeat(n));

function refusal(f: () => unknown): ArchiveRefusal {
  try {
    f();
  } catch (e) {
    if (e instanceof ArchiveRefusal) return e;
    throw new Error(`not an ArchiveRefusal: ${String(e)}`);
  }
  throw new Error('no refusal');
}

describe('readZip: what passes', () => {
  it('reads every part of an honest zip (fflate), stored and deflated, folders left out', () => {
    const zip = zipSync({ 'a.txt': text(500), 'dir/': new Uint8Array(0), 'dir/b.txt': [text(300, 'b'), { level: 0 }] });
    const parts = readZip(zip, small);
    expect([...parts.keys()].sort()).toEqual(['a.txt', 'dir/b.txt']);
    expect(new TextDecoder().decode(parts.get('dir/b.txt'))).toBe('b'.repeat(300));
  });

  it('reads only the wanted parts, and an unwanted bomb is never inflated', () => {
    const bomb = xmlBomb(8);
    const zip = craftZip([{ name: 'doc.xml', data: text(100) }, { name: 'media/huge.bmp', compressed: bomb.compressed, size: bomb.size, crc: bomb.crc }]);
    const parts = readZip(zip, small, (e) => e.name.endsWith('.xml'));
    expect([...parts.keys()]).toEqual(['doc.xml']);
  });

  it('reads zip64 records and extra fields (as streaming zip writers produce them)', () => {
    const zip = craftZip([{ name: 'a.txt', data: text(200), zip64: true }, { name: 'b.txt', data: text(10, 'b') }], { zip64End: true });
    const entries = listZip(zip, small);
    expect(entries.map((e) => [e.name, e.size])).toEqual([['a.txt', 200], ['b.txt', 10]]);
    expect(new TextDecoder().decode(readZip(zip, small).get('a.txt'))).toBe('a'.repeat(200));
  });

  it.each([
    ['UTF-8 flag', new TextEncoder().encode('Éloïse Martin/essai.odt'), 0x800, 'Éloïse Martin/essai.odt'],
    ['UTF-8 without the flag', new TextEncoder().encode('Zoé/texte.txt'), 0, 'Zoé/texte.txt'],
    ['CP437 (Windows zip)', new Uint8Array([0x82, 0x6c, 0x8a, 0x76, 0x65, 0x2e, 0x74, 0x78, 0x74]), 0, 'élève.txt'],
  ])('file names: %s', (_, raw, flags, name) => {
    const zip = craftZip([{ name: raw, data: text(5), flags }]);
    expect(listZip(zip, small)[0]?.name).toBe(name);
  });

  it('the limits are named and ordered sensibly', () => {
    for (const l of [DOCUMENT_LIMITS, CLASS_SET_LIMITS]) {
      expect(l.maxEntryBytes).toBeLessThanOrEqual(l.maxTotalBytes);
      expect(l.maxEntries).toBeGreaterThan(0);
    }
    expect(DOCUMENT_LIMITS.maxArchiveBytes).toBe(15 * 1024 * 1024);
  });
});

describe('readZip: what is refused, and why', () => {
  const cases: [string, () => Uint8Array, ArchiveProblem][] = [
    ['not a zip at all', () => strToU8('just some text, not an archive'), 'not-a-zip'],
    ['an empty file', () => new Uint8Array(0), 'not-a-zip'],
    ['a zip cut short (directory gone)', () => zipSync({ 'a.txt': text(400) }).subarray(0, 60), 'not-a-zip'],
    ['a directory pointing past its end', () => {
      const z = zipSync({ 'a.txt': text(10) });
      z[z.length - 6] = 0xff; // central directory offset
      return z;
    }, 'corrupt'],
    ['an archive bigger than the limit', () => zipSync({ 'a.bin': [crypto.getRandomValues(new Uint8Array(60_000)), { level: 0 }] }), 'archive-too-large'],
    ['too many parts', () => zipSync({ a: text(1), b: text(1), c: text(1), d: text(1), e: text(1) }), 'too-many-entries'],
    ['one part declared over the part limit', () => zipSync({ 'big.txt': text(1001) }), 'entry-too-large'],
    ['all parts declared over the total limit', () => zipSync({ 'a.txt': text(800), 'b.txt': text(800) }), 'total-too-large'],
    ['a declared size that lies (real output larger)', () => craftZip([{ name: 'a.txt', data: text(900), size: 100 }]), 'size-mismatch'],
    ['a declared size that lies (real output smaller)', () => craftZip([{ name: 'a.txt', data: text(100), size: 900 }]), 'size-mismatch'],
    ['a stored part whose sizes disagree', () => craftZip([{ name: 'a.txt', data: text(100), method: 0, size: 90 }]), 'size-mismatch'],
    ['a wrong CRC', () => craftZip([{ name: 'a.txt', data: text(100), crc: 12345 }]), 'corrupt'],
    ['a broken deflate stream', () => craftZip([{ name: 'a.txt', compressed: new Uint8Array([0xff, 0xff, 0xff, 0xff]), size: 10, crc: 0 }]), 'corrupt'],
    ['an encrypted part', () => craftZip([{ name: 'a.txt', data: text(10), flags: 1 }]), 'encrypted'],
    ['an unknown compression method', () => {
      const z = craftZip([{ name: 'a.txt', data: text(10), method: 0 }]);
      const cd = z.length - 22 - 46 - 5; // the only central entry
      z[cd + 10] = 14; // LZMA
      return z;
    }, 'unsupported-compression'],
    ['parts sharing their bytes (overlapping-files bomb)', () => craftZip([{ name: 'a', data: text(50) }, { name: 'b', data: text(50) }, { name: 'c', data: text(50) }], { shareFirst: true }), 'overlapping-entries'],
    ['two parts with one name', () => craftZip([{ name: 'a.xml', data: text(5) }, { name: 'a.xml', data: text(6) }]), 'corrupt'],
  ];
  it.each(cases)('%s -> %s', (_, make, reason) => {
    const limits = reason === 'archive-too-large' ? { ...small, maxArchiveBytes: 50_000 } : small;
    expect(refusal(() => readZip(make(), limits)).reason).toBe(reason);
  });

  it('a refusal names the part and the limit', () => {
    const r = refusal(() => readZip(zipSync({ 'word/document.xml': text(1001) }), small));
    expect(r).toMatchObject({ reason: 'entry-too-large', entry: 'word/document.xml', limit: 1000 });
    expect(r.message).toContain('word/document.xml');
  });
});

describe('declared sizes lie: the real output is bounded', () => {
  it('a 300 MiB part declared honestly is refused from the directory alone, in well under a second', () => {
    const bomb = xmlBomb(300);
    const zip = craftZip([{ name: 'word/document.xml', compressed: bomb.compressed, size: bomb.size, crc: bomb.crc }]);
    expect(zip.length).toBeLessThan(1.5 * 1024 * 1024);
    const t = performance.now();
    expect(refusal(() => readZip(zip, DOCUMENT_LIMITS)).reason).toBe('entry-too-large');
    expect(performance.now() - t).toBeLessThan(100);
  });

  it('a 300 MiB part declared as 1 kB stops after one chunk of output, not 300 MiB', () => {
    const bomb = xmlBomb(300);
    const zip = craftZip([{ name: 'word/document.xml', compressed: bomb.compressed, size: 1000, crc: bomb.crc }]);
    const entry = listZip(zip, DOCUMENT_LIMITS)[0]!;
    const t = performance.now();
    const r = refusal(() => inflateEntry(zip, entry, DOCUMENT_LIMITS.maxEntryBytes));
    expect(r.reason).toBe('size-mismatch');
    // One push of INFLATE_CHUNK compressed bytes yields at most ~1,032 times as much.
    expect(r.inflated).toBeLessThanOrEqual(INFLATE_CHUNK * 1032 + 32 * 1024);
    expect(performance.now() - t).toBeLessThan(500);
  });

  it('a 300 MiB part declared as 30 MiB (under the part limit) stops just past 30 MiB', () => {
    const bomb = xmlBomb(300);
    const declared = 30 * 1024 * 1024;
    const zip = craftZip([{ name: 'content.xml', compressed: bomb.compressed, size: declared, crc: bomb.crc }]);
    const r = refusal(() => readZip(zip, DOCUMENT_LIMITS));
    expect(r.reason).toBe('size-mismatch');
    expect(r.inflated).toBeGreaterThan(declared);
    expect(r.inflated).toBeLessThanOrEqual(declared + INFLATE_CHUNK * 1032 + 32 * 1024);
  });
});
