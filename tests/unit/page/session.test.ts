// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSession } from '@/src/page/session';
import type { HighlightApi } from '@/src/page/painter';
import type { AnalysisPaint, LegendPayload } from '@/src/messaging';

const PAGE = `<nav><a href="/">Home</a></nav>
<main><h1>A <em>title</em></h1>
<p id="p1">The first sentence is plain. The <b>second <i>one</i> crosses</b> inline elements.</p>
<p id="p2">Another paragraph follows.<br>After a break, it ends.</p></main>`;

const LEGEND: LegendPayload = {
  title: 'Mirage Lens', note: 'note', summary: '2 of 5', close: 'Hide', fold: 'Fold', unfold: 'Unfold', levels: ['one', 'two', 'three'], lang: 'en',
};

/** A fake Highlight registry that records what is set, like CSS.highlights (a Highlight is a set of ranges). */
function fakeApi() {
  const map = new Map<string, { ranges: Range[]; priority?: number }>();
  const api: HighlightApi = {
    registry: { set: (n, h) => map.set(n, h as never), delete: (n) => map.delete(n) },
    Highlight: class {
      ranges: Range[];
      priority?: number;
      constructor(...r: Range[]) {
        this.ranges = r;
      }
      add(r: Range) {
        this.ranges.push(r);
      }
      delete(r: Range) {
        const i = this.ranges.indexOf(r);
        if (i >= 0) this.ranges.splice(i, 1);
        return i >= 0;
      }
      get size() {
        return this.ranges.length;
      }
    },
  };
  return { api, map };
}

/** Paint instructions for the sentences containing the given needles, as the background would send them
 * (offsets inside the block that holds each needle). */
function paintFor(blocks: { id: number; text: string }[], needles: [string, 1 | 2 | 3][], id = 0): AnalysisPaint {
  return {
    id,
    blocks: blocks.map((b) => b.id),
    sentences: needles.map(([n, level], i) => {
      const b = blocks.find((x) => x.text.includes(n));
      if (!b) throw new Error(n);
      const start = b.text.indexOf(n);
      return { i, b: b.id, start, end: start + n.length, level };
    }),
  };
}
const ALL = { mode: 'all' as const, drop: [] };

let snapshot: { html: string; nodes: Node[] };
function takeSnapshot() {
  const nodes: Node[] = [];
  const w = document.createTreeWalker(document.documentElement, 0xffffffff);
  for (let n = w.nextNode(); n; n = w.nextNode()) nodes.push(n);
  return { html: document.documentElement.outerHTML, nodes };
}
function expectRestored() {
  const now = takeSnapshot();
  expect(document.body.innerHTML).toBe(snapshot.html.slice(snapshot.html.indexOf('<body>') + 6, snapshot.html.lastIndexOf('</body>')));
  expect(now.html).toBe(snapshot.html);
  expect(now.nodes.length).toBe(snapshot.nodes.length);
  now.nodes.forEach((n, i) => expect(n).toBe(snapshot.nodes[i]));
  expect(document.adoptedStyleSheets?.length ?? 0).toBe(0);
}

beforeEach(() => {
  document.head.innerHTML = '<title>t</title>';
  document.body.innerHTML = PAGE; // fixture markup written in this test
  snapshot = takeSnapshot();
});
afterEach(() => vi.useRealTimers());

