/**
 * Development aid: AUROC of each signal's raw value alone.
 *
 * `npx tsx scripts/signal-auroc.ts [signal-id | path/to/signal.ts ...]`: per language and per domain, on dev.jsonl +
 * dev2.jsonl (texts as given, no length gate).
 *
 * `npx tsx scripts/signal-auroc.ts --by-source [--gate N] [--details] [signal-id | path/to/signal.ts ...]`: per
 * source of the leave-one-source-out protocol (dev + dev2 + the developers' current-assistant texts + Brown chunks,
 * texts of at least N words, default 150), the way the README's signal table reads: "w" = a source's machine texts
 * against its own human texts (at least 20 of each), "x" = its texts against the other label from every other source
 * of the same language. The worst source is named, and "FLIP" marks a source below 0.5 with at least 50 texts on its
 * own side (for "w", 50 of each label). A signal's direction is its own (higher raw = more predictable);
 * `--details` also measures each numeric detail that varies as a variant, its direction fixed once by the pooled AUROC.
 * A path measures a signal file that is not registered (a candidate). The trained signals (style-lr, style-profile)
 * are measured with the shipped tables, i.e. in-sample on their training sources: the protocol's out-of-fold figures
 * for them come from `npm run eval -- --protocol loso`.
 * `--cross-fit` (with --by-source): the trained signals are measured out of source instead, as `npm run calibrate`
 * measures its references: a text of source T by the model fitted without T (src/eval/trainable.ts, cached in
 * .cache/eval); `--style-lr key=value[,...]` / `--style-profile key=value[,...]` fit them with other settings
 * (src/eval/train/overrides.ts).
 * The full evaluation (combined score, thresholds) is `npm run eval`.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildDoc } from '../src/engine/text/doc';
import { auroc } from '../src/engine/score/metrics';
import { dataAvailable } from '../src/eval/dataset';
import { loadAll, type Item } from '../src/eval/sources';
import { measured, textKey, type SignalValue } from '../src/eval/features';
import { TrainableValues } from '../src/eval/trainable';
import { trainersWith } from '../src/eval/train/index';
import { OVERRIDE_OPTIONS, parseOverride, type TrainerOverrides } from '../src/eval/train/overrides';
import { isAbstention, type Signal } from '../src/engine/types';

const argv = process.argv.slice(2);
const bySource = argv.includes('--by-source');
const withDetails = argv.includes('--details');
const gateAt = argv.indexOf('--gate');
const gate = gateAt >= 0 ? Number(argv[gateAt + 1]) : 150;
const crossFit = argv.includes('--cross-fit');
let overrides: TrainerOverrides = {};
const valueAt = new Set<number>(gateAt >= 0 ? [gateAt + 1] : []);
argv.forEach((a, i) => {
  const id = OVERRIDE_OPTIONS[a];
  if (!id) return;
  valueAt.add(i + 1);
  try {
    overrides = { ...overrides, [id]: { ...overrides[id], ...parseOverride(id, argv[i + 1] ?? '') } };
  } catch (e) {
    console.error(`signal-auroc: ${(e as Error).message}`);
    process.exit(2);
  }
});
if ((Object.keys(overrides).length || crossFit) && !(crossFit && bySource)) {
  console.error('signal-auroc: --cross-fit, --style-lr and --style-profile go with --by-source --cross-fit');
  process.exit(2);
}
const only = argv.filter((a, i) => !a.startsWith('--') && !valueAt.has(i));
if (!dataAvailable()) {
  console.error('no ../shared/data beside the repository');
  process.exit(2);
}
const mod = await import('../src/engine/signals/index');
const signals: Signal[] = mod.SIGNALS.filter((s: Signal) => only.length === 0 || only.includes(s.id));
for (const a of only.filter((x) => x.endsWith('.ts'))) signals.push(((await import(pathToFileURL(resolve(a)).href)) as { default: Signal }).default);

const A = (xs: { v: number; m: boolean }[], sign: number) => auroc(xs.map((x) => ({ score: sign * x.v, positive: x.m })));

if (!bySource) {
  const items = loadAll({ brown: false, refs: false }).items;
  const docs = items.map((it) => buildDoc(it.text, { lang: it.lang }));
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
} else {
  interface Row {
    it: Item;
    vals: Record<string, number>;
  }
  const rows: Row[] = [];
  const keys = new Set<string>();
  const items = loadAll().items;
  // trained signals out of source (--cross-fit): textKey -> id -> value
  const trainers = crossFit ? trainersWith(overrides).filter((t) => signals.some((s) => s.id === t.id)) : [];
  const crossFitted = trainers.length ? new TrainableValues(trainers, items.map((item) => ({ item, key: textKey(item.lang, item.text) }))).forFold(null) : undefined;
  for (const [id, c] of Object.entries(overrides)) console.log(`${id} fitted with ${JSON.stringify(c)} (the rest: defaults)`);
  if (crossFitted) console.log(`cross-fitted (a text measured by the model fitted without its source): ${trainers.map((t) => t.id).join(', ')}`);
  for (const it of items) {
    const doc = buildDoc(it.text, { lang: it.lang });
    if (doc.words.length < gate) continue;
    const vals: Record<string, number> = {};
    for (const sig of signals) {
      if (crossFitted && trainers.some((t) => t.id === sig.id)) {
        const v: SignalValue | undefined = crossFitted.get(textKey(it.lang, it.text))?.[sig.id];
        if (!measured(v)) continue;
        vals[sig.id] = v.raw;
        keys.add(sig.id);
        continue;
      }
      const r = sig.compute(doc);
      if (isAbstention(r)) continue;
      vals[sig.id] = r.raw;
      keys.add(sig.id);
      if (!withDetails) continue;
      for (const [k, x] of Object.entries(r.details)) {
        if (!Number.isFinite(x)) continue;
        keys.add(`${sig.id}.${k}`);
        vals[`${sig.id}.${k}`] = x;
      }
    }
    rows.push({ it, vals });
  }
  console.log(`texts of ${gate} words or more: ${rows.length}`);
  const sources = [...new Set(rows.map((r) => `${r.it.source}/${r.it.lang}`))].sort();
  for (const key of keys) {
    const has = rows.filter((r) => r.vals[key] !== undefined).map((r) => ({ v: r.vals[key]!, m: r.it.label === 'machine', r }));
    if (has.every((x) => x.v === has[0]!.v)) continue; // a constant detail (a threshold, a typical figure)
    const isRaw = !key.includes('.');
    const sign = isRaw || A(has, 1) >= 0.5 ? 1 : -1;
    const pooled = (f: (x: (typeof has)[number]) => boolean) => A(has.filter(f), sign).toFixed(3);
    const cells: { name: string; a: number; text: string; flip: boolean }[] = [];
    for (const s of sources) {
      const [src, lang] = s.split('/') as [string, string];
      const own = has.filter((x) => x.r.it.source === src && x.r.it.lang === lang);
      const nm = own.filter((x) => x.m).length;
      const nh = own.length - nm;
      if (own.length === 0) continue;
      let a: number;
      let kind: string;
      let side: number;
      if (nm >= 20 && nh >= 20) {
        a = A(own, sign);
        kind = 'w';
        side = Math.min(nm, nh);
      } else {
        const machineSide = nm >= nh;
        const mine = own.filter((x) => x.m === machineSide);
        const others = has.filter((x) => x.r.it.source !== src && x.r.it.lang === lang && x.m !== machineSide);
        a = A([...mine, ...others], sign);
        kind = 'x';
        side = mine.length;
      }
      cells.push({ name: s, a, text: `${s} ${a.toFixed(3)}${kind} (${nh}h/${nm}m)`, flip: a < 0.5 && side >= 50 });
    }
    const worst = cells.reduce((w, c) => (c.a < w.a ? c : w));
    const flips = cells.filter((c) => c.flip).map((c) => c.name);
    console.log(`\n${key}${isRaw ? '' : sign > 0 ? ' (as is)' : ' (negated)'}  all ${pooled(() => true)}  en ${pooled((x) => x.r.it.lang === 'en')}  fr ${pooled((x) => x.r.it.lang === 'fr')}  (${has.length} texts)`);
    console.log(`  worst ${worst.text}; ${flips.length ? `FLIP: ${flips.join(', ')}` : 'no flip on a source of 50+'}`);
    console.log('  ' + cells.map((c) => c.text).join('  '));
  }
}
