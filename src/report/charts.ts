/**
 * charts — small hand-written SVG charts for the analysis page, the teacher report and the workshop lab.
 *
 * Why no chart library: five simple chart kinds, a few dozen lines each, keep the bundle small and let the same
 * chart go to the screen (`toDom`, createElementNS) and into the printable report (`serialize`), with no string
 * from a user ever parsed as markup. Every chart returns a markup tree (src/report/markup.ts), carries
 * `role="img"`, a <title> and a <desc> with the figures in words, and writes its numbers as text next to the marks
 * (never colour alone). Colours come from PALETTE and are overridable by CSS through the class names.
 *
 * API (all pure):
 * - `barChart({ title, desc, bars: [{ label, value, className? }], valueLabel? })` — vertical bars (GLTR buckets).
 * - `percentileChart({ title, desc, rows: [{ label, marks: [{ value?, shape, name }] }], agreeAt, fmt?, tick? })` —
 *   where a text falls among human reference texts (0..1 per signal); two marks per row for a comparison.
 * - `distributionChart({ title, desc, series: [{ label, values, className }], threshold, bins })` — score histograms,
 *   one row per label on a shared 0..1 axis, with the threshold line.
 * - `rocChart({ title, desc, points, current })` — ROC curve, diagonal, and the current threshold's point.
 * - `rateBars({ title, desc, rows: [{ label, value, text }] })` — horizontal bars 0..1 (false-positive rate per group),
 *   each with its figure in words (the rate and its counts).
 * Numbers: `fmt` words a mark's value, `tick` (or `fmt` where a chart has only axis figures) the axis; the pages pass
 * the formatters of src/shared/numbers.ts, so a chart reads the same figure as the sentence beside it. The defaults
 * (`pct`) write the exact whole percent in English.
 * Limits: sizes are fixed viewBoxes that scale to their container's width; no interaction (the pages add it).
 */
import { h, type El } from './markup';

export const PALETTE = {
  ink: '#1f2430',
  muted: '#5b6270',
  grid: '#d9dce3',
  human: '#2f6fb0',
  machine: '#b0472f',
  threshold: '#1f2430',
  band: '#eef1f6',
  a: '#2f6fb0',
  b: '#b0472f',
  buckets: ['#3f8f4f', '#c9a227', '#d0702a', '#7a4fa6'],
};

const FONT = { 'font-family': 'system-ui, sans-serif', 'font-size': 11 };

function frame(width: number, height: number, title: string, desc: string, cls: string, children: El[]): El {
  return h(
    'svg',
    { xmlns: 'http://www.w3.org/2000/svg', viewBox: `0 0 ${width} ${height}`, role: 'img', class: `chart ${cls}`, ...FONT, 'aria-label': title },
    h('title', null, title),
    h('desc', null, desc),
    children,
  );
}

const r1 = (x: number) => Math.round(x * 10) / 10;
/** The default figure of an axis tick or a mark: the exact whole percent, "100%" at the end of an axis. */
export const pct = (x: number) => `${Math.round(x * 100)}%`;
const pctDefault = pct;

/** About how wide a text of `chars` characters is at the charts' 11 px font. */
const textWidth = (chars: number) => chars * 6.4;

/** Split a long label over two lines at the space nearest its middle (SVG text does not wrap). */
function wrapLabel(label: string, max = 30): string[] {
  if (label.length <= max) return [label];
  const mid = label.length / 2;
  let best = -1;
  for (let i = 0; i < label.length; i++) if (label[i] === ' ' && (best < 0 || Math.abs(i - mid) < Math.abs(best - mid))) best = i;
  return best < 0 ? [label] : [label.slice(0, best), label.slice(best + 1)];
}

/** Split a label into lines at spaces: two halves when each fits `max` characters, else as many lines of at most
 * `wide` characters (what the widest label column holds) as it takes — a signal's title with "(shown, not counted)"
 * after it. */
function wrapLines(label: string, max = 30, wide = 33): string[] {
  const two = wrapLabel(label, max);
  if (two.every((l) => l.length <= max)) return two;
  const lines: string[] = [];
  for (const word of label.split(' ')) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= wide) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

export interface Bar {
  label: string;
  value: number;
  className?: string;
  fill?: string;
}

