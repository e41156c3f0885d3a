/**
 * compare — what differs between two texts' results, in words (the analysis page's side-by-side view, e.g. a
 * student's earlier in-class writing and a submission).
 *
 * `compareReports(a, b, names, lang)` -> { rows, overall }: one row per signal with both positions among human
 * reference texts and one sentence saying what differs; `overall` compares the combined scores. Differences
 * smaller than SAME_BAND (15 percentile points) are called "about the same": percentiles of short texts move that
 * much with small edits — but never across a line the pages draw: when only one text is "worth a closer look"
 * (the combined score's flag) or only one is beyond what is usual in human writing on a signal (`agrees`), the
 * sentence says so instead. Never says who wrote either text.
 */
import type { ExplainedReport as Report, UiLang } from '../engine';
import { elideQue, t } from '../shared/i18n';
import { percentText, positionOf, signalLabel } from './teacher';

export const SAME_BAND = 0.15;

export interface CompareRow {
  id: string;
  title: string;
  a?: number;
  b?: number;
  /** b - a when both measured. */
  diff?: number;
  text: string;
}

export interface Comparison {
  rows: CompareRow[];
  overall: string;
}

/** Which side of a line each text is on, and the key of the sentence that says only one has crossed it. */
interface Line {
  a: boolean;
  b: boolean;
  key: 'compare_acrossFlag' | 'compare_acrossAgree';
}

function sentence(title: string, a: number | undefined, b: number | undefined, names: [string, string], lang: UiLang, line?: Line): string {
  const pc = (p: number) => percentText(p, lang);
  if (a === undefined && b === undefined) return t('compare_neither', [title], lang);
  if (a === undefined) return t('compare_onlyOne', [title, names[1], pc(b!), names[0]], lang);
  if (b === undefined) return t('compare_onlyOne', [title, names[0], pc(a), names[1]], lang);
  const d = b - a;
  if (line && line.a !== line.b && (line.key === 'compare_acrossFlag' || Math.abs(d) < SAME_BAND)) {
    const [over, under, pover, punder] = line.a ? [names[0], names[1], a, b] : [names[1], names[0], b, a];
    return t(line.key, [title, over, pc(pover), under, pc(punder)], lang);
  }
  if (Math.abs(d) < SAME_BAND) return t('compare_same', [title, names[0], pc(a), names[1], pc(b)], lang);
  const [hi, lo, phi, plo] = d > 0 ? [names[1], names[0], b, a] : [names[0], names[1], a, b];
  return elideQue(t('compare_more', [title, hi, pc(phi), lo, pc(plo)], lang), lang);
}

export function compareReports(a: Report, b: Report, names: [string, string], lang: UiLang): Comparison {
  const rows: CompareRow[] = a.signals.map((sa) => {
    const sb = b.signals.find((x) => x.id === sa.id);
    const pa = sa.status === 'ok' ? positionOf(sa) : undefined;
    const pb = sb?.status === 'ok' ? positionOf(sb) : undefined;
    return {
      id: sa.id,
      title: signalLabel(sa, lang),
      a: pa,
      b: pb,
      diff: pa !== undefined && pb !== undefined ? pb - pa : undefined,
      text: sentence(sa.title, pa, pb, names, lang, { a: sa.agrees === true, b: sb?.agrees === true, key: 'compare_acrossAgree' }),
    };
  });
  const overall =
    a.score === null || b.score === null
      ? t('compare_overallMissing', [a.score === null ? names[0] : names[1]], lang)
      : sentence(t('report_combined', undefined, lang), a.score, b.score, names, lang, { a: a.flag, b: b.flag, key: 'compare_acrossFlag' });
  return { rows, overall };
}
