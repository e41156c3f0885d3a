/**
 * paint-message — the one builder of the `mirage:paint` message: which sentences of which analyses to highlight at
 * the reader's sensitivity (re-levelled, never re-scored), and the on-page legend in the background's UI language
 * (the content script bundles no catalogue).
 */
import type { UiLang } from '../engine';
import type { LegendPayload, PaintMessage } from '../messaging';
import type { Settings } from '../settings';
import { t, tn } from '../shared/i18n';
import { paintOf, type PageAnalysis } from './page-analysis';

function legendFor(flagged: number, sentences: number, ui: UiLang): LegendPayload {
  const lv = (n: 1 | 2 | 3) => `${t(`level${n}`, undefined, ui)} · ${t(`levelUnderline${n}`, undefined, ui)}`;
  return {
    title: t('page_legendTitle', undefined, ui),
    note: t('page_legendNote', undefined, ui),
    summary: tn('page_legendSummary', flagged, [flagged, sentences], ui),
    close: t('page_legendClose', undefined, ui),
    fold: t('page_legendFold', undefined, ui),
    unfold: t('page_legendUnfold', undefined, ui),
    levels: [lv(1), lv(2), lv(3)],
    lang: ui,
  };
}

export interface PaintPlan {
  message: PaintMessage;
  /** Sentences highlighted on the whole page, and sentences in all. */
  flagged: number;
  sentences: number;
}

/** The paint message for `analyses` (all of the page's). `only`: send just these analyses (mode 'some'), dropping
 * the analyses in `drop`; otherwise every highlight is replaced. */
export function paintMessage(
  analyses: readonly PageAnalysis[],
  settings: Pick<Settings, 'sensitivity' | 'showLegend'>,
  ui: UiLang,
  change?: { only: ReadonlySet<number>; drop: number[] },
): PaintPlan {
  const all = paintOf(analyses, settings.sensitivity);
  const flagged = all.reduce((n, a) => n + a.sentences.length, 0);
  const sentences = analyses.reduce((n, a) => n + a.report.sentences.length, 0);
  return {
    message: {
      type: 'mirage:paint',
      analyses: change ? all.filter((a) => change.only.has(a.id)) : all,
      legend: settings.showLegend ? legendFor(flagged, sentences, ui) : null,
      mode: change ? 'some' : 'all',
      drop: change?.drop ?? [],
    },
    flagged,
    sentences,
  };
}