export function barChart(o: { title: string; desc: string; bars: Bar[]; format?: (v: number) => string }): El {
  const W = 320, L = 8, R = 8, T = 18;
  const slot = (W - L - R) / Math.max(1, o.bars.length);
  // A label wider than its bar's slot goes over two lines, so that neighbouring labels never touch.
  const lines = o.bars.map((b) => wrapLabel(b.label, Math.floor((slot - 6) / 6.4)));
  const B = lines.some((l) => l.length > 1) ? 46 : 34;
  const H = 136 + B;
  const max = Math.max(1e-9, ...o.bars.map((b) => b.value));
  const fmt = o.format ?? ((v: number) => String(v));
  const els: El[] = [h('line', { x1: L, x2: W - R, y1: H - B, y2: H - B, stroke: PALETTE.grid })];
  o.bars.forEach((b, i) => {
    const bh = ((H - T - B) * b.value) / max;
    const x = L + i * slot + slot * 0.15;
    const w = slot * 0.7;
    els.push(
      h('g', { class: `bar ${b.className ?? ''}`.trim() },
        h('rect', { x: r1(x), y: r1(H - B - bh), width: r1(w), height: r1(Math.max(bh, 0.5)), fill: b.fill ?? PALETTE.human }),
        h('text', { x: r1(x + w / 2), y: r1(H - B - bh - 4), 'text-anchor': 'middle', fill: PALETTE.ink }, fmt(b.value)),
        h('text', { class: 'bar-label', x: r1(x + w / 2), y: H - B + 14, 'text-anchor': 'middle', fill: PALETTE.muted },
          lines[i]!.length > 1 ? lines[i]!.map((l, k) => h('tspan', { x: r1(x + w / 2), dy: k === 0 ? 0 : 12 }, l)) : b.label),
      ),
    );
  });
  return frame(W, H, o.title, o.desc, 'bar-chart', els);
}

export interface Mark {
  /** 0..1, undefined = abstained (drawn as a dash, "–"). */
  value?: number;
  shape: 'circle' | 'square';
  /** Who the mark belongs to (legend / accessible text), e.g. "Text A". */
  name: string;
  fill?: string;
}

export interface PercentileRow {
  label: string;
  marks: Mark[];
  /** Bold row (the combined score). */
  strong?: boolean;
}

/**
 * One row per signal on a 0..100% axis: "share of human reference texts that are less predictable". The band up to
 * `agreeAt` is where most human writing falls; marks beyond it are what the engine counts as agreeing.
 */
export function percentileChart(o: { title: string; desc: string; rows: PercentileRow[]; agreeAt: number; axisLabel: string; bandLabel: string; fmt?: (v: number) => string; tick?: (v: number) => string }): El {
  const pct = o.fmt ?? pctDefault;
  const tick = o.tick ?? pctDefault;
  // The label column fits the longest label (about 6.4 px per character at 11 px), within bounds.
  const lines = o.rows.map((r) => wrapLines(r.label));
  const most = Math.max(1, ...lines.map((l) => l.length));
  const longest = Math.max(8, ...lines.flat().map((l) => l.length));
  const LBL = Math.round(Math.min(230, Math.max(110, 14 + longest * 6.4)));
  const W = LBL + 330, R = 46, T = 22, ROW = most > 1 ? 16 + 12 * most - 12 : 22, B = 30;
  const H = T + ROW * o.rows.length + B;
  const x = (v: number) => LBL + (W - LBL - R) * v;
  const els: El[] = [];
  els.push(h('rect', { x: x(0), y: T - 6, width: r1(x(o.agreeAt) - x(0)), height: ROW * o.rows.length + 6, fill: PALETTE.band }));
  els.push(h('text', { x: r1((x(0) + x(o.agreeAt)) / 2), y: T - 10, 'text-anchor': 'middle', fill: PALETTE.muted }, o.bandLabel));
  for (const t of [0, 0.25, 0.5, 0.75, 1]) {
    els.push(h('line', { x1: r1(x(t)), x2: r1(x(t)), y1: T - 6, y2: T + ROW * o.rows.length, stroke: PALETTE.grid }));
    els.push(h('text', { x: r1(x(t)), y: T + ROW * o.rows.length + 13, 'text-anchor': 'middle', fill: PALETTE.muted }, tick(t)));
  }
  els.push(h('line', { x1: r1(x(o.agreeAt)), x2: r1(x(o.agreeAt)), y1: T - 6, y2: T + ROW * o.rows.length, stroke: PALETTE.ink, 'stroke-dasharray': '3 2' }));
  els.push(h('text', { x: r1((x(0) + x(1)) / 2), y: H - 3, 'text-anchor': 'middle', fill: PALETTE.muted }, o.axisLabel));
  o.rows.forEach((row, i) => {
    const cy = T + ROW * i + ROW / 2;
    const ls = lines[i];
    const g: El[] = [
      h('text', { x: LBL - 8, y: cy + 4 - 6 * (ls!.length - 1), 'text-anchor': 'end', fill: PALETTE.ink, 'font-weight': row.strong ? 700 : 400 },
        ls!.length > 1 ? ls!.map((l, k) => h('tspan', { x: LBL - 8, dy: k === 0 ? 0 : 12 }, l)) : row.label),
    ];
    const shown = row.marks.filter((m) => m.value !== undefined);
    if (shown.length === 2) {
      g.push(h('line', { x1: r1(x(shown[0]!.value!)), x2: r1(x(shown[1]!.value!)), y1: cy, y2: cy, stroke: PALETTE.muted, 'stroke-width': 2 }));
    }
    row.marks.forEach((m, k) => {
      if (m.value === undefined) {
        g.push(h('text', { x: W - R + 6, y: cy + 4 + k * 0, fill: PALETTE.muted }, '–')); // as the tables say it, in any language
        return;
      }
      const fill = m.fill ?? (k === 0 ? PALETTE.a : PALETTE.b);
      const cx = x(m.value);
      g.push(
        m.shape === 'circle'
          ? h('circle', { cx: r1(cx), cy, r: 5.5, fill, stroke: '#fff', 'stroke-width': 1.5 }, h('title', null, `${m.name}: ${pct(m.value)}`))
          : h('rect', { x: r1(cx - 5), y: cy - 5, width: 10, height: 10, fill, stroke: '#fff', 'stroke-width': 1.5 }, h('title', null, `${m.name}: ${pct(m.value)}`)),
      );
    });
    if (row.marks.length === 1 && row.marks[0]!.value !== undefined) {
      g.push(h('text', { x: W - R + 6, y: cy + 4, fill: PALETTE.ink }, pct(row.marks[0]!.value)));
    }
    els.push(h('g', { class: 'row' }, g));
  });
  return frame(W, H, o.title, o.desc, 'percentile-chart', els);
}

