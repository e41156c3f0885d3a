// @vitest-environment happy-dom
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_READABILITY_ELEMENTS, MIN_MAIN_LETTERS, extractBlocks, extractPage, extractPageAsync, extractSelection, insideSkipped, mainTextNodes, wantsMainText } from '@/src/page/extract';
import { READABILITY_ARRIVED, READABILITY_KEY, readabilityClass, whenReadability } from '@/src/page/main-text';
import { provideReadability } from '@/src/page/readability';

function setBody(html: string) {
  // test fixture markup, written here: not page or user strings
  document.body.innerHTML = html;
}

beforeEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

describe('extractBlocks: what is read', () => {
  it.each([
    ['paragraphs become blocks', '<p>One two.</p><p>Three four.</p>', ['One two.', 'Three four.']],
    ['inline elements stay in their block', '<p>A <em>b</em> <a href="#">c</a>.</p>', ['A b c.']],
    ['whitespace keeps its length', '<p>A\n  b</p>', ['A   b']],
    ['<br> adds one space', '<p>line one<br>line two</p>', ['line one line two']],
    ['navigation is skipped', '<nav><a>Home</a></nav><p>Text here.</p>', ['Text here.']],
    ['menus and toolbars by role', '<div role="menu">Open</div><div role="toolbar">Bold</div><p>Body.</p>', ['Body.']],
    ['code is skipped', '<p>Use it.</p><pre>let x = 1;</pre><p>Then <code>run()</code> it.</p>', ['Use it.', 'Then  it.']],
    ['hidden elements are skipped', '<p hidden>secret</p><p aria-hidden="true">deco</p><p style="display:none">none</p><p>shown</p>', ['shown']],
    ['editable elements are skipped', '<div contenteditable="true">draft</div><textarea>typed</textarea><p>page</p>', ['page']],
    ['page-level header and footer are skipped', '<header>Site</header><p>Main.</p><footer>(c)</footer>', ['Main.']],
    ['a header inside an article is read', '<article><header><h1>Title</h1></header><p>Body.</p></article>', ['Title', 'Body.']],
    ['script and style are skipped', '<script>var a="x";</script><style>p{}</style><p>ok</p>', ['ok']],
    ['blocks without letters are dropped', '<p>  </p><p>123 456</p><p>word</p>', ['word']],
    ['text around a nested block makes separate blocks', '<div>before<p>inside</p>after</div>', ['before', 'inside', 'after']],
  ])('%s', (_name, html, expected) => {
    setBody(html);
    expect(extractBlocks(document, { main: false }).map((b) => b.text)).toEqual(expected);
  });

  it('records the nearest lang attribute', () => {
    setBody('<div lang="fr"><p>Bonjour.</p></div><p>Hello.</p>');
    expect(extractBlocks(document, { main: false }).map((b) => b.lang)).toEqual(['fr', '']);
  });

  it('maps every character of a block back to its text node', () => {
    setBody('<p>Alpha <b>beta <i>gamma</i></b> delta.</p>');
    const [b] = extractBlocks(document, { main: false });
    for (const s of b!.segments) {
      expect(s.node.data.slice(s.nodeStart, s.nodeStart + s.end - s.start)).toBe(b!.text.slice(s.start, s.end));
    }
    expect(b!.segments.map((s) => s.node.data)).toEqual(['Alpha ', 'beta ', 'gamma', ' delta.']);
  });

  it('stops at maxChars', () => {
    setBody('<p>aaaa bbbb</p><p>cccc</p>');
    expect(extractBlocks(document, { main: false, maxChars: 6 }).map((b) => b.text)).toEqual(['aaaa b']);
  });
});

const para = (n: number) =>
  `<p>Paragraph ${n} of the article carries enough ordinary words, commas, and full sentences to look like prose to Readability, which scores paragraphs by their length and punctuation.</p>`;
const chrome =
  `<div class="sidebar"><ul><li><a href="/a">Related link one</a></li><li><a href="/b">Related link two</a></li></ul></div>` +
  `<div class="comments">Share this on every network</div>`;

