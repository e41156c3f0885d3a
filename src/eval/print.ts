/**
 * print — the leave-one-source-out run's figures (report.ts) as the tables `npm run eval -- --protocol loso` prints:
 * detection per source and pooled, the calibration table of the stated percentile per human source, sentence levels,
 * the folds' thresholds, and a summary with the worst source of each figure. Plain text, no colour codes.
 */
import { CALIB_MIN_HUMANS, PERCENTS, type GroupFigures, type RunFigures } from './report';
import type { FoldSummary } from './protocol';

const pc = (x: number | undefined, w = 6) => (x !== undefined && Number.isFinite(x) ? (x * 100).toFixed(1) : '-').padStart(w);
const f3 = (x: number | undefined, w = 6) => (x !== undefined && Number.isFinite(x) ? x.toFixed(3) : '-').padStart(w);
const sgn = (x: number) => (Number.isFinite(x) ? (x >= 0 ? '+' : '') + (x * 100).toFixed(1) : '-');
const EMPTY_RATES = { sentences: 0, l1: NaN, l2: NaN, l3: NaN, docs: 0, docsL1: NaN, docsL3: NaN };
const EMPTY: GroupFigures = {
  name: '-', langs: [], nHuman: 0, nMachine: 0, abstained: 0, aurocKind: '-', auroc: NaN, tpr1: NaN, tpr5: NaN, flagFpr: NaN, flagTpr: NaN,
  calibration: PERCENTS.map(() => NaN), scoredHumans: 0, topTies: NaN, beyond: NaN, human: EMPTY_RATES, machine: EMPTY_RATES,
};

function detectionTable(fig: RunFigures): string[] {
  const L = ['', "Detection (out-of-fold). AUROC kind: w = within source, x = against other sources' texts of the other label, same language."];
  L.push('source        lang    nH    nM  abst  AUROC    TPR@1%  TPR@5%  flagFPR flagTPR beyond');
  const kind = (g: GroupFigures) => (g.aurocKind === 'within' ? 'w' : g.aurocKind === 'cross' ? 'x' : ' ');
  const det = (g: GroupFigures) =>
    `${g.name.padEnd(13)} ${g.langs.join('+').padEnd(5)} ${String(g.nHuman).padStart(5)} ${String(g.nMachine).padStart(5)} ${String(g.abstained).padStart(5)}  ${f3(g.auroc)} ${kind(g)} ${pc(g.tpr1, 7)} ${pc(g.tpr5, 7)} ${pc(g.flagFpr, 7)} ${pc(g.flagTpr, 7)} ${pc(g.beyond, 6)}`;
  for (const g of fig.sources) L.push(det(g));
  L.push('-'.repeat(88));
  for (const g of fig.pooled) L.push(det(g));
  return L;
}

function calibrationTable(fig: RunFigures): string[] {
  const L = ['', 'Calibration of the shown percentile (after the held-out check, as displayed: rounded down, at most 99%): observed % of scored HUMAN texts at or above p | expected | diff (points)'];
  L.push('source          nH' + PERCENTS.map((p) => `   >=${Math.round(p * 100)}%: obs  exp  diff`.padStart(27)).join(''));
  const cal = (g: GroupFigures) =>
    `${g.name.padEnd(13)} ${String(g.scoredHumans).padStart(4)}` +
    PERCENTS.map((p, i) => `${pc(g.calibration[i], 13)} ${String(Math.round((1 - p) * 100)).padStart(4)} ${sgn(g.calibration[i]! - (1 - p)).padStart(6)}`).join('');
  for (const g of fig.sources) if (g.scoredHumans > 0) L.push(cal(g));
  L.push('-'.repeat(40));
  for (const g of fig.pooled) if (g.scoredHumans > 0) L.push(cal(g));
  return L;
}

function sentenceTable(fig: RunFigures): string[] {
  const L = ['', 'Sentence levels (sentences >= 5 words in scored documents): % at level >=1 / >=2 / =3; % of documents with any highlight (docs L1+) and with a level-3 sentence (docs L3)'];
  L.push('source        human: sents  L1+   L2+    L3 docsL1+ docsL3 | machine: sents  L1+   L2+    L3 docsL1+ docsL3');
  const sen = (g: GroupFigures) =>
    `${g.name.padEnd(13)} ${String(g.human.sentences).padStart(12)} ${pc(g.human.l1, 5)} ${pc(g.human.l2, 5)} ${pc(g.human.l3, 5)} ${pc(g.human.docsL1, 7)} ${pc(g.human.docsL3, 6)} | ${String(g.machine.sentences).padStart(14)} ${pc(g.machine.l1, 5)} ${pc(g.machine.l2, 5)} ${pc(g.machine.l3, 5)} ${pc(g.machine.docsL1, 7)} ${pc(g.machine.docsL3, 6)}`;
  for (const g of fig.sources) L.push(sen(g));
  L.push('-'.repeat(100));
  for (const g of fig.pooled) L.push(sen(g));
  return L;
}

