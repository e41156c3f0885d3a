/**
 * format — the CLI's readable report and its JSON-lines record. Pure functions of a Report (and the text, to quote
 * passages); no colour codes, so output can be piped and saved.
 */
import { sharePercent, type ExplainedReport as Report, type UiLang } from '../engine';

const BAR = 12;
const MAX_PASSAGES = 5;
const QUOTE_CHARS = 140;

/** The whole percent the UI shows for a share of human reference texts (rounded down, at most 99). */
function shown(p: number): number {
  return Math.max(0, Math.min(99, Math.floor(p * 100 + 1e-9)));
}

/** A bar of the same figure as the number beside it: a 99% share never draws a full bar. */
export function bar(p: number): string {
  const n = Math.floor((shown(p) * BAR) / 100);
  return '#'.repeat(n) + '.'.repeat(BAR - n);
}

/** A share of human reference texts as the engine words it everywhere ("93%", never "100%"), padded. */
export function pct(p: number, ui: UiLang = 'en'): string {
  return sharePercent(p, ui).padStart(ui === 'fr' ? 5 : 4);
}

export function formatReport(r: Report, text: string): string {
  const fr = r.ui === 'fr';
  const L: string[] = [];
  L.push(`Mirage Lens · ${r.langName} · ${r.counts.words} ${fr ? 'mots' : 'words'} · ${r.counts.sentences} ${fr ? 'phrases' : 'sentences'}`);
  L.push(r.headline, '', r.summary, '');
  L.push(fr ? 'Signaux (rang parmi les textes humains de référence)' : 'Signals (standing among human reference texts)');
  for (const s of r.signals) {
    if (s.status === 'ok') {
      const mark = s.agrees ? '+' : ' ';
      const at = s.exactPercentile ?? s.percentile;
      const p = at !== undefined ? `${pct(at, r.ui)} ${bar(at)}` : `  -  ${' '.repeat(BAR)}`;
      const w = s.weight > 0 ? '' : fr ? ' (affiché, non compté)' : ' (shown, not counted)';
      L.push(` ${mark} ${s.title.padEnd(30)} ${p}  ${s.evidence ?? ''}${w}`);
    } else {
      L.push(`   ${s.title.padEnd(30)} ${fr ? 'abstention' : 'abstained'}: ${s.reason ?? ''}`);
    }
  }
  const passages = r.sentences.filter((s) => s.level > 0).sort((a, b) => (b.score ?? 0) - (a.score ?? 0)).slice(0, MAX_PASSAGES);
  if (passages.length) {
    L.push('', fr ? 'Passages les plus prévisibles' : 'Most predictable passages');
    for (const s of passages.sort((a, b) => a.start - b.start)) {
      const q = text.slice(s.start, s.end).replace(/\s+/g, ' ');
      L.push(`  [${'*'.repeat(s.level).padEnd(3)}] ${pct(s.score ?? 0, r.ui)}  "${q.length > QUOTE_CHARS ? q.slice(0, QUOTE_CHARS - 1) + '…' : q}"`);
      for (const reason of s.reasons) L.push(`               ${reason.text}`);
    }
  }
  L.push('', fr ? 'Limites' : 'Limits');
  for (const c of r.caveats) L.push(`  - ${c}`);
  L.push('');
  return L.join('\n');
}

/** One JSON-lines record: {"id","score","flag","abstained","lang","status","words","signals"} (+ "reason"). */
export function jsonlRecord(id: unknown, r: Report): Record<string, unknown> {
  const abstained = r.score === null;
  const signals: Record<string, unknown> = {};
  for (const s of r.signals) {
    signals[s.id] = s.status === 'ok' ? { raw: s.raw, percentile: s.percentile ?? null, agrees: s.agrees ?? null } : { abstained: s.code };
  }
  return {
    id,
    score: r.score,
    flag: r.flag,
    abstained,
    ...(abstained ? { reason: r.headline } : {}),
    lang: r.lang,
    status: r.status,
    words: r.counts.words,
    signals,
  };
}