describe('Readability is not in the page layer until injected (main-text.ts)', () => {
  it('without it, the whole body is read and mainTextNodes says nothing', () => {
    expect(readabilityClass()).toBeUndefined();
    setBody(chrome + `<article>${[1, 2, 3, 4, 5, 6].map(para).join('')}</article>`);
    expect(wantsMainText(document)).toBe(true); // the page would want it: the background injects it
    expect(mainTextNodes(document)).toBeUndefined();
    const texts = extractBlocks(document).map((b) => b.text);
    expect(texts.some((t) => t.includes('Related link'))).toBe(true);
    expect(texts.filter((t) => t.startsWith('Paragraph')).length).toBe(6);
  });

  it('wantsMainText: a page over the element or character limit does not want it, nor a page without a body', () => {
    setBody(`<div>${'<span>x</span>'.repeat(MAX_READABILITY_ELEMENTS)}</div>`);
    expect(wantsMainText(document)).toBe(false);
    setBody(`<p>${'word '.repeat(30_000)}</p>`);
    expect(wantsMainText(document)).toBe(false);
    setBody(`<article>${para(1)}</article>`);
    expect(wantsMainText(document)).toBe(true);
    const bare = document.implementation.createHTMLDocument('');
    bare.documentElement.removeChild(bare.body);
    expect(wantsMainText(bare)).toBe(false);
  });

  it('readabilityClass reads only a function left under its key', () => {
    expect(readabilityClass({ [READABILITY_KEY]: 'not a class' })).toBeUndefined();
    const scope: Record<string, unknown> = {};
    provideReadability(scope);
    expect(typeof readabilityClass(scope)).toBe('function');
  });
});

describe('whenReadability: a reading waits for the script sent alongside it, within a bound', () => {
  it('resolves true as soon as the script leaves the class, and leaves no hook behind', async () => {
    const scope: Record<string, unknown> = {};
    const waiting = whenReadability(10_000, scope);
    expect(typeof scope[READABILITY_ARRIVED]).toBe('function');
    provideReadability(scope);
    await expect(waiting).resolves.toBe(true);
    expect(scope[READABILITY_ARRIVED]).toBeUndefined();
  });
  it('resolves at once when it is already there, and false after the bound when it never comes', async () => {
    const there: Record<string, unknown> = {};
    provideReadability(there);
    await expect(whenReadability(10_000, there)).resolves.toBe(true);
    const t0 = Date.now();
    const none: Record<string, unknown> = {};
    await expect(whenReadability(30, none)).resolves.toBe(false);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(25);
    expect(none[READABILITY_ARRIVED]).toBeUndefined();
  });
  it('a waiting reading goes on in a task of its own, not in the one that evaluates the script', async () => {
    const scope: Record<string, unknown> = {};
    let told = false;
    void whenReadability(10_000, scope).then(() => (told = true));
    provideReadability(scope);
    for (let i = 0; i < 5; i++) await Promise.resolve(); // the script's task ends with its microtasks
    expect(told).toBe(false);
    await new Promise((next) => setTimeout(next, 0));
    expect(told).toBe(true);
  });
  it('two readings waiting at once are both told', async () => {
    const scope: Record<string, unknown> = {};
    const a = whenReadability(10_000, scope);
    const b = whenReadability(10_000, scope);
    provideReadability(scope);
    await expect(Promise.all([a, b])).resolves.toEqual([true, true]);
  });
});

describe('mainTextNodes (Readability, once injected)', () => {
  beforeAll(() => provideReadability());
  afterAll(() => {
    delete (globalThis as Record<string, unknown>)[READABILITY_KEY];
  });

  it('keeps the article and leaves the site chrome out', () => {
    setBody(chrome + `<article>${[1, 2, 3, 4, 5, 6].map(para).join('')}</article>`);
    const keep = mainTextNodes(document);
    expect(keep).toBeDefined();
    const texts = [...keep!].map((t) => t.data);
    expect(texts.some((t) => t.startsWith('Paragraph 1'))).toBe(true);
    expect(texts.some((t) => t.includes('Related link'))).toBe(false);
    const blocks = extractBlocks(document);
    expect(blocks.length).toBe(6);
    expect(blocks[0]!.segments[0]!.node.isConnected).toBe(true); // live nodes, not the clone's
  });

  it('gives up on a page without an article', () => {
    setBody('<p>Short.</p>');
    expect(mainTextNodes(document)).toBeUndefined();
    expect(extractBlocks(document).map((b) => b.text)).toEqual(['Short.']);
  });

  it('keeps an article only when its text holds at least MIN_MAIN_LETTERS letters (counting stops there)', () => {
    // Readability keeps these paragraphs (over its 300 characters), but they are mostly figures: the letters decide
    const figures = (letters: number) => `<article>${Array.from({ length: 8 }, (_, i) => `<p>${'12345 67890 '.repeat(6)}${'a'.repeat(i < letters % 8 ? Math.ceil(letters / 8) : Math.floor(letters / 8))}.</p>`).join('')}</article>`;
    setBody(figures(MIN_MAIN_LETTERS - 1));
    expect(mainTextNodes(document)).toBeUndefined();
    setBody(figures(MIN_MAIN_LETTERS));
    expect(mainTextNodes(document)?.size).toBe(8);
  });

  it('soft hyphens and zero-width spaces in the page change nothing in what Readability keeps (the page is untouched)', () => {
    const title = 'A Report on Remote Working Arrangements';
    const page = (shy: boolean) => {
      const t = (x: string) => (shy ? x.replace(/\p{L}{6,}/gu, (w) => `${w.slice(0, 3)}\u00AD${w.slice(3)}\u200B`) : x);
      document.title = title;
      setBody(t(`<article><h1>${title}</h1>${[1, 2, 3, 4, 5, 6].map(para).join('')}</article>`));
    };
    page(false);
    const clean = [...(mainTextNodes(document) ?? [])].map((n) => n.data);
    page(true);
    const before = document.body.innerHTML;
    const kept = mainTextNodes(document);
    expect(document.body.innerHTML).toBe(before);
    expect([...kept!].some((n) => n.data.includes('\u00AD'))).toBe(true); // live nodes, as the page has them
    expect([...kept!].map((n) => n.data.replace(/[\u00AD\u200B]/g, ''))).toEqual(clean);
    expect(clean.some((d) => d === title)).toBe(false); // the heading that repeats the title is left out, both times
  });

  it('does not modify the page', () => {
    setBody(`<article>${[1, 2, 3, 4, 5].map(para).join('')}</article>`);
    const before = document.documentElement.outerHTML;
    mainTextNodes(document);
    expect(document.documentElement.outerHTML).toBe(before);
  });
});

