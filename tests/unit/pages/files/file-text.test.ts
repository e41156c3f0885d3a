// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { htmlToText, readTextFile, stripMarkdown } from '@/src/pages/files/file-text';

describe('htmlToText', () => {
  it('keeps text, drops scripts, styles and head, turns blocks into paragraphs', () => {
    const html = '<html><head><title>T</title><style>p{}</style><script>evil()</script></head><body><h1>Title</h1><p>One  <b>two</b>\nthree.</p><p>Four<br>five.</p><script>document.write("x")</script><noscript>ns</noscript></body></html>';
    expect(htmlToText(html)).toBe('Title\n\nOne two three.\n\nFour\nfive.');
  });

  it.each([
    ['&lt;img src=x onerror=alert(1)&gt;', '<img src=x onerror=alert(1)>'],
    ['a &amp; b', 'a & b'],
    ['<img src=x onerror="globalThis.__ran=1">', ''],
  ])('markup-looking text stays text: %s', (html, text) => {
    expect(htmlToText(`<p>${html}</p>`)).toBe(text);
    expect((globalThis as { __ran?: number }).__ran).toBeUndefined();
  });
});

describe('stripMarkdown', () => {
  it.each([
    ['# Title\n\nText', 'Title\n\nText'],
    ['Some **bold** and *em* and _u_ and `code`.', 'Some bold and em and u and code.'],
    ['A [link](http://x.org) and ![alt](i.png).', 'A link and alt.'],
    ['- one\n- two\n1. three', 'one\ntwo\nthree'],
    ['> quoted\n> line', 'quoted\nline'],
    ['---\ntitle: x\n---\nBody', 'Body'],
    ['```js\ncode()\n```', 'code()'],
    ['snake_case_word stays', 'snake_case_word stays'],
    ['Para one.\n\n## Heading\n\nPara two.', 'Para one.\n\nHeading\n\nPara two.'],
    ['Text\n\n- item\n\n> quote', 'Text\n\nitem\n\nquote'],
  ])('%j', (md, text) => {
    expect(stripMarkdown(md)).toBe(text);
  });
});

describe('readTextFile', () => {
  const file = (content: string, name: string) => new File([content], name);
  it.each([
    ['\uFEFFplain text', 'a.txt', 'plain text'],
    ['# H\n\nbody', 'a.md', 'H\n\nbody'],
    ['<p>para</p><script>x()</script>', 'a.HTML', 'para'],
  ])('%j from %s', async (content, name, text) => {
    expect(await readTextFile(file(content, name))).toEqual({ name, text });
  });

  it.each([
    ['a.pdf', 'pdf-unsupported'],
    ['a.odt', 'unsupported-type'],
    ['noext', 'unsupported-type'],
  ])('%s -> %s', async (name, error) => {
    expect(await readTextFile(file('x', name))).toMatchObject({ name, error });
  });

  it('an empty file says so', async () => {
    expect(await readTextFile(file('  \n ', 'e.txt'))).toMatchObject({ error: 'empty' });
  });

  it('a broken .docx is reported as unreadable, not thrown', async () => {
    expect(await readTextFile(file('not a zip', 'broken.docx'))).toMatchObject({ name: 'broken.docx', error: 'unreadable' });
  });
});