describe.each([
  ['CSS Custom Highlight API', 'highlight'],
  ['wrapper fallback', 'wrap'],
] as const)('session with the %s', (_name, kind) => {
  function start(extra: Parameters<typeof createSession>[1] = {}) {
    const fake = fakeApi();
    const session = createSession(document, { main: false, highlightApi: kind === 'highlight' ? fake.api : null, ...extra });
    return { session, fake };
  }

  it('extracts the readable blocks, skipping navigation', async () => {
    const { session } = start();
    const r = await session.extract('page');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.blocks.map((b) => b.text)).toEqual([
      'A title',
      'The first sentence is plain. The second one crosses inline elements.',
      'Another paragraph follows. After a break, it ends.',
    ]);
    await session.stop();
  });

  it('paints the sentences it is given, at their levels, and stop() restores the DOM exactly', async () => {
    const { session, fake } = start();
    const r = await session.extract('page');
    if (!r.ok) throw new Error('no text');
    const texts = r.blocks;
    const res = await session.paint({ ...ALL,
      analyses: [paintFor(texts, [['The second one crosses inline elements.', 3], ['After a break, it ends.', 1], ['A title', 2]])],
      legend: LEGEND,
    });
    expect(res).toMatchObject({ ok: true, painted: 3 });
    // page order
    expect(session.painted.map((p) => p.text)).toEqual([
      'A title', 'The second one crosses inline elements.', 'After a break, it ends.',
    ]);
    if (kind === 'highlight') {
      expect(fake.map.get('mirage-3')!.ranges.map(String)).toEqual(['The second one crosses inline elements.']);
      expect(fake.map.get('mirage-1')!.ranges.map(String)).toEqual(['After a break, it ends.']);
      expect(document.body.innerHTML).toBe(snapshot.html.slice(snapshot.html.indexOf('<body>') + 6, snapshot.html.lastIndexOf('</body>')));
    } else {
      const marks = [...document.querySelectorAll('mirage-mark')];
      expect(marks.map((m) => `${m.getAttribute('data-mirage-level')}:${m.textContent}`)).toEqual([
        '2:A ', '2:title', '3:The ', '3:second ', '3:one', '3: crosses', '3: inline elements.', '1:After a break, it ends.',
      ]);
      expect(document.querySelector('#p1')!.textContent).toBe('The first sentence is plain. The second one crosses inline elements.');
    }
    expect(document.querySelector('mirage-lens-root')).not.toBeNull();
    expect(session.scrollTo(0, 1)).toBe(true);
    expect(session.scrollTo(0, 99)).toBe(false);
    if (kind === 'highlight') expect(fake.map.get('mirage-focus')!.ranges.map(String)).toEqual(['After a break, it ends.']);
    await session.stop();
    expect(session.active).toBe(false);
    expect(fake.map.size).toBe(0);
    expectRestored();
  });

  it('repainting replaces the previous highlights', async () => {
    const { session, fake } = start();
    const r = await session.extract('page');
    if (!r.ok) throw new Error('no text');
    const texts = r.blocks;
    await session.paint({ ...ALL, analyses: [paintFor(texts, [['The first sentence is plain.', 2]])], legend: LEGEND });
    await session.paint({ ...ALL, analyses: [paintFor(texts, [['Another paragraph follows.', 1]])], legend: null });
    expect(session.painted.map((p) => p.text)).toEqual(['Another paragraph follows.']);
    if (kind === 'wrap') expect([...document.querySelectorAll('mirage-mark')].map((m) => m.textContent)).toEqual(['Another paragraph follows.']);
    else expect([...fake.map.keys()]).toEqual(['mirage-1']);
    expect(document.querySelector('mirage-lens-root')).toBeNull();
    await session.stop();
    expectRestored();
  });

  it('stops when its lifetime signal aborts', async () => {
    const ac = new AbortController();
    const { session } = start({ signal: ac.signal });
    const r = await session.extract('page');
    if (!r.ok) throw new Error('no text');
    await session.paint({ ...ALL, analyses: [paintFor(r.blocks, [['A title', 3]])], legend: LEGEND });
    ac.abort();
    expect(session.active).toBe(false);
    await new Promise((ok) => setTimeout(ok, 20)); // the wrapper fallback restores in slices
    expectRestored();
  });

  it('reports added page text once (debounced), but not its own changes', async () => {
    const onChange = vi.fn();
    const { session } = start({ onChange, debounceMs: 30 });
    const r = await session.extract('page');
    if (!r.ok) throw new Error('no text');
    await session.paint({ ...ALL, analyses: [paintFor(r.blocks, [['A title', 3]])], legend: LEGEND });
    session.scrollTo(0, 0);
    await new Promise((ok) => setTimeout(ok, 80));
    expect(onChange).not.toHaveBeenCalled();
    const p = document.createElement('p');
    p.textContent = 'New text arrives.';
    document.querySelector('main')!.append(p);
    document.querySelector('main')!.append(document.createElement('p'));
    await new Promise((ok) => setTimeout(ok, 80));
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange.mock.calls[0]![0]).toMatchObject({ removed: [], added: [{ text: 'New text arrives.' }], full: false });
    await session.stop();
    p.remove();
    document.querySelector('main')!.lastElementChild!.remove();
    expectRestored();
  });

  it('answers no-selection when nothing is selected, and reads only the selection otherwise', async () => {
    const { session } = start();
    document.getSelection()!.removeAllRanges();
    expect(await session.extract('selection')).toEqual({ ok: false, code: 'no-selection' });
    const range = document.createRange();
    range.selectNodeContents(document.querySelector('#p2')!);
    document.getSelection()!.addRange(range);
    const r = await session.extract('selection');
    expect(r.ok && r.blocks.map((b) => b.text)).toEqual(['Another paragraph follows. After a break, it ends.']);
    await session.stop();
    document.getSelection()!.removeAllRanges();
    expectRestored();
  });
});

