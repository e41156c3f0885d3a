// The never-seen check's prose extractor (src/eval/html-prose.ts) on small inline pages: prose kept, code, tables,
// lists and navigation dropped, sections split at headings, texts cut to the asked sizes. No Debian text here.
import { describe, expect, it } from 'vitest';
import { chunkSections, decodeEntities, extractSections, wordCount } from '@/src/eval/html-prose';

/** A sentence of exactly `n` words (n >= 2), distinct per `tag`. */
const words = (n: number, tag: string) => `${tag} ${Array.from({ length: n - 2 }, (_, i) => `w${i}`).join(' ')} end.`;

describe('extractSections', () => {
  it.each([
    ['a <p> paragraph', '<p>The archive keeps every version of the package for a while.</p>', ['The archive keeps every version of the package for a while.']],
    ['a Publican div.para', '<div class="para">The archive keeps every version of the package for a while.</div>', ['The archive keeps every version of the package for a while.']],
    ['inline code kept as words', '<p>Run the <code>apt</code> tool whenever the mirror list changes on your system.</p>', ['Run the apt tool whenever the mirror list changes on your system.']],
    ['entities decoded, whitespace collapsed', '<p>Packages &amp; sources\n   are&#160;signed by the &#x201C;archive&#x201D; key.</p>', ['Packages & sources are signed by the \u201carchive\u201d key.']],
    ['a <pre> block inside a paragraph removed', '<div class="para">Edit the file as shown below before you restart it. <pre>sudo apt-get install foo bar baz qux</pre></div>', ['Edit the file as shown below before you restart it.']],
    ['an implied </p>', '<p>First paragraph of running prose here today.<p>Second paragraph of running prose here today.', ['First paragraph of running prose here today.', 'Second paragraph of running prose here today.']],
  ])('keeps prose: %s', (_name, html, expected) => {
    expect(extractSections(html).flatMap((s) => s.paragraphs)).toEqual(expected);
  });

  it.each([
    ['pre', '<pre>apt-get install -y some package with many words here</pre>'],
    ['a programlisting div', '<div class="programlisting"><p>deb http://deb.debian.org/debian bookworm main contrib non-free</p></div>'],
    ['a table', '<table><tr><td><p>A cell with enough words to pass the length floor.</p></td></tr></table>'],
    ['a list', '<ul><li><p>An item with enough words to pass the length floor.</p></li></ul>'],
    ['navigation', '<div class="navfooter"><p>Previous chapter and next chapter with many links here.</p></div>'],
    ['a sphinx sidebar', '<div class="sphinxsidebar"><p>Quick search box and the table of contents for this page.</p></div>'],
    ['a command line as a paragraph', '<p><code>dpkg-buildpackage -us -uc -b</code> then <code>debsign -k KEYID foo.changes</code> now.</p>'],
    ['a short label', '<p>Note: see below.</p>'],
    ['a script', '<script>var text = "a long string of words that is not prose at all";</script>'],
  ])('drops %s', (_name, html) => {
    expect(extractSections(`<p>Kept paragraph of ordinary prose with enough words.</p>${html}`).flatMap((s) => s.paragraphs)).toEqual([
      'Kept paragraph of ordinary prose with enough words.',
    ]);
  });

  it('starts a section at each heading and drops the heading text', () => {
    const html = `<h1>Title</h1><p>${words(10, 'intro')}</p><div class="section"><h2>One</h2><p>${words(8, 'one')}</p><p>${words(9, 'two')}</p></div><h2>Two</h2><p>${words(7, 'three')}</p>`;
    const s = extractSections(html);
    expect(s.map((x) => x.paragraphs.map(wordCount))).toEqual([[10], [8, 9], [7]]);
    expect(s.flatMap((x) => x.paragraphs).join(' ')).not.toMatch(/Title|One|Two/);
  });
});

describe('chunkSections', () => {
  const sec = (...ns: number[]) => ({ paragraphs: ns.map((n, i) => words(n, `p${n}x${i}`)) });

  it('cuts texts of min..max words, never past max, at paragraph boundaries', () => {
    const chunks = chunkSections([sec(100, 100, 100, 100, 100, 100, 100)], { min: 150, max: 300 });
    expect(chunks.map(wordCount)).toEqual([300, 300]); // the last 100 words are under min: dropped
    expect(chunks[0]!.split('\n\n')).toHaveLength(3);
  });

  it('ends a text at a section boundary once it has min words', () => {
    expect(chunkSections([sec(160), sec(170)], { min: 150, max: 600 }).map(wordCount)).toEqual([160, 170]);
  });

  it('runs a too-short section on into the next', () => {
    expect(chunkSections([sec(60), sec(50), sec(80), sec(200)], { min: 150, max: 600 }).map(wordCount)).toEqual([190, 200]);
  });

  it('with joinShort false, drops a too-short section instead of running it on', () => {
    expect(chunkSections([sec(60), sec(50), sec(80), sec(200), sec(100, 100)], { min: 150, max: 600, joinShort: false }).map(wordCount)).toEqual([200, 200]);
  });

  it('drops a paragraph longer than max and a short remainder', () => {
    expect(chunkSections([sec(700), sec(40)], { min: 150, max: 600 })).toEqual([]);
  });

  it('uses 150..600 by default', () => {
    const sizes = chunkSections([sec(...Array.from({ length: 40 }, (_, i) => 20 + ((i * 37) % 90)))]).map(wordCount);
    expect(sizes.length).toBeGreaterThan(2);
    for (const n of sizes) expect(n >= 150 && n <= 600).toBe(true);
  });
});

describe('decodeEntities', () => {
  it.each([
    ['&lt;b&gt;', '<b>'],
    ['&#233;t&eacute;', 'été'],
    ['&unknown; stays', '&unknown; stays'],
  ])('%s', (input, out) => expect(decodeEntities(input)).toBe(out));
});
