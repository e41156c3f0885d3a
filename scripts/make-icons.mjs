#!/usr/bin/env node
/**
 * make-icons — draws the extension's icon (a magnifying lens over lines of text, one line underlined in the warm
 * highlight colour) and writes assets/icon.svg plus public/icon/{16,32,48,128}.png, which WXT puts into the
 * manifest (`icons`, and `action.default_icon` / `browser_action.default_icon`).
 *
 * Pure Node, no packages: the shapes below are rasterised here with 16×16 supersampling per pixel (anti-aliasing)
 * into an RGBA buffer and encoded as PNG with node:zlib and a CRC-32 table. The SVG is written from the same shape
 * list (the 128 px design), so the two never drift apart. 16 px has its own, simpler layout (fewer, pixel-aligned
 * strokes) because the scaled-down design turns to mush at that size.
 * Run: `node scripts/make-icons.mjs` (deterministic: same bytes every run).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// Palette: the UI's ink and muted greys, the highlight levels' warm colours (src/page/painter.ts).
const INK = '#1f2937';
const TEXT = '#4b5563';
const LINE = '#9ca3af';
const WARM = '#c2410c'; // level 2 underline
const GLASS = '#fff7ed'; // a warm, pale lens
const HALO = '#ffffff'; // a thin light edge around the rim and handle, so the lens reads on dark toolbars too

/**
 * Shapes, in pixel units of the target size.
 * capsule: a stroked segment with round caps; disc: a filled circle; ring: a stroked circle.
 */
const capsule = (x1, y1, x2, y2, width, color) => ({ kind: 'capsule', x1, y1, x2, y2, width, color });
const disc = (cx, cy, r, color) => ({ kind: 'disc', cx, cy, r, color });
const ring = (cx, cy, r, width, color) => ({ kind: 'ring', cx, cy, r, width, color });

/** The design, on a 128 × 128 grid. */
function design128() {
  const lens = { cx: 72, cy: 72, r: 31, rim: 10 };
  return [
    // lines of text on the page, running under the lens
    capsule(12, 16, 104, 16, 9, LINE),
    capsule(12, 36, 86, 36, 9, LINE),
    capsule(12, 56, 40, 56, 9, LINE),
    capsule(12, 76, 32, 76, 9, LINE),
    capsule(12, 96, 36, 96, 9, LINE),
    // light edge under the rim and the handle
    ring(lens.cx, lens.cy, lens.r, lens.rim + 5, HALO),
    capsule(96, 96, 116, 116, 19, HALO),
    // the lens: pale glass, a magnified line of text underlined in the warm highlight colour, the dark rim
    disc(lens.cx, lens.cy, lens.r, GLASS),
    capsule(55, 64, 89, 64, 8, TEXT),
    capsule(57, 82, 87, 82, 7, WARM),
    ring(lens.cx, lens.cy, lens.r, lens.rim, INK),
    // the handle
    capsule(96, 96, 116, 116, 14, INK),
  ];
}

/** 16 px: two lines, a bigger lens, strokes on whole or half pixels. */
function design16() {
  return [
    capsule(1.5, 2.5, 12.5, 2.5, 1.6, LINE),
    capsule(1.5, 6, 3, 6, 1.6, LINE),
    ring(9, 9, 4.6, 2.6, HALO),
    capsule(12.6, 12.6, 14.5, 14.5, 3.3, HALO),
    disc(9, 9, 4.6, GLASS),
    capsule(7, 7.75, 11, 7.75, 1.3, TEXT),
    capsule(7, 10.5, 11, 10.5, 1.5, WARM),
    ring(9, 9, 4.6, 1.7, INK),
    capsule(12.6, 12.6, 14.5, 14.5, 2.5, INK),
  ];
}

function scene(size) {
  if (size <= 16) return design16();
  const k = size / 128;
  // below 48 px, keep strokes at least ~1.4 px so they stay visible
  const w = (v) => Math.max(v * k, size < 48 ? 1.4 : 0);
  return design128().map((s) =>
    s.kind === 'capsule'
      ? capsule(s.x1 * k, s.y1 * k, s.x2 * k, s.y2 * k, w(s.width), s.color)
      : s.kind === 'disc'
        ? disc(s.cx * k, s.cy * k, s.r * k, s.color)
        : ring(s.cx * k, s.cy * k, s.r * k, w(s.width), s.color),
  );
}

// ---- rasteriser -------------------------------------------------------------------------------------------------

function rgba(hex) {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, 1];
}

