/**
 * `npm run eval -- [FILE]` — detection figures on a labelled JSON-lines set (default ../shared/data/dev.jsonl).
 *
 * Prints, per language and per domain:
 *   1. each signal alone: AUROC of its raw value (higher = more predictable);
 *   2. the combined score with the SHIPPED tables (assets/reference.json): AUROC, TPR at 1% and 5% FPR, and the
 *      default flag's FPR and TPR. On the dev set these are in-sample for the human references: optimistic;
 *   3. leave-one-domain-out: each domain scored with references and weights fitted without it (French, with a
 *      single domain, in 5 folds) — the honest estimate for text the tables have never seen.
 * Texts under the length gate (150 words) are abstentions and are counted, not scored.
 */
import { SIGNALS } from '../src/engine/signals/index';
import { analyseDetailed, MIN_WORDS, REFERENCE } from '../src/engine/score/analyse';
import { isAbstention } from '../src/engine/types';
import { auroc, confusion, tprAtFpr, type Scored } from '../src/engine/score/metrics';
import { DEV_SET, devSetAvailable, loadLabelled, type LabelledText } from '../src/eval/devset';
import { crossValidate, figures, type Row } from '../src/eval/fit';

const file = process.argv[2] ?? DEV_SET;
if (!devSetAvailable(file)) {
  console.error(`eval: no labelled set at ${file}`);
  process.exit(2);
}
let items: LabelledText[];
try {
  items = loadLabelled(file);
} catch (e) {
  console.error(`eval: ${file}: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(2);
}
const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '  -  ');
const p1 = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : '  -  ');
const groupsOf = (xs: { lang: string; domain: string }[]) => ['all', 'en', 'fr', ...[...new Set(xs.map((x) => `${x.lang}/${x.domain}`))].sort()];
const inGroup = (x: { lang: string; domain: string }, g: string) => g === 'all' || g === x.lang || g === `${x.lang}/${x.domain}`;

console.log(`Mirage Lens evaluation · ${file} · ${items.length} texts · engine tables ${REFERENCE.generated} · threshold ${REFERENCE.threshold}`);

// 2. shipped tables, through the public entry point
const t0 = performance.now();
const detailed = items.map((it) => ({ it, ...analyseDetailed(it.text, { lang: it.lang === 'en' || it.lang === 'fr' ? it.lang : undefined }) }));
const reports = detailed.map(({ it, report }) => ({ it, r: report }));
const msPer = (performance.now() - t0) / items.length;
console.log(`\n== Combined score, shipped tables (${msPer.toFixed(1)} ms per text) ==`);
console.log('group                          n  abst   AUROC  TPR@1%  TPR@5%  flagFPR flagTPR');
for (const g of groupsOf(items)) {
  const xs = reports.filter(({ it }) => inGroup(it, g));
  if (xs.length === 0) continue;
  const scored = xs.filter(({ r }) => r.score !== null);
  const sc: Scored[] = scored.map(({ it, r }) => ({ score: r.score!, positive: it.label === 'machine' }));
  const c = confusion(scored.map(({ it, r }) => ({ score: r.flag ? 1 : 0, positive: it.label === 'machine' })), 1);
  console.log(`${g.padEnd(28)} ${String(xs.length).padStart(4)} ${String(xs.length - scored.length).padStart(5)}   ${f3(auroc(sc))}  ${p1(tprAtFpr(sc, 0.01)).padStart(6)}  ${p1(tprAtFpr(sc, 0.05)).padStart(6)}  ${p1(c.fpr).padStart(6)}  ${p1(c.tpr).padStart(6)}`);
}

// 1. each signal alone (same gate as the product)
// what analyse measured is reused: every signal runs once per text
const rows: Row[] = detailed
  .filter(({ measured }) => measured.doc.words.length >= MIN_WORDS)
  .map(({ it, measured }) => ({
    item: it,
    measured,
    raw: Object.fromEntries([...measured.results].filter(([, r]) => !isAbstention(r)).map(([id, r]) => [id, (r as { raw: number }).raw])),
  }));
console.log(`\n== Each signal alone: AUROC of its raw value (texts >= ${MIN_WORDS} words: ${rows.length}) ==`);
const groups = groupsOf(rows.map((r) => r.item));
console.log('signal              ' + groups.map((g) => g.replace(/^(en|fr)\//, '').slice(0, 9).padStart(10)).join(''));
for (const s of SIGNALS) {
  const cells = groups.map((g) => {
    const xs = rows.filter((r) => inGroup(r.item, g) && r.raw[s.id] !== undefined);
    return f3(auroc(xs.map((r) => ({ score: r.raw[s.id]!, positive: r.item.label === 'machine' })))).padStart(10);
  });
  console.log(`${s.id.padEnd(20)}${cells.join('')}   weight ${(REFERENCE.weights[s.id] ?? 0).toFixed(3)}`);
}

// 3. leave-one-domain-out
const ids = SIGNALS.map((s) => s.id).filter((id) => (REFERENCE.weights[id] ?? 0) > 0);
if (ids.length > 0 && new Set(rows.map((r) => r.item.domain)).size > 1) {
  const folds = crossValidate(rows, ids, REFERENCE.method ?? 'equal', REFERENCE.threshold);
  const held = folds.flatMap((f) => f.scored);
  console.log(`\n== Leave-one-domain-out (references and weights fitted without the held-out domain; signals ${ids.join(', ')}) ==`);
  console.log('group                          n   AUROC  TPR@1%  TPR@5%  flagFPR flagTPR');
  for (const g of groupsOf(held.map((h) => h.row.item))) {
    const xs = held.filter((h) => inGroup(h.row.item, g));
    if (xs.length === 0) continue;
    const f = figures(xs);
    console.log(`${g.padEnd(28)} ${String(f.n).padStart(4)}   ${f3(f.auroc)}  ${p1(f.tpr1).padStart(6)}  ${p1(f.tpr5).padStart(6)}  ${p1(f.flagFpr).padStart(6)}  ${p1(f.flagTpr).padStart(6)}`);
  }
}
