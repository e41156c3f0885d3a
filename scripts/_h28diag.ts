import { loadRows } from '../src/eval/dataset';
import { TRAINERS, TrainableValues, type TrainingSelection } from '../src/eval/trainable';
import { withSignals } from '../src/eval/rows';
import { fitEngine } from '../src/eval/fit-engine';
import { applyReference } from '../src/eval/protocol';
import { auroc } from '../src/engine/score/metrics';
const sel = process.argv[2] as TrainingSelection;
const held = process.argv[3] ?? 'assistant2026';
const data = loadRows();
const tv = new TrainableValues(TRAINERS.map((t) => ({ ...t, training: sel })), data.rows.map((r) => ({ item: r.item, key: r.f.key })));
const all = withSignals(data.rows, tv.forFold(held));
const train = all.filter((r) => r.item.source !== held && r.f.words >= 150);
const test = all.filter((r) => r.item.source === held && r.f.words >= 150);
const { reference } = fitEngine(train, { gate: 150 });
for (const lang of ['en', 'fr']) {
  const m = test.filter((r) => r.item.lang === lang).map((r) => applyReference(reference, r)?.stated).filter((x): x is number => x !== undefined);
  const h = train.filter((r) => r.item.lang === lang && r.item.label === 'human').map((r) => applyReference(reference, r)?.stated).filter((x): x is number => x !== undefined);
  const a = auroc([...m.map((s) => ({ score: s, positive: true })), ...h.map((s) => ({ score: s, positive: false }))]);
  const med = (xs: number[]) => [...xs].sort((p, q) => p - q)[xs.length >> 1];
  console.log(`${sel} fold ${held} ${lang}: left-out machine ${m.length} vs in-fold human refs ${h.length}: AUROC ${a.toFixed(3)}; median shown ${med(m)?.toFixed(3)} vs ${med(h)?.toFixed(3)}`);
}
