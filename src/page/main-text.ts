/**
 * main-text — which of a page's text nodes are its article, as Mozilla's Readability sees it (run on a clone of the
 * document, never on the page), when the page is small enough for that to be worth its cost.
 *
 * Readability is not part of the content script: it is a script of its own (entrypoints/readability.ts, built as
 * /readability.js: READABILITY_SCRIPT in src/background/content-script.ts), which the background injects only into
 * a page that `wantsMainText` says is small enough to run it, alongside the request to read, which waits for it
 * (`whenReadability`); it leaves the class in the extension's isolated world (readability.ts), where
 * `mainTextNodes` finds it. Without it, the whole body is read (the skip rules of extract.ts). So a large page never
 * evaluates Readability's code, and the first injection is smaller for every page.
 */
import type { Readability } from '@mozilla/readability';

const LETTER = /\p{L}/u;

/** Readability is only worth its cost when it keeps at least this many letters. */
export const MIN_MAIN_LETTERS = 200;
/** Readability is skipped on documents with more elements than this: its cost grows with the DOM and it runs in
 * one piece (cannot be sliced). Measured in Chromium 156: a 2,000-word article (~300 elements) ~20 ms; a
 * 100,000-word page ~500 ms, a long task. Beyond this the skip rules alone decide what is read. */
export const MAX_READABILITY_ELEMENTS = 1_500;
/** ... and on documents with more text than this (characters of body.textContent). */
export const MAX_READABILITY_CHARS = 120_000;

/** Where the Readability script (entrypoints/readability.ts, built as /readability.js: the background's
 * READABILITY_SCRIPT) leaves the class in the extension's isolated world. */
export const READABILITY_KEY = '__mirageReadability';
/** Called (when set) by the Readability script once it left the class: the page layer's reading may be waiting. */
export const READABILITY_ARRIVED = '__mirageReadabilityArrived';
/** How long a reading waits for the Readability script the background is injecting alongside it (ms); past that,
 * the whole body is read. In practice it arrives within a few ms of the request to read. */
export const READABILITY_WAIT_MS = 1_000;

type ReadabilityClass = typeof Readability;

/** Readability, when its script was injected into this world (or provided by a test); else undefined. */
export function readabilityClass(scope: object = globalThis): ReadabilityClass | undefined {
  const r = (scope as Record<string, unknown>)[READABILITY_KEY];
  return typeof r === 'function' ? (r as ReadabilityClass) : undefined;
}

/**
 * Resolves once Readability is in this world (true), or after `ms` (false). The background sends the request to
 * read and the Readability script together, so that neither waits for the other's round trip.
 */
export function whenReadability(ms: number = READABILITY_WAIT_MS, scope: object = globalThis): Promise<boolean> {
  if (readabilityClass(scope)) return Promise.resolve(true);
  const slot = scope as Record<string, unknown>;
  return new Promise<boolean>((done) => {
    const timer = setTimeout(() => finish(false), ms);
    const before = slot[READABILITY_ARRIVED];
    function finish(arrived: boolean) {
      clearTimeout(timer);
      if (slot[READABILITY_ARRIVED] === onArrival) slot[READABILITY_ARRIVED] = before;
      done(arrived);
    }
    function onArrival() {
      if (typeof before === 'function') (before as () => void)();
      finish(!!readabilityClass(scope));
    }
    slot[READABILITY_ARRIVED] = onArrival;
  });
}

/** Whether `doc` is small enough for Readability to be worth running (it runs in one piece and its cost grows with
 * the page). Cheap: the element count first, the text only for a page that passes it. */
export function wantsMainText(doc: Document): boolean {
  if (!doc.body) return false;
  if (doc.getElementsByTagName('*').length > MAX_READABILITY_ELEMENTS) return false;
  return (doc.body.textContent?.length ?? 0) <= MAX_READABILITY_CHARS;
}

/**
 * The live text nodes that Readability keeps as the article, or undefined when it finds no article, when the page is
 * too big for it to be worth running, or when Readability was not injected.
 */
export function mainTextNodes(doc: Document): Set<Text> | undefined {
  const Readability = readabilityClass();
  if (!Readability || !wantsMainText(doc)) return undefined;
  let content: Node | null | undefined;
  try {
    const clone = doc.cloneNode(true) as Document;
    visibleOnly(clone); // Readability compares texts (the title with the headings): a soft hyphen must not split them
    content = new Readability<Node>(clone, { serializer: (n) => n, charThreshold: 300 }).parse()?.content;
  } catch {
    return undefined;
  }
  if (!content) return undefined;
  // Readability may rebuild parts of its copy, so live nodes are found again by their text, in order.
  const kept: string[] = [];
  const cw = (content.ownerDocument ?? doc).createTreeWalker(content, 4 /* SHOW_TEXT */);
  for (let n = cw.nextNode(); n; n = cw.nextNode()) {
    const data = (n as Text).data;
    if (data.trim()) kept.push(data);
  }
  const live: Text[] = [];
  const lw = doc.createTreeWalker(doc.body, 4);
  for (let n = lw.nextNode(); n; n = lw.nextNode()) if ((n as Text).data.trim()) live.push(n as Text);
  const liveData = live.map((n) => visible(n.data));
  const out = new Set<Text>();
  let j = 0;
  let letters = 0;
  for (const data of kept) {
    let k = j;
    while (k < live.length && liveData[k] !== data) k++;
    if (k === live.length) continue; // rebuilt or merged text: skip it, keep the position
    out.add(live[k]!);
    if (letters < MIN_MAIN_LETTERS) letters += countLetters(data, MIN_MAIN_LETTERS - letters);
    j = k + 1;
  }
  return letters >= MIN_MAIN_LETTERS ? out : undefined;
}

/** Invisible characters a site puts inside words (soft hyphens for line breaking, zero-width spaces and joiners, word
 * joiners, byte-order marks): the engine does not read them (src/engine/text/normalise.ts visibleText), nor should
 * Readability's comparisons of texts. A copy of the part of the engine's set a web page's text carries: the page layer
 * bundles no engine code (tests/unit/layout.test.ts). */
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/;
const INVISIBLE_G = new RegExp(INVISIBLE.source, 'g');
const visible = (s: string) => (INVISIBLE.test(s) ? s.replace(INVISIBLE_G, '') : s);

/** The clone's text without those characters (the clone only: the page is never changed). */
function visibleOnly(clone: Document): void {
  const w = clone.createTreeWalker(clone, 4 /* SHOW_TEXT */);
  for (let n = w.nextNode(); n; n = w.nextNode()) {
    const t = n as Text;
    if (INVISIBLE.test(t.data)) t.data = visible(t.data);
  }
}

/** Letters in `s`, counted up to `enough` (only the threshold matters: an article's text is not read twice). */
function countLetters(s: string, enough: number): number {
  let n = 0;
  for (const ch of s) if (LETTER.test(ch) && ++n >= enough) break;
  return n;
}
