// H27 research dump (branch calib only, not for main; README of research/h27-calib/). Usage: npx tsx scripts/research-h27-calib-dump.ts [GATE]
// Writes .cache/h27/dump-GATE.jsonl (figures only, no text): per fold, every inner (training human, own source left out) and outer (left-out) text with its
// combined value, register and percentile among EVERY kind of its reference (with the register distance).
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadRows } from '../src/eval/dataset';
import { sourcesOf } from '../src/eval/protocol';
import { kindOf, withSignals, measuresOfFeatures, type EvalRow } from '../src/eval/rows';
import { fitEngine, buildLangReference } from '../src/eval/fit-engine';
import { rankMeasures } from '../src/engine/score/rank';
import { registerDistance } from '../src/engine/score/calibration';
import { storedKindValues, tailPercentile } from '../src/engine/score/kinds';
import type { LangReference } from '../src/engine/score/reference';

const gate = Number(process.argv[2] ?? 150);
const data = loadRows();
const out: string[] = [];
function place(r: EvalRow, ref: LangReference, counted: string[]) {
  const ranked = rankMeasures(measuresOfFeatures(r.f), ref, counted);
  const c = ranked.combined;
  if (!Number.isFinite(c)) return undefined;
  const vals = storedKindValues(ref);
  const kinds = ref.kinds.map((k, i) => ({ id: k.id, n: vals[i]!.length, d: registerDistance(r.f.reg, k.centroid, ref.registerScale), p: tailPercentile(c, vals[i]!, k.spread), beyond: c > vals[i]![vals[i]!.length - 1]! }));
  const raw = Object.fromEntries(Object.entries(r.f.signals).filter(([, v]) => !('abstained' in v) && Number.isFinite(v.raw)).map(([id, v]) => [id, (v as { raw: number }).raw]));
  return { c, raw, stated: ranked.stated?.stated, kinds, sentScores: ranked.sentences.map((s) => s.score), sentWords: r.f.sentWords };
}
for (const held of sourcesOf(data.rows)) {
  const t0 = performance.now();
  const all = withSignals(data.rows, data.trainable.forFold(held));
  const train = all.filter((r) => r.item.source !== held);
  const test = all.filter((r) => r.item.source === held);
  const { reference } = fitEngine(train, { gate });
  const counted = reference.counted;
  for (const r of test) {
    if (r.f.words < gate) continue;
    const ref = reference.langs[r.item.lang];
    if (!ref) continue;
    const p = place(r, ref, counted);
    if (!p) continue;
    out.push(JSON.stringify({ fold: held, set: 'outer', key: r.f.key, source: r.item.source, kind: kindOf(r.item), lang: r.item.lang, label: r.item.label, words: r.f.words, reg: r.f.reg, threshold: reference.threshold, ...p }));
  }
  // inner: every training source's humans against references without it
  const humans = train.filter((r) => r.item.label === 'human' && r.f.words >= gate);
  for (const source of sourcesOf(humans)) {
    for (const lang of ['en', 'fr'] as const) {
      const tst = humans.filter((r) => r.item.source === source && r.item.lang === lang);
      if (!tst.length) continue;
      const ref = buildLangReference(humans.filter((r) => r.item.source !== source && r.item.lang === lang), counted);
      if (!ref.kinds.length) continue;
      for (const r of tst) {
        const p = place(r, ref, counted);
        if (!p) continue;
        out.push(JSON.stringify({ fold: held, set: 'inner', key: r.f.key, source, kind: kindOf(r.item), lang, label: 'human', words: r.f.words, reg: r.f.reg, c: p.c, raw: p.raw, stated: p.stated, kinds: p.kinds }));
      }
    }
  }
  process.stderr.write(`${held} ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
}
mkdirSync('.cache/h27', { recursive: true });
writeFileSync(`.cache/h27/dump-${gate}.jsonl`, out.join('\n') + '\n');
