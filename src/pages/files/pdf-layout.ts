/**
 * pdf-layout — paragraphs in reading order from the positioned text runs of PDF pages (what pdf.js's
 * `getTextContent` gives), without pdf.js: pure geometry, tested on its own.
 *
 * How, page by page:
 * 1. Runs -> rows: runs whose baselines are within half a font size share a row (a superscript joins its line);
 *    rows go top to bottom, runs left to right, so the order the PDF happened to draw them in does not matter.
 *    Rotated runs (watermarks, margin notes), blank runs and text overprinted a hair apart (fake bold) are dropped.
 * 2. Running heads and page numbers: a row among the first or last two of a page, inside its top or bottom
 *    MARGIN_ZONE, is dropped when it is only a page number ("12", "- 12 -", "Page 3 of 9", "iv") or when the same
 *    text (digits aside) is in that zone on at least REPEAT_MIN_PAGES pages and half of them.
 * 3. Rows -> fragments, split where the gap between two runs is over COLUMN_GAP font sizes.
 * 4. Two columns: a vertical band in the middle 30–70 % of the text width crossed by at most MAX_SPANNING
 *    fragments (or SPANNING_SHARE of them), with fragments on both sides, side by side on at least
 *    MIN_SIDE_BY_SIDE rows. Fragments that cross the band (a title, an abstract, a wide figure caption) cut the
 *    page into bands; each band is read left column first, then right. No such band: one column.
 * 5. Lines -> paragraphs, within a column: a new paragraph where the gap to the line above is over PARAGRAPH_GAP
 *    times the page's usual line spacing, where the font size changes (a heading), where a first line is indented,
 *    or after a short line that ends a sentence. Lines of a paragraph are joined with a space; a word hyphenated at
 *    a line end ("exam-" + "ple") is joined back when the next line starts in lower case ("Jean-" + "Pierre" keeps
 *    its hyphen).
 * 6. Across columns and pages: a paragraph cut by a column or page break (the text before it does not end a
 *    sentence and it starts in lower case) is joined back.
 *
 * API: `layoutPages(pages)` -> string (paragraphs separated by a blank line); `pageRows`, `readingOrder` for tests.
 * A page is `{ runs, height }`; a run is `{ str, x, y, width, size, rotated? }` in PDF units (y grows upwards).
 * Limits: more than two columns are read as bands of two or as one; tables come out cell by cell; right-to-left
 * and vertical scripts are not reordered; hyphen joining can glue a compound broken at its own hyphen.
 */

export interface Run {
  str: string;
  /** Left of the baseline start. */
  x: number;
  /** Baseline, PDF units, growing upwards. */
  y: number;
  width: number;
  /** Font size (vertical scale of the text matrix). */
  size: number;
  /** Not horizontal: dropped. */
  rotated?: boolean;
}

export interface PageRuns {
  runs: Run[];
  /** Page height (PDF units), for the header and footer zones. */
  height: number;
  /** Page bottom (PDF units), usually 0. */
  bottom?: number;
}

/** A horizontal piece of a row: runs with no wide gap between them. */
export interface Fragment {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
}

/** Top and bottom share of a page where running heads and page numbers live. */
export const MARGIN_ZONE = 0.12;
/** A running head must repeat on at least this many pages (and half of them). */
export const REPEAT_MIN_PAGES = 2;
/** A gap over this many font sizes splits a row into fragments (column gutters, tab stops). */
export const COLUMN_GAP = 1.5;
/** Rows with a fragment on each side of a gutter needed to call a page two-column. */
export const MIN_SIDE_BY_SIDE = 3;
/** A gutter may be crossed by this many fragments (titles, wide captions), or this share of them if more. */
export const MAX_SPANNING = 3;
export const SPANNING_SHARE = 0.1;
/** A gap over this many usual line spacings starts a paragraph. */
export const PARAGRAPH_GAP = 1.4;

const median = (xs: number[]): number => {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};

/** Join two runs of one row: a space when they do not touch and neither brings one. */
function joinRuns(a: string, b: string, gap: number, size: number): string {
  if (gap > 0.15 * size && !/\s$/.test(a) && !/^\s/.test(b)) return a + ' ' + b;
  return a + b;
}

interface Row {
  y: number;
  size: number;
  runs: Run[];
}

/** Step 1: rows, top to bottom, each with its runs left to right. */
export function pageRows(runs: readonly Run[]): Row[] {
  const kept = runs.filter((r) => !r.rotated && r.str.trim() !== '' && r.size > 0);
  const sorted = [...kept].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: Row[] = [];
  for (const r of sorted) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(row.y - r.y) <= 0.5 * Math.max(row.size, r.size)) {
      // Text drawn twice a hair apart (a "bold" made by overprinting) is read once.
      if (row.runs.some((o) => o.str === r.str && Math.abs(o.x - r.x) < 0.5 * r.size)) continue;
      row.runs.push(r);
      if (r.size > row.size) {
        row.size = r.size;
        row.y = r.y;
      }
    } else {
      rows.push({ y: r.y, size: r.size, runs: [r] });
    }
  }
  for (const row of rows) row.runs.sort((a, b) => a.x - b.x);
  return rows;
}