export interface Series {
  label: string;
  values: number[];
  className: string;
  fill: string;
}

/** Counts of values in `bins` equal bins over [0, 1] (1 goes in the last bin). */
export function binCounts(values: readonly number[], bins: number): number[] {
  const counts = new Array<number>(bins).fill(0);
  for (const v of values) counts[Math.min(bins - 1, Math.max(0, Math.floor(v * bins)))]!++;
  return counts;
}

export function distributionChart(o: { title: string; desc: string; series: Series[]; threshold: number; bins?: number; thresholdLabel: string; axisLabel: string; fmt?: (v: number) => string }): El {
  const pct = o.fmt ?? pctDefault;
  const bins = o.bins ?? 20;
  const W = 460, L = 90, R = 20, T = 16, ROWH = 70, GAP = 10, B = 34;
  const H = T + o.series.length * (ROWH + GAP) + B;
  const x = (v: number) => L + (W - L - R) * v;
  const counts = o.series.map((s) => binCounts(s.values, bins));
  const max = Math.max(1, ...counts.flat());
  const els: El[] = [];
  o.series.forEach((s, i) => {
    const top = T + i * (ROWH + GAP);
    const base = top + ROWH;
    const g: El[] = [
      h('text', { x: L - 8, y: top + ROWH / 2, 'text-anchor': 'end', fill: PALETTE.ink, 'font-weight': 700 }, s.label),
      h('text', { x: L - 8, y: top + ROWH / 2 + 14, 'text-anchor': 'end', fill: PALETTE.muted }, `n = ${s.values.length}`),
      h('line', { x1: L, x2: W - R, y1: base, y2: base, stroke: PALETTE.grid }),
    ];
    counts[i]!.forEach((c, b) => {
      if (!c) return;
      const bh = ((ROWH - 4) * c) / max;
      const flagged = (b + 0.5) / bins >= o.threshold;
      g.push(h('rect', { x: r1(x(b / bins) + 0.5), y: r1(base - bh), width: r1(x(1 / bins) - x(0) - 1), height: r1(bh), fill: s.fill, 'fill-opacity': flagged ? 1 : 0.45 }, h('title', null, `${s.label}: ${c} (${pct(b / bins)}–${pct((b + 1) / bins)})`)));
    });
    els.push(h('g', { class: `series ${s.className}` }, g));
  });
  for (const t of [0, 0.25, 0.5, 0.75, 1]) {
    els.push(h('text', { x: r1(x(t)), y: H - B + 14, 'text-anchor': 'middle', fill: PALETTE.muted }, pct(t)));
  }
  els.push(h('text', { x: r1(x(0.5)), y: H - 3, 'text-anchor': 'middle', fill: PALETTE.muted }, o.axisLabel));
  const tx = r1(x(o.threshold));
  els.push(h('line', { class: 'threshold', x1: tx, x2: tx, y1: T - 4, y2: H - B + 2, stroke: PALETTE.threshold, 'stroke-width': 2, 'stroke-dasharray': '5 3' }));
  // The label sits right of the line, or left of it when it would not fit before the chart's right edge.
  const label = `${o.thresholdLabel} ${pct(o.threshold)}`;
  const right = tx + 4 + textWidth(label.length) <= W;
  els.push(h('text', { class: 'threshold-label', x: right ? tx + 4 : tx - 4, y: T + 4, 'text-anchor': right ? 'start' : 'end', fill: PALETTE.ink }, label));
  return frame(W, H, o.title, o.desc, 'distribution-chart', els);
}

