/**
 * presentation — how the three highlight levels and the focus mark look, in one place for every side: the page
 * layer draws them, the side panel's badges and legend, the analysis page and the printable teacher report copy
 * them, so a level looks the same everywhere. Levels are never told by colour alone: level 1 = dotted underline,
 * 2 = dashed, 3 = thick solid; underline colours reach at least 4:1 against white and against their own tint.
 */
import type { Level } from '../messaging';

export const LEVEL_STYLE: Record<Level, { line: string; color: string; tint: string; thickness: string }> = {
  1: { line: 'dotted', color: '#a16207', tint: 'rgba(250, 204, 21, 0.18)', thickness: '2px' },
  2: { line: 'dashed', color: '#c2410c', tint: 'rgba(249, 115, 22, 0.18)', thickness: '2px' },
  3: { line: 'solid', color: '#b91c1c', tint: 'rgba(239, 68, 68, 0.20)', thickness: '3px' },
};
/** The underline colours of the levels on extension pages in the dark colour scheme (prefers-color-scheme: dark): at
 * least 4.5:1 against the pages' dark backgrounds and against the tint over them. ui.css and pages.css define them as
 * `--level-N` beside the light ones above (tests/unit/shared/presentation.test.ts keeps the three in step). Web pages
 * and the printable report keep LEVEL_STYLE's colours. */
export const LEVEL_DARK: Record<Level, string> = { 1: '#eab308', 2: '#fb923c', 3: '#f87171' };
export const FOCUS_STYLE = { background: '#1d4ed8', color: '#ffffff' };