function inside(s, x, y) {
  switch (s.kind) {
    case 'disc':
      return (x - s.cx) ** 2 + (y - s.cy) ** 2 <= s.r * s.r;
    case 'ring': {
      const d = Math.hypot(x - s.cx, y - s.cy);
      return Math.abs(d - s.r) <= s.width / 2;
    }
    case 'capsule': {
      const dx = s.x2 - s.x1;
      const dy = s.y2 - s.y1;
      const len2 = dx * dx + dy * dy;
      const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - s.x1) * dx + (y - s.y1) * dy) / len2));
      const px = s.x1 + t * dx - x;
      const py = s.y1 + t * dy - y;
      return px * px + py * py <= (s.width / 2) ** 2;
    }
    default:
      throw new Error(`unknown shape ${s.kind}`);
  }
}

function bounds(s) {
  const pad = 1;
  if (s.kind === 'capsule') {
    const h = s.width / 2 + pad;
    return [Math.min(s.x1, s.x2) - h, Math.min(s.y1, s.y2) - h, Math.max(s.x1, s.x2) + h, Math.max(s.y1, s.y2) + h];
  }
  const r = (s.kind === 'ring' ? s.r + s.width / 2 : s.r) + pad;
  return [s.cx - r, s.cy - r, s.cx + r, s.cy + r];
}

/** Premultiplied float RGBA, source-over, coverage from an N × N grid of samples per pixel. */
function rasterise(size, shapes, n = 16) {
  const px = new Float64Array(size * size * 4);
  for (const s of shapes) {
    const [r, g, b, a] = rgba(s.color);
    const [x0, y0, x1, y1] = bounds(s).map((v, i) => Math.max(0, Math.min(size - 1, i < 2 ? Math.floor(v) : Math.ceil(v))));
    for (let y = y0; y <= y1; y++) {
      for (let x = x0; x <= x1; x++) {
        let hit = 0;
        for (let j = 0; j < n; j++) {
          for (let i = 0; i < n; i++) if (inside(s, x + (i + 0.5) / n, y + (j + 0.5) / n)) hit++;
        }
        if (!hit) continue;
        const cov = (hit / (n * n)) * a;
        const o = (y * size + x) * 4;
        px[o] = (r / 255) * cov + px[o] * (1 - cov);
        px[o + 1] = (g / 255) * cov + px[o + 1] * (1 - cov);
        px[o + 2] = (b / 255) * cov + px[o + 2] * (1 - cov);
        px[o + 3] = cov + px[o + 3] * (1 - cov);
      }
    }
  }
  const out = Buffer.alloc(size * size * 4);
  for (let p = 0; p < size * size; p++) {
    const a = px[p * 4 + 3];
    for (let c = 0; c < 3; c++) out[p * 4 + c] = a > 0 ? Math.round(Math.min(1, px[p * 4 + c] / a) * 255) : 0;
    out[p * 4 + 3] = Math.round(a * 255);
  }
  return out;
}

// ---- PNG --------------------------------------------------------------------------------------------------------

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function encodePng(size, rgbaBytes) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // adaptive filtering
  ihdr[12] = 0; // no interlace
  const stride = size * 4;
  const raw = Buffer.alloc((stride + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (stride + 1)] = 0; // filter: none
    rgbaBytes.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---- SVG --------------------------------------------------------------------------------------------------------

function svg(shapes) {
  const f = (v) => +v.toFixed(2);
  const body = shapes.map((s) => {
    if (s.kind === 'capsule') {
      return `  <line x1="${f(s.x1)}" y1="${f(s.y1)}" x2="${f(s.x2)}" y2="${f(s.y2)}" stroke="${s.color}" stroke-width="${f(s.width)}" stroke-linecap="round"/>`;
    }
    if (s.kind === 'disc') return `  <circle cx="${f(s.cx)}" cy="${f(s.cy)}" r="${f(s.r)}" fill="${s.color}"/>`;
    return `  <circle cx="${f(s.cx)}" cy="${f(s.cy)}" r="${f(s.r)}" fill="none" stroke="${s.color}" stroke-width="${f(s.width)}"/>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!-- Mirage Lens icon: a lens over lines of text, one line underlined in the warm highlight colour.',
    '     Written by scripts/make-icons.mjs, which also rasterises public/icon/*.png from the same shapes: edit it there. -->',
    '<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128">',
    '  <title>Mirage Lens</title>',
    ...body,
    '</svg>',
    '',
  ].join('\n');
}

// ---- main -------------------------------------------------------------------------------------------------------

const SIZES = [16, 32, 48, 128];
mkdirSync(join(ROOT, 'public/icon'), { recursive: true });
mkdirSync(join(ROOT, 'assets'), { recursive: true });
writeFileSync(join(ROOT, 'assets/icon.svg'), svg(design128()));
for (const size of SIZES) {
  const file = join(ROOT, `public/icon/${size}.png`);
  writeFileSync(file, encodePng(size, rasterise(size, scene(size))));
  console.log(`wrote ${file}`);
}
console.log(`wrote ${join(ROOT, 'assets/icon.svg')}`);
