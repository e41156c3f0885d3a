/**
 * presentation — how the three highlight levels and the focus mark look, in one place for every side: the page
 * layer draws them, the side panel's badges and legend, the analysis page and the printable teacher report copy
 * them, so a level looks the same everywhere. Levels are never told by colour alone: level 1 = dotted underline,
 * 2 = dashed, 3 = thick solid; underline colours reach at least 4:1 against white and against their own tint.
 * On a dark page (light text on a dark background) the page layer draws the underlines in DARK_LINE instead: the
 * light-page colours reach only 2.2 to 2.7:1 there (against #111827 and their tint), these 5.2 to 7.7:1 (4.4:1 on
 * #1f2937).
 */
import type { Level } from '../messaging';

export const LEVEL_STYLE: Record<Level, { line: string; color: string; tint: string; thickness: string }> = {
  1: { line: 'dotted', color: '#a16207', tint: 'rgba(250, 204, 21, 0.18)', thickness: '2px' },
  2: { line: 'dashed', color: '#c2410c', tint: 'rgba(249, 115, 22, 0.18)', thickness: '2px' },
  3: { line: 'solid', color: '#b91c1c', tint: 'rgba(239, 68, 68, 0.20)', thickness: '3px' },
};
/** The underline colours of the levels where the background is dark: on a dark web page (the page layer: styles.ts
 * `darkPage`), and on the extension's own pages in the dark colour scheme (prefers-color-scheme: dark; ui.css and
 * pages.css define them as `--level-N` beside the light ones, tests/unit/shared/presentation.test.ts keeps them in
 * step). The printable report keeps LEVEL_STYLE's colours. */
export const DARK_LINE: Record<Level, string> = { 1: '#facc15', 2: '#fb923c', 3: '#f87171' };
export const FOCUS_STYLE = { background: '#1d4ed8', color: '#ffffff' };