describe('extractSelection', () => {
  it('reads only the selected characters, across elements', () => {
    setBody('<p id="a">First para here.</p><p id="b">Second <em>one</em> there.</p>');
    const r = document.createRange();
    r.setStart(document.querySelector('#a')!.firstChild!, 6);
    r.setEnd(document.querySelector('#b em')!.firstChild!, 2);
    const blocks = extractSelection(r);
    expect(blocks.map((b) => b.text)).toEqual(['para here.', 'Second on']);
    expect(blocks[0]!.segments[0]!.nodeStart).toBe(6);
  });

  it('reads nothing inside code', () => {
    setBody('<pre id="c">code text</pre>');
    const r = document.createRange();
    r.selectNodeContents(document.querySelector('#c')!.firstChild!);
    expect(extractSelection(r)).toEqual([]);
  });
});

describe('extractPage: the flat tree, and reading in slices', () => {
  it('reads open shadow roots (slots show their light DOM) in document order', () => {
    setBody('<p>Before.</p><div id="host"><p>Slotted light text.</p></div><p>After.</p>');
    const host = document.querySelector('#host')!;
    const root = host.attachShadow({ mode: 'open' });
    const inner = document.createElement('p');
    inner.textContent = 'Shadow text.';
    const slot = document.createElement('slot');
    root.append(inner, slot);
    const ex = extractPage(document, { main: false });
    expect(ex.blocks.map((b) => b.text)).toEqual(['Before.', 'Shadow text.', 'Slotted light text.', 'After.']);
    expect(ex.shadows).toEqual([root]);
    expect(ex.blocks.map((b) => b.id)).toEqual([0, 1, 2, 3]);
  });

  it('gives the same blocks in slices as in one go, and ids from firstId', async () => {
    setBody(Array.from({ length: 300 }, (_, i) => `<p>Paragraph ${i} <em>with</em> words.</p>`).join(''));
    const once = extractPage(document, { main: false, firstId: 10 }).blocks;
    let yields = 0;
    let t = 0;
    const sliced = await extractPageAsync(document, {
      main: false, firstId: 10, sliceMs: 1, now: () => (t += 0.5), yielder: () => {
        yields++;
        return Promise.resolve();
      },
    });
    expect(sliced.blocks.map((b) => [b.id, b.text])).toEqual(once.map((b) => [b.id, b.text]));
    expect(once[0]!.id).toBe(10);
    expect(yields).toBeGreaterThan(5);
  });

  it('reads only given roots, leaving out text it is told to skip', () => {
    setBody('<p id="a">Known text.</p><div id="new"><p>New text.</p></div>');
    const known = document.querySelector('#a')!.firstChild as Text;
    const ex = extractPage(document, { roots: [document.body], skipText: (t) => t === known, firstId: 5 });
    expect(ex.blocks.map((b) => [b.id, b.text])).toEqual([[5, 'New text.']]);
  });

  it('knows when a node sits inside skipped content', () => {
    setBody('<nav><span id="n">x</span></nav><p><span id="p">y</span></p>');
    expect(insideSkipped(document.querySelector('#n')!)).toBe(true);
    expect(insideSkipped(document.querySelector('#p')!)).toBe(false);
  });
});