/** Step 3: fragments of a row. */
function fragments(row: Row): Fragment[] {
  const out: Fragment[] = [];
  let cur: Fragment | undefined;
  for (const r of row.runs) {
    const end = r.x + Math.max(r.width, 0);
    if (cur && r.x - cur.x1 <= COLUMN_GAP * row.size) {
      cur.text = joinRuns(cur.text, r.str, r.x - cur.x1, row.size);
      cur.x1 = Math.max(cur.x1, end);
    } else {
      cur = { text: r.str, x0: r.x, x1: end, y: row.y, size: row.size };
      out.push(cur);
    }
  }
  for (const f of out) f.text = f.text.replace(/\s+/g, ' ').trim();
  return out.filter((f) => f.text);
}

// "12", "- 12 -", "Page 3", "p. 3", "3 / 9", "3 of 9", "3 sur 9", and roman numerals up to lxxxix (front matter).
const PAGE_NUMBER = /^(?:(?:page|p\.)\s*)?[-–—]?\s*(?:\d{1,4}|(?=[ivxl])(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3}))\s*[-–—]?(?:\s*(?:\/|of|sur|de)\s*\d{1,4})?$/i;

/** Step 2: drop page numbers and running heads (rows in the margin zones). */
function dropFurniture(pages: readonly PageRuns[], rows: Row[][]): Row[][] {
  const key = (row: Row) => row.runs.map((r) => r.str).join(' ').replace(/\d+/g, '#').replace(/\s+/g, ' ').trim().toLowerCase();
  // rows[p] are the rows of pages[p].
  const zoneRows = rows.map((rs, p) => {
    const { height, bottom = 0 } = pages[p]!;
    const candidates = [...rs.slice(0, 2), ...rs.slice(-2)];
    return new Set(candidates.filter((r) => r.y > bottom + height * (1 - MARGIN_ZONE) || r.y < bottom + height * MARGIN_ZONE));
  });
  const seen = new Map<string, number>();
  for (const zone of zoneRows) for (const k of new Set([...zone].map(key))) seen.set(k, (seen.get(k) ?? 0) + 1);
  const repeatMin = Math.max(REPEAT_MIN_PAGES, Math.ceil(pages.length / 2));
  return rows.map((rs, p) =>
    rs.filter((r) => {
      if (!zoneRows[p]!.has(r)) return true;
      const text = r.runs.map((x) => x.str).join(' ').trim();
      if (PAGE_NUMBER.test(text)) return false;
      return (seen.get(key(r)) ?? 0) < repeatMin;
    }),
  );
}

/** A column's worth of fragments (one column of one band), top to bottom. */
interface Segment {
  lines: Fragment[];
}

/** Step 4: fragments in reading order, as segments (one column of one band each). */
export function readingOrder(rows: readonly Row[]): Segment[] {
  const frags = rows.flatMap(fragments);
  if (!frags.length) return [];
  const minX = Math.min(...frags.map((f) => f.x0));
  const maxX = Math.max(...frags.map((f) => f.x1));
  const width = maxX - minX;
  const gutter = width > 0 ? findGutter(frags, minX, width) : undefined;
  if (gutter === undefined) return [{ lines: frags }];
  const segments: Segment[] = [];
  let left: Fragment[] = [];
  let right: Fragment[] = [];
  const flush = () => {
    if (left.length) segments.push({ lines: left });
    if (right.length) segments.push({ lines: right });
    left = [];
    right = [];
  };
  // Fragments are already top to bottom (rows), left to right within a row.
  for (const f of frags) {
    if (f.x1 <= gutter) left.push(f);
    else if (f.x0 >= gutter) right.push(f);
    else {
      flush();
      segments.push({ lines: [f] });
    }
  }
  flush();
  return segments;
}

