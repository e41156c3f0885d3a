/**
 * odt — the text of an OpenDocument text file (.odt, .ott: LibreOffice, OpenOffice, Google Docs' export), read in
 * the file worker.
 *
 * How: the archive guard (DOCUMENT_LIMITS) inflates only `content.xml`, `mimetype` and `META-INF/manifest.xml`;
 * content.xml is parsed with @xmldom/xmldom (no DOM needed, so it runs in a worker; it expands no DTD entities, so
 * an entity bomb stays a few bytes) and walked without recursion.
 * - One paragraph per block: `text:p` and `text:h`, in lists (`text:list-item`), table cells, sections and text
 *   boxes alike. A text box anchored inside a paragraph comes out as its own paragraph, before that paragraph.
 * - Inline: `text:s` -> spaces (`text:c` of them, at most MAX_SPACES), `text:tab` -> a space, `text:line-break` -> a
 *   line break; spans, links, fields and bookmarks keep their text; whitespace in the XML collapses as ODF says.
 * - Left out: comments (`office:annotation`: often the teacher's or a reviewer's), footnotes and endnotes
 *   (`text:note`: mostly references, and their text would land mid-sentence), deleted text kept by change tracking
 *   (`text:tracked-changes`), generated indexes (table of contents, bibliography...), image titles and descriptions.
 *
 * API: `readOdt(bytes)` -> ReadResult; `odtText(contentXml)` -> string (throws on XML that is not well-formed).
 * Refused by name: another OpenDocument kind (.ods, .odp...) -> `unsupported-type`; an encrypted document (its
 * manifest has `manifest:encryption-data`) -> `encrypted`; no or broken content.xml -> `corrupt`.
 * Limits: DOCUMENT_LIMITS (archive-guard.ts). Flat XML (.fodt) is not read.
 */
import { DOMParser } from '@xmldom/xmldom';
import { DOCUMENT_LIMITS, readZip } from './archive-guard';
import { decodeText, tidy } from './plain-text';
import { fromError, textOrEmpty, type ReadResult } from './read-result';

const NS_TEXT = 'urn:oasis:names:tc:opendocument:xmlns:text:1.0';
const NS_OFFICE = 'urn:oasis:names:tc:opendocument:xmlns:office:1.0';
const NS_DRAW = 'urn:oasis:names:tc:opendocument:xmlns:drawing:1.0';
const NS_SVG = 'urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0';

/** `text:s` may ask for any number of spaces; more than this says nothing more about the text. */
export const MAX_SPACES = 100;

const SKIP = new Set([
  `${NS_OFFICE} annotation`,
  `${NS_OFFICE} annotation-end`,
  `${NS_OFFICE} forms`,
  `${NS_TEXT} note`,
  `${NS_TEXT} tracked-changes`,
  `${NS_TEXT} change`,
  `${NS_TEXT} table-of-content`,
  `${NS_TEXT} alphabetical-index`,
  `${NS_TEXT} illustration-index`,
  `${NS_TEXT} table-index`,
  `${NS_TEXT} object-index`,
  `${NS_TEXT} user-index`,
  `${NS_TEXT} bibliography`,
  `${NS_TEXT} sequence-decls`,
  `${NS_TEXT} variable-decls`,
  `${NS_TEXT} user-field-decls`,
  `${NS_TEXT} dde-connection-decls`,
  `${NS_SVG} title`,
  `${NS_SVG} desc`,
  `${NS_DRAW} image`,
]);

const ELEMENT = 1;
const TEXT = 3;
const CDATA = 4;

interface XNode {
  nodeType: number;
  namespaceURI: string | null;
  localName: string | null;
  nodeValue: string | null;
  firstChild: XNode | null;
  nextSibling: XNode | null;
  getAttributeNS?(ns: string, name: string): string | null;
}

