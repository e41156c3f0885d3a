/**
 * html-prose — the running prose of a documentation page, for the never-seen check (`npm run eval -- --protocol
 * unseen`): paragraphs only, cut into texts of a chosen length at section boundaries.
 *
 * `extractSections(html)` reads generated documentation HTML (DocBook, Publican, Sphinx) and returns its sections
 * (a heading starts one), each with its paragraphs: the text of `<p>` and `<div class="para">` elements. Everything
 * that is not running prose is dropped whole: code and screens (`pre`, `div.programlisting`…), tables, lists (`ul`,
 * `ol`, `dl`: mostly commands and options), navigation, headers, footers, tables of contents, scripts and styles. A
 * paragraph made mostly of inline code (`code`, `tt`, `kbd`, command and file names: over MAX_CODE_SHARE of its
 * letters) or shorter than MIN_PARAGRAPH_WORDS is dropped too; inline code in a prose paragraph is kept as words.
 *
 * `chunkSections(sections, options)` joins paragraphs into texts of `min`..`max` words (default 150..600): a text
 * never spans two sections unless its section alone was too short, in which case it runs on into the next section
 * of the same page; a text ends at a section boundary once it has `min` words; a paragraph that would push it past
 * `max` starts the next one (what was gathered before it is dropped if under `min`); a paragraph longer than `max`
 * alone is dropped; what is left under `min` at the end is dropped.
 *
 * Pure (no file access): the caller reads the pages (debian-docs.ts). Limits: a tag scanner, not a full HTML parser —
 * good for machine-generated pages, not for arbitrary web pages; entities beyond the usual named ones and numeric
 * references are left as written.
 */

/** A paragraph whose inline code makes up more than this share of its letters is a command line, not prose. */
export const MAX_CODE_SHARE = 0.2;
/** Shorter paragraphs are captions, labels ("Note", "Tip") or stray fragments. */
export const MIN_PARAGRAPH_WORDS = 6;

export interface Section {
  paragraphs: string[];
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Elements dropped whole, with everything inside. */
const SKIP_TAGS = new Set(['head', 'script', 'style', 'pre', 'table', 'ul', 'ol', 'dl', 'nav', 'header', 'footer', 'form', 'select', 'textarea', 'svg', 'math', 'button']);
/** Classes of containers dropped whole (navigation, tables of contents, code blocks, legal notices). */
const SKIP_CLASS = /(?:^|\s)(?:navheader|navfooter|docnav|toc|sphinxsidebar|sphinxsidebarwrapper|related|footer|header|banner|legalnotice|programlisting|screen|synopsis|literallayout|highlight(?:-[a-z]+)?|literal-block|cmdsynopsis|funcsynopsis|index|breadcrumbs)(?:\s|$)/i;
/** Inline elements whose text is code. */
const CODE_TAGS = new Set(['code', 'tt', 'kbd', 'samp', 'var']);
const CODE_CLASS = /(?:^|\s)(?:command|literal|filename|option|userinput|computeroutput|replaceable|package|varname|envar|systemitem|function|parameter|code|pre)(?:\s|$)/i;
const HEADING = /^h[1-6]$/;

const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', rsquo: '\u2019', lsquo: '\u2018', rdquo: '\u201d',
  ldquo: '\u201c', laquo: '\u00ab', raquo: '\u00bb', mdash: '\u2014', ndash: '\u2013', hellip: '\u2026', eacute: 'é',
  egrave: 'è', agrave: 'à', ccedil: 'ç', ecirc: 'ê', ocirc: 'ô', copy: '\u00a9', reg: '\u00ae', trade: '\u2122',
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

export function wordCount(s: string): number {
  const t = s.trim();
  return t ? t.split(/\s+/).length : 0;
}

const letters = (s: string) => (s.match(/\p{L}|\p{N}/gu) ?? []).length;

interface Open {
  tag: string;
  skip: boolean;
  para: boolean;
  code: boolean;
}

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;

/** One pass over a page's tags: the open elements, how many of them drop their content, the paragraph being read. */
class Scanner {
  readonly sections: Section[] = [{ paragraphs: [] }];
  private readonly stack: Open[] = [];
  private skipDepth = 0;
  private codeDepth = 0;
  private para: { text: string; code: string } | undefined;

  text(s: string): void {
    if (!this.para || this.skipDepth > 0 || !s) return;
    this.para.text += s;
    if (this.codeDepth > 0) this.para.code += s;
  }