function findGutter(frags: readonly Fragment[], minX: number, width: number): number | undefined {
  if (frags.length < 2 * MIN_SIDE_BY_SIDE) return undefined;
  // How many fragments cover each point of the middle of the text block, one bin per PDF unit.
  const lo = Math.floor(minX + 0.3 * width);
  const hi = Math.ceil(minX + 0.7 * width);
  const covered = new Uint16Array(hi - lo + 1);
  for (const f of frags) {
    for (let x = Math.max(lo, Math.ceil(f.x0)); x <= Math.min(hi, Math.floor(f.x1)); x++) covered[x - lo]!++;
  }
  // The widest band crossed by few fragments (a title, a wide caption), then, inside it, the widest stretch at its
  // least coverage: the gutter itself, not the ragged ends of the left column's lines.
  const allowed = Math.max(MAX_SPANNING, SPANNING_SHARE * frags.length);
  const widest = (from: number, to: number, ok: (c: number) => boolean): [number, number] | undefined => {
    let best: [number, number] | undefined;
    for (let i = from; i < to; ) {
      if (!ok(covered[i]!)) {
        i++;
        continue;
      }
      let j = i;
      while (j < to && ok(covered[j]!)) j++;
      if (!best || j - i > best[1] - best[0]) best = [i, j];
      i = j;
    }
    return best;
  };
  const band = widest(0, covered.length, (c) => c <= allowed);
  const typical = median(frags.map((f) => f.size));
  if (!band || band[1] - band[0] < 0.5 * typical) return undefined;
  const least = Math.min(...covered.subarray(band[0], band[1]));
  const gap = widest(band[0], band[1], (c) => c === least)!;
  const g = lo + (gap[0] + gap[1]) / 2;
  // Side by side: left fragments with a right one on (about) the same baseline.
  const lefts = frags.filter((f) => f.x1 <= g);
  const rights = frags.filter((f) => f.x0 >= g);
  let both = 0;
  for (const l of lefts) if (rights.some((r) => Math.abs(r.y - l.y) < 0.5 * Math.max(l.size, r.size))) both++;
  return both >= MIN_SIDE_BY_SIDE ? g : undefined;
}

const ENDS_SENTENCE = /[.!?…:;»"”’)\]]$/;

interface Paragraph {
  text: string;
  /** First paragraph of a segment (after a column or page break). */
  fresh: boolean;
}

/** Step 5: paragraphs of one segment. `spacing` is the page's usual line spacing. */
function paragraphs(seg: Segment, spacing: number): Paragraph[] {
  const lines = seg.lines;
  const colLeft = Math.min(...lines.map((l) => l.x0));
  const colRight = Math.max(...lines.map((l) => l.x1));
  const colWidth = colRight - colLeft;
  const out: Paragraph[] = [];
  let cur: string[] = [];
  const flush = () => {
    if (cur.length) out.push({ text: joinLines(cur), fresh: out.length === 0 });
    cur = [];
  };
  lines.forEach((line, i) => {
    const prev = lines[i - 1];
    if (prev) {
      const gap = prev.y - line.y;
      const size = Math.max(prev.size, line.size);
      const usual = spacing > 0 ? spacing : 1.2 * size;
      const indented = line.x0 - colLeft > 0.8 * line.size && line.x0 - colLeft < 6 * line.size && prev.x0 - colLeft <= 0.5 * prev.size;
      const shortEnd = lines.length >= 3 && prev.x1 < colRight - 0.2 * colWidth && ENDS_SENTENCE.test(prev.text);
      const sizeChange = Math.abs(prev.size - line.size) > 0.15 * size;
      if (gap > PARAGRAPH_GAP * usual || gap < 0 || sizeChange || indented || shortEnd) flush();
    }
    cur.push(line.text);
  });
  flush();
  return out;
}

/** Lines of one paragraph: spaces, and words hyphenated at a line end joined back. */
function joinLines(lines: readonly string[]): string {
  let text = lines[0] ?? '';
  for (const next of lines.slice(1)) {
    if (/\p{L}[-\u00ad]$/u.test(text) && /^\p{Ll}/u.test(next)) text = text.slice(0, -1) + next; // exam- ple
    else if (/\p{L}-$/u.test(text) && /^\p{Lu}/u.test(next)) text = text + next; // Jean- Pierre
    else text = text.replace(/\u00ad$/, '') + ' ' + next;
  }
  return text;
}

/** The usual distance between consecutive lines of a page (same column, same size). */
function lineSpacing(segments: readonly Segment[]): number {
  const gaps: number[] = [];
  for (const s of segments) {
    for (let i = 1; i < s.lines.length; i++) {
      const a = s.lines[i - 1]!;
      const b = s.lines[i]!;
      const gap = a.y - b.y;
      if (gap > 0 && Math.abs(a.size - b.size) <= 0.15 * a.size && gap < 3 * a.size) gaps.push(gap);
    }
  }
  return median(gaps);
}

/** Every page's paragraphs in reading order, one per block, separated by a blank line. */
export function layoutPages(pages: readonly PageRuns[]): string {
  const rows = dropFurniture(pages, pages.map((p) => pageRows(p.runs)));
  const all: Paragraph[] = [];
  for (const pageRowsList of rows) {
    const segments = readingOrder(pageRowsList);
    const spacing = lineSpacing(segments);
    for (const s of segments) all.push(...paragraphs(s, spacing));
  }
  // Step 6: a paragraph cut by a column or page break is joined back.
  const out: string[] = [];
  for (const p of all) {
    const prev = out[out.length - 1];
    if (prev !== undefined && p.fresh && !ENDS_SENTENCE.test(prev) && /^\p{Ll}/u.test(p.text)) {
      out[out.length - 1] = joinLines([prev, p.text]);
    } else {
      out.push(p.text);
    }
  }
  return out.join('\n\n');
}