/** Paragraph text of an ODF content.xml (one paragraph per block, blank line between). Throws on broken XML. */
export function odtText(contentXml: string): string {
  const problems: string[] = [];
  const doc = new DOMParser({
    // Strict: xmldom reports a mismatched end tag only as a warning, and well-formed XML gives none.
    errorHandler: { warning: (m: string) => problems.push(m), error: (m: string) => problems.push(m), fatalError: (m: string) => problems.push(m) },
  }).parseFromString(contentXml, 'text/xml');
  if (problems.length) throw new Error(problems[0]);
  const root = doc.getElementsByTagNameNS(NS_OFFICE, 'text')[0] as unknown as XNode | undefined;
  if (!root) throw new Error('no office:text');

  const blocks: string[] = [];
  const open: string[][] = []; // the paragraphs being read, innermost last
  // Iterative walk: [node, entering]. Leaving a paragraph emits it.
  const stack: [XNode, boolean][] = [[root, true]];
  while (stack.length) {
    const [node, entering] = stack.pop()!;
    if (node.nodeType === TEXT || node.nodeType === CDATA) {
      open.at(-1)?.push((node.nodeValue ?? '').replace(/[ \t\r\n]+/g, ' '));
      continue;
    }
    if (node.nodeType !== ELEMENT) continue;
    const key = `${node.namespaceURI} ${node.localName}`;
    const isBlock = node.namespaceURI === NS_TEXT && (node.localName === 'p' || node.localName === 'h');
    if (!entering) {
      if (isBlock) {
        const text = tidy(open.pop()!.join(''));
        if (text) blocks.push(text);
      }
      continue;
    }
    if (SKIP.has(key)) continue;
    const cur = open.at(-1);
    if (node.namespaceURI === NS_TEXT && cur) {
      if (node.localName === 's') {
        const c = Number(node.getAttributeNS?.(NS_TEXT, 'c') ?? '1');
        cur.push(' '.repeat(Number.isFinite(c) && c >= 1 ? Math.min(Math.floor(c), MAX_SPACES) : 1));
        continue;
      }
      if (node.localName === 'tab') {
        cur.push(' ');
        continue;
      }
      if (node.localName === 'line-break') {
        cur.push('\n');
        continue;
      }
    }
    if (isBlock) {
      open.push([]);
      stack.push([node, false]);
    }
    const children: XNode[] = [];
    for (let c = node.firstChild; c; c = c.nextSibling) children.push(c);
    for (const child of children.reverse()) stack.push([child, true]);
  }
  return blocks.join('\n\n');
}

const OTHER_KINDS: Record<string, string> = {
  spreadsheet: 'ods',
  presentation: 'odp',
  graphics: 'odg',
  formula: 'odf',
  chart: 'odc',
  database: 'odb',
};

/** Same shape as the other readers (a promise); the work itself is synchronous. */
export function readOdt(bytes: Uint8Array): Promise<ReadResult> {
  return Promise.resolve(odtResult(bytes));
}

function odtResult(bytes: Uint8Array): ReadResult {
  let parts: Map<string, Uint8Array>;
  try {
    parts = readZip(bytes, DOCUMENT_LIMITS, (e) => e.name === 'content.xml' || e.name === 'mimetype' || e.name === 'META-INF/manifest.xml');
  } catch (e) {
    return fromError(e, 'odt');
  }
  const mimetype = parts.has('mimetype') ? decodeText(parts.get('mimetype')!).trim() : '';
  const kind = /^application\/vnd\.oasis\.opendocument\.([a-z]+)/.exec(mimetype)?.[1];
  if (mimetype && kind !== 'text') return { error: 'unsupported-type', detail: (kind && OTHER_KINDS[kind]) || mimetype.slice(0, 40) };
  const manifest = parts.has('META-INF/manifest.xml') ? decodeText(parts.get('META-INF/manifest.xml')!) : '';
  if (/encryption-data/.test(manifest)) return { error: 'encrypted' };
  const content = parts.get('content.xml');
  if (!content) return { error: 'corrupt', detail: 'odt' };
  try {
    return textOrEmpty(odtText(decodeText(content)));
  } catch {
    return { error: 'corrupt', detail: 'odt' };
  }
}
