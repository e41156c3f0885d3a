/**
 * doc-craft — minimal but valid .docx and .odt files made at test time (fflate), so no binary fixture is committed.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';

/** Fixed file times: the same input makes the same bytes. */
const MTIME = new Date('2026-01-15T10:00:00Z');
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export const DOCX_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
  '<Default Extension="png" ContentType="image/png"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
export const DOCX_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

export function docxDocumentXml(paragraphs: string[]): string {
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${esc(p)}</w:t></w:r></w:p>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
}

/** A .docx with these paragraphs; `extra` adds or replaces parts. */
export function makeDocx(paragraphs: string[], extra: Zippable = {}): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8(DOCX_TYPES),
    '_rels/.rels': strToU8(DOCX_RELS),
    'word/document.xml': strToU8(docxDocumentXml(paragraphs)),
    ...extra,
  }, { mtime: MTIME });
}

export const ODT_NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" ' +
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" ' +
  'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"';

export function odtContentXml(bodyXml: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${ODT_NS} office:version="1.3"><office:automatic-styles/><office:body><office:text>${bodyXml}</office:text></office:body></office:document-content>`;
}

/** An .odt whose office:text holds `bodyXml`; `extra` adds or replaces parts. The mimetype comes first, stored. */
export function makeOdt(bodyXml: string, extra: Zippable = {}, mimetype = 'application/vnd.oasis.opendocument.text'): Uint8Array {
  return zipSync({
    mimetype: [strToU8(mimetype), { level: 0 }],
    'content.xml': strToU8(odtContentXml(bodyXml)),
    'META-INF/manifest.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">' +
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>' +
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>',
    ),
    ...extra,
  }, { mtime: MTIME });
}

/** An OLE compound-file header (old .doc, or an encrypted Office file when `encrypted`). Not a full file: enough to sniff. */
export function oleFile(encrypted: boolean): Uint8Array {
  const b = new Uint8Array(4096);
  b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const name = encrypted ? 'EncryptedPackage' : 'WordDocument';
  [...name].forEach((c, i) => (b[1024 + 2 * i] = c.charCodeAt(0)));
  return b;
}
