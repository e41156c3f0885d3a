import { describe, expect, it } from 'vitest';
import { decodeText } from '@/src/pages/files/plain-text';

const FR = "L'élève a écrit « déjà vu » à 14 h ; coût : 3 € — c'était œuvre de Noël.";
const utf8 = (s: string) => new TextEncoder().encode(s);
/** Windows-1252 ("ANSI" in Windows Notepad and Excel's CSV in western Europe): one byte per character. */
const CP1252: Record<string, number> = { '€': 0x80, '—': 0x97, 'œ': 0x9c, '’': 0x92 };
const ansi = (s: string) => Uint8Array.from([...s].map((c) => CP1252[c] ?? c.charCodeAt(0)));
const cat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

describe('decodeText', () => {
  it.each<[string, Uint8Array, string]>([
    ['UTF-8', utf8(FR), FR],
    ['UTF-8 with its byte-order mark (dropped)', cat(Uint8Array.of(0xef, 0xbb, 0xbf), utf8(FR)), FR],
    ['UTF-16LE with its mark', cat(Uint8Array.of(0xff, 0xfe), Uint8Array.from([...FR].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]))), FR],
    ['UTF-16BE with its mark', cat(Uint8Array.of(0xfe, 0xff), Uint8Array.from([...FR].flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff]))), FR],
    ['Windows-1252 ("ANSI"), not valid UTF-8: read as Windows-1252', ansi(FR), FR],
    ['ISO-8859-1 French: the same', ansi('Les élèves ont étudié à Noël.'), 'Les élèves ont étudié à Noël.'],
    ['ASCII with one stray Windows-1252 byte', ansi('A cafe, then a caf\u00e9.'), 'A cafe, then a caf\u00e9.'],
    ['plain ASCII', utf8('Plain words.'), 'Plain words.'],
  ])('%s', (_, bytes, text) => {
    expect(decodeText(bytes)).toBe(text);
  });

  it('UTF-8 with one damaged byte among its accents stays UTF-8 (the damage alone becomes U+FFFD)', () => {
    const bytes = cat(utf8('élève été déjà '), Uint8Array.of(0xff), utf8(' fête'));
    expect(decodeText(bytes)).toBe('élève été déjà \uFFFD fête');
  });

  it('a byte-order mark is trusted: damaged UTF-8 after it is not re-read as Windows-1252', () => {
    expect(decodeText(cat(Uint8Array.of(0xef, 0xbb, 0xbf), Uint8Array.of(0x61, 0xe9, 0x62)))).toBe('a\uFFFDb');
  });
});