  /** Close stack[i] and everything opened inside it. */
  close(i: number): void {
    while (this.stack.length > i) {
      const o = this.stack.pop()!;
      if (o.skip) this.skipDepth--;
      if (o.code) this.codeDepth--;
      if (o.para) this.finishPara();
    }
  }

  end(tag: string): void {
    const i = this.stack.map((o) => o.tag).lastIndexOf(tag);
    if (i >= 0) this.close(i);
    if (HEADING.test(tag)) this.text(' ');
  }

  start(tag: string, attrs: string): void {
    if (VOID.has(tag) || /\/\s*$/.test(attrs)) {
      if (tag === 'br') this.text(' ');
      return;
    }
    const cls = /\bclass\s*=\s*["']([^"']*)["']/i.exec(attrs)?.[1] ?? '';
    if (HEADING.test(tag) && this.skipDepth === 0) {
      // A heading ends the paragraph before it and starts a section; its own text is not prose.
      const i = this.stack.findIndex((o) => o.para);
      if (i >= 0) this.close(i);
      if (this.sections[this.sections.length - 1]!.paragraphs.length > 0) this.sections.push({ paragraphs: [] });
      this.push({ tag, skip: true, para: false, code: false });
      return;
    }
    if (tag === 'p') {
      // An open <p> ends where the next one starts (HTML's implied end tag).
      const i = this.stack.findIndex((o) => o.tag === 'p');
      if (i >= 0) this.close(i);
    }
    const isPara = tag === 'p' || (tag === 'div' && /(?:^|\s)para(?:\s|$)/.test(cls));
    const skip = SKIP_TAGS.has(tag) || SKIP_CLASS.test(cls);
    const code = CODE_TAGS.has(tag) || ((tag === 'span' || tag === 'em') && CODE_CLASS.test(cls));
    const startsPara = isPara && !this.para && this.skipDepth === 0 && !skip;
    this.push({ tag, skip, para: startsPara, code });
    if (startsPara) this.para = { text: '', code: '' };
    else if (this.para && this.skipDepth === 0 && /^(?:div|p|li|blockquote)$/.test(tag)) this.text(' ');
  }

  private push(o: Open): void {
    this.stack.push(o);
    if (o.skip) this.skipDepth++;
    if (o.code) this.codeDepth++;
  }

  private finishPara(): void {
    if (!this.para) return;
    const text = decodeEntities(this.para.text).replace(/\s+/g, ' ').trim();
    const all = letters(text);
    const code = letters(decodeEntities(this.para.code));
    this.para = undefined;
    if (wordCount(text) < MIN_PARAGRAPH_WORDS || all === 0 || code / all > MAX_CODE_SHARE) return;
    this.sections[this.sections.length - 1]!.paragraphs.push(text);
  }
}

/** The sections of one page, each with its prose paragraphs (whitespace collapsed, entities decoded). */
export function extractSections(html: string): Section[] {
  const src = html.replace(/<!--[\s\S]*?-->/g, ' ').replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, ' ').replace(/<!DOCTYPE[^>]*>/gi, ' ');
  const scan = new Scanner();
  let last = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(src); m; m = TAG.exec(src)) {
    scan.text(src.slice(last, m.index));
    last = TAG.lastIndex;
    if (m[1] === '/') scan.end(m[2]!.toLowerCase());
    else scan.start(m[2]!.toLowerCase(), m[3] ?? '');
  }
  scan.text(src.slice(last));
  scan.close(0);
  return scan.sections.filter((s) => s.paragraphs.length > 0);
}

export interface ChunkOptions {
  min?: number;
  max?: number;
  /** When false, a section too short alone is dropped instead of running on into the next (a glossary's entries
   * stay apart). Default true. */
  joinShort?: boolean;
}

/** Texts of min..max words, paragraphs separated by a blank line (see the module's comment for the rules). */
export function chunkSections(sections: readonly Section[], { min = 150, max = 600, joinShort = true }: ChunkOptions = {}): string[] {
  const out: string[] = [];
  let buf: string[] = [];
  let words = 0;
  const flush = () => {
    if (words >= min && words <= max) out.push(buf.join('\n\n'));
    buf = [];
    words = 0;
  };
  for (const s of sections) {
    for (const p of s.paragraphs) {
      const w = wordCount(p);
      if (w > max) continue;
      if (words + w > max) flush();
      buf.push(p);
      words += w;
    }
    if (words >= min || !joinShort) flush();
  }
  return out;
}