it('answers no-text on a page without readable text', async () => {
  document.body.innerHTML = '<nav>Home</nav><pre>code</pre><p>  </p>';
  const session = createSession(document, { main: false, highlightApi: null });
  expect(await session.extract('page')).toEqual({ ok: false, code: 'no-text' });
  await session.stop();
});

describe('page changes', () => {
  it('drops the highlights of removed blocks at once and reports them; a flood becomes one full re-read', async () => {
    const fake = fakeApi();
    const changes: unknown[] = [];
    const session = createSession(document, { main: false, highlightApi: fake.api, onChange: (c) => changes.push(c), debounceMs: 10, floodRecords: 20 });
    const r = await session.extract('page');
    if (!r.ok) throw new Error('no text');
    await session.paint({ ...ALL, analyses: [paintFor(r.blocks, [['The first sentence is plain.', 2], ['Another paragraph follows.', 1]])], legend: null });
    expect(session.painter.size).toBe(2);
    const p2 = document.querySelector('#p2')!;
    p2.remove();
    await session.flush();
    expect(changes).toEqual([{ removed: [2], added: [], full: false }]);
    expect(session.painter.size).toBe(1);
    // flood: 30 paragraphs added one by one
    const main = document.querySelector('main')!;
    for (let i = 0; i < 30; i++) {
      const p = document.createElement('p');
      p.textContent = `Flood paragraph ${i}.`;
      main.append(p);
    }
    await new Promise((ok) => setTimeout(ok, 60));
    expect(changes).toHaveLength(2);
    expect(changes[1]).toMatchObject({ removed: [], full: true });
    expect((changes[1] as { added: unknown[] }).added).toHaveLength(30);
    expect(session.debug()).toMatchObject({ observers: 2, timers: 0, items: 1 }); // <html>'s children and the body
    await session.stop();
    expect(session.debug()).toMatchObject({ observers: 0, timers: 0, items: 0, blocks: 0, styles: 0 });
    main.querySelectorAll('p').forEach((p) => p.remove());
    main.append(p2);
  });
  it('a block whose nodes are replaced by the same words keeps its id and highlights, and nothing is reported', async () => {
    const fake = fakeApi();
    const changes: unknown[] = [];
    const ticker = document.createElement('p');
    ticker.id = 'ticker';
    ticker.textContent = 'updated 1 s ago';
    document.querySelector('main')!.prepend(ticker);
    const session = createSession(document, { main: false, highlightApi: fake.api, onChange: (c) => changes.push(c), debounceMs: 10 });
    const r = await session.extract('page');
    if (!r.ok) throw new Error('no text');
    await session.paint({ ...ALL, analyses: [paintFor(r.blocks, [['The first sentence is plain.', 2], ['updated 1 s ago', 1]])], legend: null });
    const ids = session.blocks.map((b) => b.id);
    for (let i = 0; i < 5; i++) {
      ticker.textContent = 'updated 1 s ago'; // a new text node, the same words
      await session.flush();
    }
    // a framework re-rendering a paragraph: new nodes, the same text
    const p1 = document.querySelector('#p1')!;
    const before = p1.textContent;
    p1.replaceChildren(document.createTextNode(before));
    await session.flush();
    expect(changes).toEqual([]);
    expect(session.blocks.map((b) => b.id)).toEqual(ids);
    expect(session.painter.size).toBe(2);
    const painted = session.painted.map((m) => ({ text: m.range.toString(), node: m.range.startContainer }));
    expect(painted.map((x) => x.text)).toEqual(['updated 1 s ago', 'The first sentence is plain.']);
    expect(painted[0]!.node).toBe(ticker.firstChild);
    expect(painted[1]!.node).toBe(p1.firstChild);
    await session.stop();
    expect(session.painter.size).toBe(0);
  });

  it('a page that replaces its whole <body> (Turbo Drive, body.replaceWith) is read again in full, and the new body is watched', async () => {
    const fake = fakeApi();
    const changes: { removed: number[]; added: { text: string }[]; full: boolean }[] = [];
    const session = createSession(document, { main: false, highlightApi: fake.api, onChange: (c) => changes.push(c), debounceMs: 10 });
    const r = await session.extract('page');
    if (!r.ok) throw new Error('no text');
    await session.paint({ ...ALL, analyses: [paintFor(r.blocks, [['The first sentence is plain.', 2]])], legend: null });
    const oldIds = session.blocks.map((b) => b.id).sort((a, b) => a - b);
    const oldBody = document.body;
    const fresh = document.createElement('body');
    fresh.innerHTML = '<p id="n1">A different page now.</p>'; // fixture markup written in this test
    oldBody.replaceWith(fresh);
    await new Promise((ok) => setTimeout(ok, 60));
    expect(changes).toHaveLength(1);
    expect(changes[0]!.full).toBe(true);
    expect([...changes[0]!.removed].sort((a, b) => a - b)).toEqual(oldIds);
    expect(changes[0]!.added.map((a) => a.text)).toEqual(['A different page now.']);
    expect(session.painter.size).toBe(0);
    // the new body is followed, the old one no longer (root + new body)
    expect(session.debug()).toMatchObject({ observers: 2, timers: 0 });
    fresh.querySelector('#n1')!.textContent = 'A different page, edited.';
    await new Promise((ok) => setTimeout(ok, 60));
    expect(changes).toHaveLength(2);
    oldBody.append(document.createElement('p')); // the old, detached body is not watched
    await new Promise((ok) => setTimeout(ok, 60));
    expect(changes).toHaveLength(2);
    await session.stop();
    expect(session.debug()).toMatchObject({ observers: 0, timers: 0 });
    fresh.replaceWith(oldBody);
    oldBody.lastElementChild!.remove();
  });

  it('a block whose text changes in place keeps its id; highlights outside the edit stay, the edited sentence\'s goes', async () => {
    const fake = fakeApi();
    const changes: { removed: number[]; added: { id: number; text: string }[] }[] = [];
    document.querySelector('#p2')!.textContent = 'Posted 5 minutes ago. The council will meet again in March. Nobody expected the vote.';
    const session = createSession(document, { main: false, highlightApi: fake.api, onChange: (c) => changes.push(c), debounceMs: 10 });
    const r = await session.extract('page');
    if (!r.ok) throw new Error('no text');
    const p2 = r.blocks.find((b) => b.text.startsWith('Posted'))!;
    await session.paint({ ...ALL, analyses: [paintFor(r.blocks, [['Posted 5 minutes ago.', 1], ['The council will meet again in March.', 3], ['Nobody expected the vote.', 2]])], legend: null });
    document.querySelector('#p2')!.textContent = 'Posted 6 minutes ago. The council will meet again in March. Nobody expected the vote.';
    await session.flush();
    expect(changes).toEqual([{ removed: [], added: [{ id: p2.id, text: 'Posted 6 minutes ago. The council will meet again in March. Nobody expected the vote.', lang: '' }], full: false }]);
    expect(session.painted.map((m) => m.range.toString())).toEqual(['The council will meet again in March.', 'Nobody expected the vote.']);
    // a longer edit in the middle moves what follows it
    document.querySelector('#p2')!.textContent = 'Posted 6 minutes ago. The council will meet again in March. Nobody expected the vote.'.replace('March', 'the first week of April');
    await session.flush();
    expect(session.painted.map((m) => m.range.toString())).toEqual(['Nobody expected the vote.']);
    expect(session.blocks.find((b) => b.id === p2.id)?.text).toContain('April');
    await session.stop();
  });
});