function bandTable(fig: RunFigures): string[] {
  const L = ['', 'Highlights by headline band (all sources pooled; ordinary < 50%, usual range 50-75%, upper part of it 75-90%, high >= 90% or flagged): documents, % with any highlight, % with a level-3 sentence'];
  L.push('band          human: docs docsL1+ docsL3 | machine: docs docsL1+ docsL3');
  for (const b of fig.bands)
    L.push(`${b.band.padEnd(13)} ${String(b.human.docs).padStart(11)} ${pc(b.human.docsL1, 7)} ${pc(b.human.docsL3, 6)} | ${String(b.machine.docs).padStart(13)} ${pc(b.machine.docsL1, 7)} ${pc(b.machine.docsL3, 6)}`);
  return L;
}

function summary(fig: RunFigures): string[] {
  const [all = EMPTY, en = EMPTY, fr = EMPTY] = fig.pooled;
  const w = (k: string, pct = true) => {
    const x = fig.worst[k];
    return x ? `${pct ? pc(x.value, 0) + '%' : x.value.toFixed(3)} (${x.source})` : '-';
  };
  const three = (f: (g: GroupFigures) => number, pct = true) => [all, en, fr].map((g) => (pct ? `${pc(f(g), 0)}%` : f3(f(g), 0))).join(' / ');
  const L = ['', `Summary · gate ${fig.gate} · counted ${fig.counted.join(', ')}: pooled all / en / fr; worst source`];
  L.push(`  AUROC            ${three((g) => g.auroc, false)}; worst ${w('auroc', false)}`);
  L.push(`  TPR at 1% FPR    ${three((g) => g.tpr1)}; worst ${w('tpr1')} (texts tied at the top score: ${pc(all.topTies, 0)}%)`);
  L.push(`  TPR at 5% FPR    ${three((g) => g.tpr5)}; worst ${w('tpr5')}`);
  L.push(`  flag FPR         ${three((g) => g.flagFpr)}; worst ${w('flagFpr')}`);
  L.push(`  flag TPR         ${three((g) => g.flagTpr)}; worst ${w('flagTpr')}`);
  PERCENTS.forEach((p, i) => {
    const e = 1 - p;
    const x = fig.worst[`calib${Math.round(p * 100)}`];
    const src = x ? fig.sources.find((g) => g.name === x.source) : undefined;
    const o = fig.worst[`over${Math.round(p * 100)}`];
    const d = (g: GroupFigures) => sgn(g.calibration[i]! - e);
    L.push(
      `  calib >=${String(Math.round(p * 100)).padStart(2)}%    obs ${three((g) => g.calibration[i]!)} vs ${Math.round(e * 100)}% (diff ${d(all)} / ${d(en)} / ${d(fr)}); ` +
        `worst |diff| (sources >= ${CALIB_MIN_HUMANS} humans) ${src ? `${src.name} ${pc(src.calibration[i], 0)}% (${d(src)})` : '-'}; worst over-claim ${o ? `${o.source} ${sgn(o.value)}` : '-'}`,
    );
  });
  L.push(`  human sents L3   ${three((g) => g.human.l3)}; worst ${w('humanSentL3')}`);
  L.push(`  human docs L1+   ${three((g) => g.human.docsL1)}; worst ${w('humanDocsL1')}`);
  L.push(`  human docs L3    ${three((g) => g.human.docsL3)}; worst ${w('humanDocsL3')}`);
  L.push(`  machine docs L3  ${three((g) => g.machine.docsL3)}; lowest ${w('machineDocsL3')}`);
  L.push(`  abstained        ${all.abstained} of ${all.nHuman + all.nMachine} texts (below the gate or not placed)`);
  return L;
}

function foldLine(folds: readonly FoldSummary[]): string[] {
  return ['', `Folds (left-out source: flag threshold chosen without it): ${folds.map((f) => `${f.held} ${f.threshold}`).join(' · ')}`];
}

/** Every table of one run. */
export function formatRun(fig: RunFigures, folds: readonly FoldSummary[]): string {
  return [
    `\n######## leave-one-source-out · gate ${fig.gate} words · ${(fig.ms / 1000).toFixed(1)} s ########`,
    ...detectionTable(fig),
    ...calibrationTable(fig),
    ...sentenceTable(fig),
    ...bandTable(fig),
    ...foldLine(folds),
    ...summary(fig),
  ].join('\n');
}
