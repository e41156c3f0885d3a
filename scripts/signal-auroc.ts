/**
 * Development aid: AUROC of each signal's raw value alone, per language and per domain, on dev.jsonl + dev2.jsonl.
 * `npx tsx scripts/signal-auroc.ts [signal-id ...]`. The full evaluation (combined score, thresholds) is `npm run eval`.
 */
import { buildDoc } from '../src/engine/text/doc';
import { auroc } from '../src/engine/score/metrics';
import { dataAvailable } from '../src/eval/dataset';
import { loadAll } from '../src/eval/sources';
import { isAbstention, type Signal } from '../src/engine/types';

const only = process.argv.slice(2);
if (!dataAvailable()) {
  console.error('no ../shared/data beside the repository');
  process.exit(2);
}
const items = loadAll({ brown: false, refs: false }).items;
const docs = items.map((it) => buildDoc(it.text, { lang: it.lang }));
const mod = await import('../src/engine/signals/index');
const signals: Signal[] = mod.SIGNALS.filter((s: Signal) => only.length === 0 || only.includes(s.id));
const groups = [...new Set(items.map((i) => `${i.lang}/${i.domain}`))].sort();
for (const sig of signals) {
  const t0 = performance.now();
  const vals = docs.map((d) => {
    const r = sig.compute(d);
    return isAbstention(r) ? undefined : r.raw;
  });
  const ms = (performance.now() - t0) / docs.length;
  const row = (filter: (i: number) => boolean) => {
    const xs = items.map((it, i) => ({ i, it })).filter(({ i }) => filter(i) && vals[i] !== undefined);
    return auroc(xs.map(({ i, it }) => ({ score: vals[i]!, positive: it.label === 'machine' })));
  };
  const abst = vals.filter((v) => v === undefined).length;
  console.log(`\n${sig.id}  (${ms.toFixed(2)} ms/text, abstained ${abst})`);
  console.log(`  all  ${row(() => true).toFixed(3)}   en ${row((i) => items[i]!.lang === 'en').toFixed(3)}   fr ${row((i) => items[i]!.lang === 'fr').toFixed(3)}`);
  console.log('  ' + groups.map((g) => `${g} ${row((i) => `${items[i]!.lang}/${items[i]!.domain}` === g).toFixed(2)}`).join('  '));
}
