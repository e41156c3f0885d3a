import { describe, expect, it } from 'vitest';
import { strToU8 } from 'fflate';
import { readDocx } from '@/src/pages/files/docx';
import type { ReadResult } from '@/src/pages/files/read-result';
import { craftZip, xmlBomb } from './zip-craft';
import { DOCX_RELS, DOCX_TYPES, makeDocx, oleFile } from './doc-craft';

describe('readDocx: text', () => {
  it.each([
    [['First paragraph.', 'Second one, with <markup> & an ampersand.'], 'First paragraph.\n\nSecond one, with <markup> & an ampersand.'],
    [['Une dissertation en français : « élève », cœur.'], 'Une dissertation en français : « élève », cœur.'],
    [['  spaced   out  '], 'spaced out'],
  ])('%j', async (paragraphs, text) => {
    expect(await readDocx(makeDocx(paragraphs))).toEqual({ text });
  });

  it('an image part is never inflated: a bomb hidden in word/media still leaves the text readable', async () => {
    const bomb = xmlBomb(300);
    const docx = craftZip([
      { name: '[Content_Types].xml', data: strToU8(DOCX_TYPES) },
      { name: '_rels/.rels', data: strToU8(DOCX_RELS) },
      { name: 'word/document.xml', data: makeDocxXml('Text beside a picture.') },
      { name: 'word/media/image1.png', compressed: bomb.compressed, size: 1000, crc: bomb.crc },
    ]);
    const t = performance.now();
    expect(await readDocx(docx)).toEqual({ text: 'Text beside a picture.' });
    expect(performance.now() - t).toBeLessThan(1000);
  });
});

function makeDocxXml(p: string): Uint8Array {
  return strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${p}</w:t></w:r></w:p></w:body></w:document>`);
}

describe('readDocx: refusals, each with its reason', () => {
  const bombDocx = (declared: 'honest' | 'lying') => {
    const bomb = xmlBomb(300);
    return craftZip([
      { name: '[Content_Types].xml', data: strToU8(DOCX_TYPES) },
      { name: '_rels/.rels', data: strToU8(DOCX_RELS) },
      { name: 'word/document.xml', compressed: bomb.compressed, size: declared === 'honest' ? bomb.size : 4096, crc: bomb.crc },
    ]);
  };
  const cases: [string, () => Uint8Array, ReadResult][] = [
    ['the 300 MB document.xml bomb (declared)', () => bombDocx('honest'), { error: 'unpacks-too-large', detail: '32' }],
    ['the 300 MB document.xml bomb (declared as 4 kB)', () => bombDocx('lying'), { error: 'false-sizes' }],
    ['not a zip', () => strToU8('this is not a Word file'), { error: 'corrupt', detail: 'docx' }],
    ['a zip without a Word document in it', () => craftZip([{ name: 'notes.xml', data: strToU8('<a/>') }]), { error: 'corrupt', detail: 'docx' }],
    ['an old binary .doc renamed .docx', () => oleFile(false), { error: 'unsupported-type', detail: 'doc' }],
    ['a password-protected Word file', () => oleFile(true), { error: 'encrypted' }],
    ['a document with no text', () => makeDocx([]), { error: 'empty' }],
    ['overlapping parts', () => craftZip([{ name: 'word/document.xml', data: makeDocxXml('x') }, { name: 'word/styles.xml', data: makeDocxXml('x') }], { shareFirst: true }), { error: 'overlapping-parts' }],
  ];
  it.each(cases)('%s', async (_, make, expected) => {
    const bytes = make();
    const t = performance.now();
    expect(await readDocx(bytes)).toEqual(expected);
    // The bombs included: refused in well under a second (the security report measured a 66 s freeze).
    expect(performance.now() - t).toBeLessThan(1000);
  });

  it('the bomb file is the size the report describes (about a megabyte)', () => {
    expect(bombDocx('honest').length).toBeLessThan(1.5 * 1024 * 1024);
  });
});
