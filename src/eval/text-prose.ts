/**
 * text-prose — the running prose of a plain-text or POD document, for the never-seen check (`npm run eval --
 * --protocol unseen`): the same output as html-prose.ts (sections of prose paragraphs, cut into texts by its
 * `chunkSections`), for the Debian packages whose prose is not HTML.
 *
 * `podSections(pod)` reads Perl's POD: a `=head1..4` starts a section; ordinary paragraphs are kept; verbatim
 * paragraphs (indented: code), everything inside `=over`/`=back` (lists: mostly options and functions),
 * `=begin`/`=end` and `=for` blocks, the NAME section (a title line) and what follows `=cut` up to the next command
 * are dropped. Formatting codes are
 * unwrapped (`B<bold>` -> bold, `L<text|target>` -> text, `L<perlfunc/open>` -> perlfunc open, a URL kept, `E<gt>` -> >, `X<index>` and `Z<>` -> nothing); `C<code>`
 * and `F<file>` are code: a paragraph whose code is over MAX_CODE_SHARE of its letters is dropped, as in html-prose.
 *
 * `plainSections(text, options)` reads plain text laid out as paragraphs separated by blank lines (a text rendering
 * of a book): the most common indent of its lines is the body's; a block indented deeper than that is code or a
 * quotation set apart and is dropped, as is a block drawn with box characters (a table) or whose first line starts
 * left of the body (a heading, which also starts a section). A line matching `sectionStart` starts a section too
 * (a glossary's headword: the Jargon File's `:hacker: n.`). Lines are joined with spaces; `clean` rewrites each
 * paragraph (the Jargon File's `{cross reference}` braces); a leading list number ("1. ") is dropped and the sentence
 * kept. Paragraphs under MIN_PARAGRAPH_WORDS words are dropped (headwords, captions).
 *
 * Pure (no file access): debian-docs.ts reads the files. Limits: a reader of well-formed generated documents, not of
 * every POD or text layout; POD's `=item` prose is lost with its list, and a plain text whose body is not indented
 * consistently loses paragraphs.
 */
import { decodeEntities, MAX_CODE_SHARE, MIN_PARAGRAPH_WORDS, wordCount, type Section } from './html-prose';

const letters = (s: string) => (s.match(/\p{L}|\p{N}/gu) ?? []).length;

/** Keeps `text` when it is prose: long enough, and not mostly code. */
function keep(text: string, code: string): boolean {
  const all = letters(text);
  return wordCount(text) >= MIN_PARAGRAPH_WORDS && all > 0 && letters(code) / all <= MAX_CODE_SHARE;
}

const POD_ESCAPES: Record<string, string> = { lt: '<', gt: '>', verbar: '|', sol: '/' };

/** POD formatting codes unwrapped: the paragraph's text and the part of it that is code (C<>, F<>). */
export function podInline(s: string): { text: string; code: string } {
  let code = '';
  const parse = (i: number, inCode: boolean, close: RegExp | undefined): [string, number] => {
    let out = '';
    while (i < s.length) {
      if (close) {
        close.lastIndex = i;
        const m = close.exec(s);
        if (m && m.index === i) return [out, i + m[0].length];
      }
      const open = /([A-Z])<(?:(<+)\s+)?/y;
      open.lastIndex = i;
      const o = open.exec(s);
      if (o) {
        const kind = o[1]!;
        const n = o[2] ? o[2].length + 1 : 1;
        const closer = n > 1 ? new RegExp(`\\s+${'>'.repeat(n)}`, 'y') : />/y;
        const isCode = kind === 'C' || kind === 'F';
        const [inner, next] = parse(i + o[0].length, inCode || isCode, closer);
        i = next;
        let t = inner;
        if (kind === 'X' || kind === 'Z') t = '';
        else if (kind === 'E') t = POD_ESCAPES[inner] ?? (/^\d+$/.test(inner) ? String.fromCodePoint(Number(inner)) : /^0x[0-9a-f]+$/i.test(inner) ? String.fromCodePoint(parseInt(inner, 16)) : decodeEntities(`&${inner};`));
        else if (kind === 'L') t = inner.includes('|') ? inner.slice(0, inner.indexOf('|')) : /^[a-z][a-z0-9+.-]*:\S+$/i.test(inner) ? inner : inner.replace(/"/g, '').replace(/\//g, ' ').trim();
        if (isCode && !inCode) code += t;
        out += t;
        continue;
      }
      out += s[i];
      i++;
    }
    return [out, i];
  };
  const [text] = parse(0, false, undefined);
  return { text: text.replace(/\s+/g, ' ').trim(), code };
}

/** The sections of one POD document, each with its prose paragraphs. */
export function podSections(pod: string): Section[] {
  const sections: Section[] = [{ paragraphs: [] }];
  const blocks = pod.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/);
  let depth = 0;
  let inBegin = false;
  let cut = false;
  let head = false;
  for (const block of blocks) {
    if (!block.trim()) continue;
    const cmd = /^=([a-z]+\d?)\b/.exec(block);
    if (cmd) {
      const name = cmd[1]!;
      cut = name === 'cut';
      if (name === 'begin') inBegin = true;
      else if (name === 'end') inBegin = false;
      else if (name === 'over') depth++;
      else if (name === 'back') depth = Math.max(0, depth - 1);
      else if (/^head\d$/.test(name) && depth === 0 && !inBegin) {
        head = /^=head1\s+NAME\s*$/.test(block.trim());
        if (sections[sections.length - 1]!.paragraphs.length > 0) sections.push({ paragraphs: [] });
      }
      continue;
    }
    if (cut || inBegin || head || depth > 0 || /^\s/.test(block)) continue;
    const { text, code } = podInline(block);
    if (keep(text, code)) sections[sections.length - 1]!.paragraphs.push(text);
  }
  return sections.filter((s) => s.paragraphs.length > 0);
}

export interface PlainOptions {
  /** A line (without its indent) that starts a section, such as a glossary's headword. */
  sectionStart?: RegExp;
  /** Rewrites each paragraph after its lines are joined. */
  clean?: (paragraph: string) => string;
}

const BOX = /[\u2500-\u257f]/;
const indentOf = (line: string) => /^[ \t]*/.exec(line)![0].replace(/\t/g, '        ').length;

/** The sections of one plain-text document, each with its prose paragraphs. */
export function plainSections(text: string, { sectionStart, clean }: PlainOptions = {}): Section[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const counts = new Map<number, number>();
  for (const l of lines) if (l.trim()) counts.set(indentOf(l), (counts.get(indentOf(l)) ?? 0) + 1);
  const body = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
  const sections: Section[] = [{ paragraphs: [] }];
  const newSection = () => {
    if (sections[sections.length - 1]!.paragraphs.length > 0) sections.push({ paragraphs: [] });
  };
  const blocks = text.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/);
  for (const block of blocks) {
    const ls = block.split('\n').filter((l) => l.trim());
    if (!ls.length) continue;
    const first = ls[0]!;
    if (indentOf(first) < body || (sectionStart && sectionStart.test(first.trim()))) newSection();
    if (indentOf(first) < body || BOX.test(block) || ls.every((l) => indentOf(l) > body)) continue;
    let p = ls.map((l) => l.trim()).join(' ').replace(/\s+/g, ' ');
    if (clean) p = clean(p);
    p = p.replace(/^\d{1,2}\.\s+/, '').trim();
    if (keep(p, '')) sections[sections.length - 1]!.paragraphs.push(p);
  }
  return sections.filter((s) => s.paragraphs.length > 0);
}
