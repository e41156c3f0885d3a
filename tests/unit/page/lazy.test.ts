// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createShower, EAGER_MAX_ITEMS, NEAR_MARGIN, OBSERVE_PER_FRAME, type ObserverCtor } from '@/src/page/lazy';
import type { HighlightApi, PaintItem, Painter } from '@/src/page/painter';
import { createSession } from '@/src/page/session';
import type { AnalysisPaint } from '@/src/messaging';

/** An IntersectionObserver that reports only when the test says so. */
function fakeObserver() {
  const instances: { targets: Set<Element>; init?: { rootMargin?: string }; fire(els: Element[], on: boolean): void; disconnected: boolean }[] = [];
  const Observer: ObserverCtor = class {
    targets = new Set<Element>();
    disconnected = false;
    constructor(private cb: (e: { target: Element; isIntersecting: boolean }[]) => void, public init?: { rootMargin?: string }) {
      instances.push(this);
    }
    observe(t: Element) {
      this.targets.add(t);
    }
    unobserve(t: Element) {
      this.targets.delete(t);
    }
    disconnect() {
      this.targets.clear();
      this.disconnected = true;
    }
    fire(els: Element[], on: boolean) {
      this.cb(els.filter((e) => this.targets.has(e)).map((target) => ({ target, isIntersecting: on })));
    }
  };
  return { Observer, instances };
}

function fakePainter(kind: 'highlight' | 'wrap' = 'highlight') {
  const shown = new Set<PaintItem>();
  const calls: string[] = [];
  const painter: Painter = {
    kind,
    add(items) {
      calls.push(`add ${items.length}`);
      items.forEach((i) => shown.add(i));
    },
    remove(items) {
      calls.push(`remove ${items.length}`);
      items.forEach((i) => shown.delete(i));
    },
    focus: () => true,
    prepare: () => undefined,
    clear: () => shown.clear(),
    dispose: () => shown.clear(),
    get size() {
      return shown.size;
    },
    styles: 0,
  };
  return { painter, shown, calls };
}

const item = (): PaintItem => ({ level: 1, range: document.createRange() });

/** Frames that run only when the test says so. */
function fakeFrames() {
  let queued: (() => void)[] = [];
  return {
    nextFrame: (fn: () => void) => {
      queued.push(fn);
      return () => {
        queued = queued.filter((f) => f !== fn);
      };
    },
    run() {
      const now = queued;
      queued = [];
      now.forEach((f) => f());
    },
    get waiting() {
      return queued.length;
    },
  };
}

describe('createShower: observing a frame at a time', () => {
  const els = Array.from({ length: OBSERVE_PER_FRAME * 2 + 10 }, () => document.createElement('p'));

  it('hands the observer OBSERVE_PER_FRAME elements per frame, never the same one twice, and stops on dispose', () => {
    const { painter } = fakePainter();
    const { Observer, instances } = fakeObserver();
    const frames = fakeFrames();
    const s = createShower({ painter, Observer, nextFrame: frames.nextFrame });
    s.setLazy(true);
    for (const el of els) s.add(el, [item()], false);
    s.add(els[0]!, [item()], false); // a second block of the same element
    expect(instances.length ? instances[0]!.targets.size : 0).toBe(0);
    expect(frames.waiting).toBe(1);
    expect(s.scheduled).toBe(true);
    frames.run();
    expect(instances[0]!.targets.size).toBe(OBSERVE_PER_FRAME);
    frames.run();
    expect(instances[0]!.targets.size).toBe(OBSERVE_PER_FRAME * 2);
    s.dispose();
    expect(s.scheduled).toBe(false);
    expect(frames.waiting).toBe(0);
    expect(instances[0]!.disconnected).toBe(true);
  });

  it('an element removed while waiting is never observed; one the observer refuses is painted at once', () => {
    const { painter, shown } = fakePainter();
    const { Observer, instances } = fakeObserver();
    const frames = fakeFrames();
    const s = createShower({ painter, Observer, nextFrame: frames.nextFrame });
    s.setLazy(true);
    const [x, y] = [item(), item()];
    const gone = document.createElement('p');
    const refused = document.createElement('p');
    s.add(gone, [x], false);
    s.add(refused, [y], false);
    s.remove([x]);
    const proto = Observer.prototype as { observe: (this: { targets: Set<Element> }, t: Element) => void };
    const observe = proto.observe;
    proto.observe = function (this: { targets: Set<Element> }, t: Element) {
      if (t === refused) throw new TypeError('refused');
      observe.call(this, t);
    };
    frames.run();
    proto.observe = observe;
    expect(instances[0]?.targets.has(gone) ?? false).toBe(false);
    expect(shown.has(y)).toBe(true);
    expect(s.pending).toBe(0);
    expect(frames.waiting).toBe(0);
  });
});