export function rocChart(o: { title: string; desc: string; points: { fpr: number; tpr: number }[]; current?: { fpr: number; tpr: number }; xLabel: string; yLabel: string; aucText: string; fmt?: (v: number) => string }): El {
  const pct = o.fmt ?? pctDefault;
  // L leaves room for the y-axis title beside the widest tick ("100 %").
  const S = 200, L = 54, T = 10, B = 34, R = 18;
  const W = L + S + R, H = T + S + B;
  const x = (v: number) => L + S * v;
  const y = (v: number) => T + S * (1 - v);
  const els: El[] = [h('rect', { x: L, y: T, width: S, height: S, fill: '#fff', stroke: PALETTE.grid })];
  for (const t of [0.25, 0.5, 0.75]) {
    els.push(h('line', { x1: x(t), x2: x(t), y1: T, y2: T + S, stroke: PALETTE.grid, 'stroke-width': 0.5 }));
    els.push(h('line', { x1: L, x2: L + S, y1: y(t), y2: y(t), stroke: PALETTE.grid, 'stroke-width': 0.5 }));
  }
  // The two zeros meet at the corner: the x-axis one starts at the axis, the y-axis one sits above its line.
  for (const t of [0, 0.5, 1]) {
    els.push(h('text', { x: x(t), y: T + S + 13, 'text-anchor': t === 0 ? 'start' : t === 1 ? 'end' : 'middle', fill: PALETTE.muted }, pct(t)));
    els.push(h('text', { x: L - 4, y: t === 0 ? y(t) - 2 : t === 1 ? y(t) + 9 : y(t) + 4, 'text-anchor': 'end', fill: PALETTE.muted }, pct(t)));
  }
  els.push(h('line', { x1: x(0), y1: y(0), x2: x(1), y2: y(1), stroke: PALETTE.muted, 'stroke-dasharray': '3 3' }));
  const pts = o.points.filter((p) => Number.isFinite(p.fpr) && Number.isFinite(p.tpr));
  if (pts.length) {
    els.push(h('polyline', { class: 'roc', points: pts.map((p) => `${r1(x(p.fpr))},${r1(y(p.tpr))}`).join(' '), fill: 'none', stroke: PALETTE.machine, 'stroke-width': 2 }));
  }
  if (o.current && Number.isFinite(o.current.fpr) && Number.isFinite(o.current.tpr)) {
    els.push(h('circle', { class: 'current', cx: r1(x(o.current.fpr)), cy: r1(y(o.current.tpr)), r: 5, fill: PALETTE.ink, stroke: '#fff', 'stroke-width': 1.5 }));
  }
  els.push(h('text', { x: x(0.5), y: H - 4, 'text-anchor': 'middle', fill: PALETTE.muted }, o.xLabel));
  els.push(h('text', { x: 11, y: y(0.5), 'text-anchor': 'middle', fill: PALETTE.muted, transform: `rotate(-90 11 ${y(0.5)})` }, o.yLabel));
  els.push(h('text', { x: x(0.97), y: y(0.06), 'text-anchor': 'end', fill: PALETTE.ink, 'font-weight': 700 }, o.aucText));
  return frame(W, H, o.title, o.desc, 'roc-chart', els);
}

export function rateBars(o: { title: string; desc: string; rows: { label: string; value: number; text: string }[] }): El {
  const longest = Math.max(8, ...o.rows.map((r) => r.label.length));
  const LBL = Math.round(Math.min(220, Math.max(90, 14 + textWidth(longest))));
  const R = Math.round(Math.max(110, 10 + textWidth(Math.max(0, ...o.rows.map((r) => r.text.length)))));
  const W = LBL + 220 + R, T = 6, ROW = 22, B = 6;
  const H = T + ROW * Math.max(1, o.rows.length) + B;
  const x = (v: number) => LBL + (W - LBL - R) * v;
  const els: El[] = [];
  o.rows.forEach((row, i) => {
    const top = T + i * ROW;
    const v = Number.isFinite(row.value) ? row.value : 0;
    els.push(
      h('g', { class: 'rate-row' },
        h('text', { x: LBL - 8, y: top + 15, 'text-anchor': 'end', fill: PALETTE.ink }, row.label),
        h('rect', { x: x(0), y: top + 4, width: r1(x(1) - x(0)), height: ROW - 8, fill: PALETTE.band }),
        h('rect', { x: x(0), y: top + 4, width: r1(Math.max(0, x(v) - x(0))), height: ROW - 8, fill: PALETTE.machine }),
        h('text', { x: x(1) + 6, y: top + 15, fill: PALETTE.ink }, row.text),
      ),
    );
  });
  return frame(W, H, o.title, o.desc, 'rate-bars', els);
}
