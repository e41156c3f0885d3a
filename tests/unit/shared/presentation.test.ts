import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DARK_LINE, LEVEL_STYLE } from '@/src/shared/presentation';

const css = (f: string) => readFileSync(join(__dirname, '../../../src/pages', f), 'utf8');

/** `--level-N` as the stylesheet defines it: [light (the :root block), dark (the prefers-color-scheme: dark block)]. */
function levelVars(text: string, n: 1 | 2 | 3): string[] {
  const dark = text.indexOf('@media (prefers-color-scheme: dark)');
  const all = [...text.matchAll(new RegExp(`--level-${n}:\\s*(#[0-9a-fA-F]{6})`, 'g'))];
  const light = all.filter((m) => m.index < dark).map((m) => m[1]!.toLowerCase());
  const darker = all.filter((m) => m.index > dark).map((m) => m[1]!.toLowerCase());
  return [...light, ...darker];
}

/** WCAG relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
};

describe('level colours in the extension pages’ light and dark schemes', () => {
  it.each([['ui.css'], ['pages.css']])('%s defines --level-N as presentation.ts does, light then dark', (file) => {
    const text = css(file);
    for (const n of [1, 2, 3] as const) expect(levelVars(text, n)).toEqual([LEVEL_STYLE[n].color, DARK_LINE[n]]);
  });

  it('the dark underlines reach 4.5:1 against the darkest and the lightest dark background', () => {
    for (const n of [1, 2, 3] as const) {
      for (const bg of ['#121418', '#17191e', '#22262d']) expect(contrast(DARK_LINE[n], bg)).toBeGreaterThanOrEqual(4.5);
    }
  });
});