describe('createShower', () => {
  const a = document.createElement('p');
  const b = document.createElement('p');

  it('eager: paints at once and observes nothing', () => {
    const { painter, shown } = fakePainter();
    const { Observer, instances } = fakeObserver();
    const s = createShower({ painter, Observer });
    const [x, y] = [item(), item()];
    s.add(a, [x], false);
    s.add(b, [y], false);
    expect([...shown]).toEqual([x, y]);
    expect(instances).toHaveLength(0);
    expect(s.pending).toBe(0);
  });

  it.each([
    ['highlight', true],
    ['wrap', false],
  ] as const)('lazy (%s painter): near blocks now, the others when they come near; far again: taken out = %s', (kind, unshows) => {
    const { painter, shown } = fakePainter(kind);
    const { Observer, instances } = fakeObserver();
    const s = createShower({ painter, Observer });
    s.setLazy(true);
    const [x, y1, y2] = [item(), item(), item()];
    s.add(a, [x], true);
    s.add(b, [y1, y2], false);
    expect([...shown]).toEqual([x]);
    expect(s.pending).toBe(2);
    expect(instances).toHaveLength(1);
    expect(instances[0]!.init).toEqual({ rootMargin: NEAR_MARGIN });
    expect([...instances[0]!.targets]).toEqual([a, b]);
    instances[0]!.fire([b], true);
    expect(shown.has(y1) && shown.has(y2)).toBe(true);
    expect(s.pending).toBe(0);
    instances[0]!.fire([b], false);
    expect(shown.has(y1)).toBe(!unshows);
    expect(s.pending).toBe(unshows ? 2 : 0);
    s.dispose();
    expect(instances[0]!.disconnected).toBe(true);
  });

  it('removing items forgets pending ones and unobserves an empty element; reveal paints one block now', () => {
    const { painter, shown, calls } = fakePainter();
    const { Observer, instances } = fakeObserver();
    const s = createShower({ painter, Observer });
    s.setLazy(true);
    const [x, y] = [item(), item()];
    s.add(a, [x], false);
    s.add(b, [y], false);
    s.remove([x]);
    expect(s.pending).toBe(1);
    expect([...instances[0]!.targets]).toEqual([b]);
    expect(calls).toEqual([]); // nothing painted, nothing to take away
    expect(s.reveal(y)).toBe(true);
    expect(s.reveal(x)).toBe(false);
    expect([...shown]).toEqual([y]);
    s.remove([y]);
    expect(shown.size).toBe(0);
    expect(instances[0]!.targets.size).toBe(0);
  });

  it('an element the observer refuses is painted at once', () => {
    const { painter, shown } = fakePainter();
    const Refusing: ObserverCtor = class {
      observe() {
        throw new TypeError('not this one');
      }
      unobserve() {}
      disconnect() {}
    };
    const s = createShower({ painter, Observer: Refusing });
    s.setLazy(true);
    const x = item();
    s.add(a, [x], false);
    expect([...shown]).toEqual([x]);
    expect(s.pending).toBe(0);
  });

  it('going back to eager paints what was pending and disconnects; no observer at all means eager', () => {
    const { painter, shown } = fakePainter();
    const { Observer, instances } = fakeObserver();
    const s = createShower({ painter, Observer });
    s.setLazy(true);
    s.add(a, [item(), item()], false);
    s.setLazy(false);
    expect(shown.size).toBe(2);
    expect(instances[0]!.disconnected).toBe(true);
    const t = createShower({ painter: fakePainter().painter });
    t.setLazy(true);
    expect(t.lazy).toBe(false);
  });
});

