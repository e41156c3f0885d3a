import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { MAX_SPACES, odtText, readOdt } from '@/src/pages/files/odt';
import type { ReadResult } from '@/src/pages/files/read-result';
import { craftZip, xmlBomb } from './zip-craft';
import { makeOdt, odtContentXml } from './doc-craft';

describe('odtText: one paragraph per block', () => {
  it.each([
    ['paragraphs and headings', '<text:h text:outline-level="1">Title</text:h><text:p>First paragraph.</text:p><text:p>Second.</text:p>', 'Title\n\nFirst paragraph.\n\nSecond.'],
    ['lists', '<text:list><text:list-item><text:p>One</text:p></text:list-item><text:list-item><text:list><text:list-item><text:p>Nested</text:p></text:list-item></text:list></text:list-item></text:list>', 'One\n\nNested'],
    ['spans, links and fields keep their text', '<text:p>Hello <text:span>big</text:span> <text:a xlink:href="x" xmlns:xlink="http://www.w3.org/1999/xlink">world</text:a><text:bookmark text:name="b"/>!</text:p>', 'Hello big world!'],
    ['text:s, text:tab, text:line-break', '<text:p>a<text:s text:c="3"/>b<text:tab/>c<text:line-break/>d</text:p>', 'a b c\nd'],
    ['XML whitespace collapses', '<text:p>a\n      b\tc</text:p>', 'a b c'],
    ['entities and French', '<text:p>L&apos;élève &amp; « le cœur » &lt;3</text:p>', "L'élève & « le cœur » <3"],
    ['comments are left out', '<text:p>Before<office:annotation><dc:creator>Teacher</dc:creator><text:p>Nice point</text:p></office:annotation> after</text:p>', 'Before after'],
    ['footnotes are left out', '<text:p>Claim<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Ibid., p. 4.</text:p></text:note-body></text:note>.</text:p>', 'Claim.'],
    ['deleted text kept by change tracking is left out', '<text:tracked-changes><text:changed-region text:id="c1"><text:deletion><text:p>Deleted sentence.</text:p></text:deletion></text:changed-region></text:tracked-changes><text:p><text:change text:change-id="c1"/>Kept.</text:p>', 'Kept.'],
    ['a table of contents is left out', '<text:table-of-content><text:index-body><text:p>Intro ... 1</text:p></text:index-body></text:table-of-content><text:h>Intro</text:h>', 'Intro'],
    ['table cells are blocks', '<table:table><table:table-row><table:table-cell><text:p>A1</text:p></table:table-cell><table:table-cell><text:p>B1</text:p></table:table-cell></table:table-row></table:table>', 'A1\n\nB1'],
    ['a text box inside a paragraph is its own block', '<text:p>Main<draw:frame><draw:text-box><text:p>Boxed</text:p></draw:text-box></draw:frame> text</text:p>', 'Boxed\n\nMain text'],
    ['image titles are left out', '<text:p><draw:frame><draw:image><svg:title>photo</svg:title><svg:desc>a cat</svg:desc></draw:image></draw:frame>Caption</text:p>', 'Caption'],
    ['empty paragraphs add nothing', '<text:p/><text:p> </text:p><text:p>x</text:p>', 'x'],
  ])('%s', (_, body, text) => {
    expect(odtText(odtContentXml(body))).toBe(text);
  });

  it(`text:s asks for at most ${MAX_SPACES} spaces`, () => {
    expect(odtText(odtContentXml('<text:p>a<text:s text:c="100000000"/>b</text:p>'))).toBe('a b');
  });

  it('deep nesting does not overflow the stack', () => {
    const depth = 20_000;
    const body = '<text:section>'.repeat(depth) + '<text:p>deep</text:p>' + '</text:section>'.repeat(depth);
    expect(odtText(odtContentXml(body))).toBe('deep');
  });

  it('an entity bomb is not expanded (and the XML is refused)', () => {
    const lol = '<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>';
    const xml = odtContentXml('<text:p>&c;&c;&c;</text:p>').replace('?>', `?>${lol}`);
    let out = '';
    try {
      out = odtText(xml);
    } catch {
      out = 'refused';
    }
    expect(out.length).toBeLessThan(100);
  });

  it.each([['<text:p>unclosed'], ['not xml at all \u0000\u0001']])('broken XML throws: %j', (body) => {
    expect(() => odtText(body.startsWith('<') ? odtContentXml(body) : body)).toThrow();
  });
});

describe('readOdt', () => {
  const cases: [string, () => Uint8Array, ReadResult][] = [
    ['an essay', () => makeOdt('<text:h>Mon essai</text:h><text:p>Première phrase.</text:p>'), { text: 'Mon essai\n\nPremière phrase.' }],
    ['a template (.ott)', () => makeOdt('<text:p>Modèle</text:p>', {}, 'application/vnd.oasis.opendocument.text-template'), { text: 'Modèle' }],
    ['no mimetype (some writers omit it)', () => zipSync({ 'content.xml': strToU8(odtContentXml('<text:p>Sans type</text:p>')) }), { text: 'Sans type' }],
    ['a spreadsheet renamed .odt', () => makeOdt('<text:p>x</text:p>', {}, 'application/vnd.oasis.opendocument.spreadsheet'), { error: 'unsupported-type', detail: 'ods' }],
    ['an encrypted document', () => makeOdt('', { 'META-INF/manifest.xml': strToU8('<manifest:manifest><manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data/></manifest:file-entry></manifest:manifest>') }), { error: 'encrypted' }],
    ['no content.xml', () => zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.text') }), { error: 'corrupt', detail: 'odt' }],
    ['broken content.xml', () => makeOdt('', { 'content.xml': strToU8('<office:document-content><office:text><text:p>cut') }), { error: 'corrupt', detail: 'odt' }],
    ['not a zip', () => strToU8('plain text named .odt'), { error: 'corrupt', detail: 'odt' }],
    ['no text', () => makeOdt('<text:p/>'), { error: 'empty' }],
    ['a 300 MB content.xml bomb', () => {
      const bomb = xmlBomb(300);
      return craftZip([{ name: 'content.xml', compressed: bomb.compressed, size: bomb.size, crc: bomb.crc }]);
    }, { error: 'unpacks-too-large', detail: '32' }],
  ];
  it.each(cases)('%s', async (_, make, expected) => {
    expect(await readOdt(make())).toEqual(expected);
  });
});