// ---------------------------------------------------------------- in a session, on a long page

const PARAS = 60;
const LINE = 100; // px per paragraph, laid out one under the other

function fakeHighlights() {
  const map = new Map<string, { ranges: Set<Range> }>();
  const api: HighlightApi = {
    registry: { set: (n, h) => map.set(n, h as never), delete: (n) => map.delete(n) },
    Highlight: class {
      ranges: Set<Range>;
      priority?: number;
      constructor(...r: Range[]) {
        this.ranges = new Set(r);
      }
      add(r: Range) {
        this.ranges.add(r);
      }
      delete(r: Range) {
        return this.ranges.delete(r);
      }
      get size() {
        return this.ranges.size;
      }
    },
  };
  const registered = () => [...map].filter(([n]) => n !== 'mirage-focus').flatMap(([, h]) => [...h.ranges].map(String));
  return { api, map, registered };
}

function snapshot() {
  const nodes: Node[] = [];
  const w = document.createTreeWalker(document.documentElement, 0xffffffff);
  for (let n = w.nextNode(); n; n = w.nextNode()) nodes.push(n);
  return { html: document.documentElement.outerHTML, nodes };
}

describe.each([
  ['CSS Custom Highlight API', 'highlight'],
  ['wrapper fallback', 'wrap'],
] as const)('a long page with the %s: lazy painting', (_name, kind) => {
  let before: ReturnType<typeof snapshot>;
  let scrollY = 0;
  beforeEach(() => {
    document.head.innerHTML = '<title>t</title>';
    document.body.innerHTML = `<main>${Array.from({ length: PARAS }, (_, i) => `<p id="p${i}">Sentence number ${i} is here. And it has <b>a second</b> one.</p>`).join('')}</main>`;
    // a layout: paragraph i spans [i * LINE, (i + 1) * LINE) of the page, scrolled by scrollY
    vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
      const i = this.tagName === 'P' ? Number(this.id.slice(1)) : 0;
      const top = i * LINE - scrollY;
      return { top, bottom: top + LINE, left: 0, right: 800, width: 800, height: LINE, x: 0, y: top, toJSON() {} };
    });
    vi.spyOn(window, 'innerHeight', 'get').mockReturnValue(500);
    scrollY = 0;
    before = snapshot();
  });
  afterEach(() => vi.restoreAllMocks());

  function paintAll(blocks: { id: number; text: string }[]): AnalysisPaint {
    return {
      id: 0,
      blocks: blocks.map((b) => b.id),
      sentences: blocks.map((b, i) => ({ i, b: b.id, start: 0, end: b.text.indexOf('.') + 1, level: ((i % 3) + 1) as 1 | 2 | 3 })),
    };
  }
  const paras = (texts: string[]) => texts.map((t) => Number(/number (\d+)/.exec(t)?.[1]));

  it('paints the blocks within two screens now, the rest as they come near, counts every one, and restores exactly', async () => {
    const hl = fakeHighlights();
    const { Observer, instances } = fakeObserver();
    const session = createSession(document, { main: false, highlightApi: kind === 'highlight' ? hl.api : null, IntersectionObserver: Observer, eagerMax: 10 });
    const painted = () =>
      kind === 'highlight' ? paras(hl.registered()) : paras([...document.querySelectorAll('mirage-mark')].map((m) => m.parentElement!.textContent));
    const r = await session.extract('page');
    if (!r.ok) throw new Error('no text');
    expect(r.blocks).toHaveLength(PARAS);
    const res = await session.paint({ mode: 'all', drop: [], analyses: [paintAll(r.blocks)], legend: null });
    // the count is every flagged sentence, painted or not
    expect(res).toMatchObject({ ok: true, painted: PARAS });
    expect(session.painted).toHaveLength(PARAS);
    // screen 500 px + two screens below (1,000 px): paragraphs 0..14 (top <= 1,500)
    const near = Array.from({ length: 16 }, (_, i) => i);
    expect(new Set(painted())).toEqual(new Set(near));
    // only what is shown holds a live Range (each one costs every DOM change of the page): none for the rest
    const withRange = () => new Set(session.painted.filter((m) => m.hasRange).map((m) => m.block));
    expect(withRange()).toEqual(new Set(near));
    expect(instances).toHaveLength(1);
    expect(instances[0]!.targets.size).toBe(PARAS);
    // the reader scrolls down: paragraph 40 comes near, paragraph 0 goes away
    const p = (i: number) => document.getElementById(`p${i}`)!;
    instances[0]!.fire([p(40)], true);
    instances[0]!.fire([p(0)], false);
    expect(painted()).toContain(40);
    expect(painted().includes(0)).toBe(kind === 'wrap'); // the fallback keeps its marks
    expect(withRange().has(40)).toBe(true);
    expect(withRange().has(0)).toBe(kind === 'wrap'); // a highlight taken out of the registry lets its Range go
    // "show on the page" for a passage far below: painted at once, with the focus mark
    expect(session.scrollTo(0, 55)).toBe(true);
    expect(painted()).toContain(55);
    if (kind === 'highlight') expect([...hl.map.get('mirage-focus')!.ranges].map(String)).toEqual(['Sentence number 55 is here.']);
    else expect(p(55).querySelector('mirage-mark[data-mirage-focus]')?.textContent).toBe('Sentence number 55 is here.');
    expect(session.debug().observers).toBe(1);
    await session.stop();
    expect(instances[0]!.disconnected).toBe(true);
    expect(session.debug()).toMatchObject({ observers: 0, items: 0, styles: 0 });
    expect(hl.map.size).toBe(0);
    const after = snapshot();
    expect(after.html).toBe(before.html);
    after.nodes.forEach((n, i) => expect(n).toBe(before.nodes[i]));
  });

  it('a page change drops the highlights of a removed block, painted or pending', async () => {
    const hl = fakeHighlights();
    const { Observer, instances } = fakeObserver();
    const session = createSession(document, { main: false, highlightApi: kind === 'highlight' ? hl.api : null, IntersectionObserver: Observer, eagerMax: 10, onChange: () => undefined, debounceMs: 5 });
    const r = await session.extract('page');
    if (!r.ok) throw new Error('no text');
    await session.paint({ mode: 'all', drop: [], analyses: [paintAll(r.blocks)], legend: null });
    const p1 = document.getElementById('p1')!;
    const p50 = document.getElementById('p50')!;
    p1.remove();
    p50.remove();
    await session.flush();
    expect(session.painted).toHaveLength(PARAS - 2);
    expect(instances[0]!.targets.has(p1) || instances[0]!.targets.has(p50)).toBe(false);
    if (kind === 'highlight') expect(hl.registered().some((t) => /number (1|50) /.test(t))).toBe(false);
    await session.stop();
    document.querySelector('main')!.insertBefore(p1, document.getElementById('p2'));
    document.querySelector('main')!.insertBefore(p50, document.getElementById('p51'));
    expect(document.documentElement.outerHTML).toBe(before.html);
  });

  it('names the blocks on and near the screen when it reads the page; a second paint replaces block by block, near ones first, never leaving one bare', async () => {
    const hl = fakeHighlights();
    const { Observer } = fakeObserver();
    const painted = () =>
      kind === 'highlight' ? paras(hl.registered()) : paras([...document.querySelectorAll('mirage-mark')].map((m) => m.parentElement!.textContent));
    // every time the session gives the thread back, the near blocks that had highlights must still have them
    const bare: number[][] = [];
    let watch: number[] = [];
    const yielder = async () => {
      const shown = new Set(painted());
      const missing = watch.filter((i) => !shown.has(i));
      if (missing.length) bare.push(missing);
      await Promise.resolve();
    };
    const session = createSession(document, { main: false, highlightApi: kind === 'highlight' ? hl.api : null, IntersectionObserver: Observer, eagerMax: 10, yielder, sliceMs: 0 });
    scrollY = 2000; // paragraphs 20..24 on the screen
    const r = await session.extract('page');
    if (!r.ok) throw new Error('no text');
    // two screens (1,000 px) above and below a 500 px screen: every paragraph that reaches [1,000, 3,500) px
    expect(r.near).toEqual(Array.from({ length: 27 }, (_, i) => 9 + i));
    const first = await session.paint({ mode: 'all', drop: [], analyses: [paintAll(r.blocks.filter((b) => r.near!.includes(b.id)))], legend: null });
    expect(first).toMatchObject({ ok: true, painted: 27 });
    expect(first.ok && typeof first.at).toBe('number');
    expect(new Set(painted())).toEqual(new Set(r.near));
    watch = r.near!;
    const second = await session.paint({ mode: 'all', drop: [], analyses: [paintAll(r.blocks)], legend: null });
    expect(second).toMatchObject({ ok: true, painted: PARAS });
    expect(bare).toEqual([]);
    expect(new Set(painted())).toEqual(new Set(r.near));
    await session.stop();
  });

  it('keeps the legend that is there when a paint brings the same words, and draws it again when they change', async () => {
    const session = createSession(document, { main: false, highlightApi: kind === 'highlight' ? fakeHighlights().api : null, IntersectionObserver: fakeObserver().Observer, eagerMax: 10 });
    const r = await session.extract('page');
    if (!r.ok) throw new Error('no text');
    const legend = { title: 'Mirage Lens', note: 'n', summary: '3 of 60', close: 'x', fold: 'f', unfold: 'u', levels: ['a', 'b', 'c'] as [string, string, string], lang: 'en' };
    await session.paint({ mode: 'all', drop: [], analyses: [paintAll(r.blocks)], legend });
    const el = document.querySelector('mirage-lens-root');
    expect(el).not.toBeNull();
    await session.paint({ mode: 'all', drop: [], analyses: [paintAll(r.blocks)], legend });
    expect(document.querySelector('mirage-lens-root')).toBe(el);
    await session.paint({ mode: 'all', drop: [], analyses: [paintAll(r.blocks)], legend: { ...legend, summary: '4 of 60' } });
    expect(document.querySelectorAll('mirage-lens-root')).toHaveLength(1);
    expect(document.querySelector('mirage-lens-root')).not.toBe(el);
    await session.stop();
    expect(document.querySelector('mirage-lens-root')).toBeNull();
  });

  it(`stays eager below the threshold (default ${EAGER_MAX_ITEMS} items): everything painted, nothing observed`, async () => {
    const hl = fakeHighlights();
    const { Observer, instances } = fakeObserver();
    const session = createSession(document, { main: false, highlightApi: kind === 'highlight' ? hl.api : null, IntersectionObserver: Observer });
    const r = await session.extract('page');
    if (!r.ok) throw new Error('no text');
    await session.paint({ mode: 'all', drop: [], analyses: [paintAll(r.blocks)], legend: null });
    expect(session.painter.size).toBe(PARAS);
    expect(instances).toHaveLength(0);
    await session.stop();
    expect(document.documentElement.outerHTML).toBe(before.html);
  });
});
