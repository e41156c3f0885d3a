/**
 * `npm run eval -- --protocol loso [--gate 150|80|150,80] [--only SOURCE[,SOURCE]]`
 *   The leave-one-source-out protocol: for each source (cdb, m4, fastdetect, iu, l2r, dissertation, orangesum, eltec,
 *   ellipse, brown, assistant2026), the whole engine is fitted on the other sources with the same function
 *   `npm run calibrate` uses (src/eval/fit-engine.ts; trained signals refitted without it) and the source's texts are
 *   scored as `analyse` would. Prints per source and pooled (all / en / fr) with worst-source lines: AUROC, TPR at 1%
 *   and 5% FPR, the default flag's FPR and TPR, the calibration table (stated percentile vs the observed share of
 *   left-out human texts at or above it), sentence-level rates, abstentions. Data: ../shared/data/dev.jsonl and
 *   dev2.jsonl, assets/reference-texts/, Brown-corpus chunks; measures cached in .cache/eval/ (texts never written).
 *   `--only` leaves out (and scores) only the sources named; each is still fitted without it.
 *   `--style-lr key=value[,...]`, `--style-profile key=value[,...]`: the trained signals fitted with these settings
 *   instead of their defaults in every fold (src/eval/train/overrides.ts), to choose a default under the protocol; the
 *   settings are printed in the header. The shipped tables are not touched.
 *   `--counted ID[,ID...]`: these signals counted in the combined score instead of COUNTED_SIGNALS (every fold), to
 *   measure a combination; printed in the header.
 *
 * `npm run eval -- --protocol unseen [--gate 150|80|150,80] [--cap N]`
 *   The never-seen check (src/eval/unseen.ts): the SHIPPED engine, fitted on nothing here, on human prose from
 *   Debian documentation packages (read from /usr/share at run time, never stored), on human prose of other genres
 *   from other Debian packages (each its own row; listed as not installed when absent) and on the current-assistant
 *   texts of assets/reference-texts/unseen-2026/, which nothing else reads. `--cap N`: texts kept per package and
 *   group (default 60; a large N keeps every text). Needs neither ../shared/data nor a fit;
 *   skips with a one-line message naming the apt-get command when the documentation packages are not installed.
 *
 * `npm run eval [-- FILE]`
 *   A quick IN-SAMPLE summary with the shipped tables (assets/reference.json), per source: the human references
 *   include the very texts being scored, so these figures flatter the engine; read the protocol's instead.
 *
 * Skips with a message (exit 0) when ../shared/data is absent; bad arguments exit 2.
 */
import { analyse } from '../src/engine/score/analyse';
import { COUNTED_SIGNALS, MIN_WORDS } from '../src/engine/score/constants';
import { SIGNALS } from '../src/engine/signals/index';
import { REFERENCE } from '../src/engine/score/analyse';
import { auroc, type Scored } from '../src/engine/score/metrics';
import { dataAvailable, loadRows } from '../src/eval/dataset';
import { formatRun } from '../src/eval/print';
import { runLoso, sourcesOf } from '../src/eval/protocol';
import { APT_COMMAND, debianDocsAvailable } from '../src/eval/debian-docs';
import { formatUnseen, runUnseen } from '../src/eval/unseen';
import { runFigures } from '../src/eval/report';
import { loadAll, readJsonl, type Item } from '../src/eval/sources';
import { OVERRIDE_OPTIONS, parseOverride, type TrainerOverrides } from '../src/eval/train/overrides';

interface Args {
  protocol?: string;
  gates: number[];
  only?: string[];
  file?: string;
  cap?: number;
  overrides: TrainerOverrides;
  counted?: string[];
}

function fail(message: string): never {
  console.error(`eval: ${message}`);
  process.exit(2);
}

function parseArgs(argv: readonly string[]): Args {
  const a: Args = { gates: [MIN_WORDS], overrides: {} };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i]!;
    const next = () => argv[++i] ?? fail(`${x} needs a value`);
    if (x === '--protocol') a.protocol = next();
    else if (x === '--gate') a.gates = next().split(',').map((g) => (/^\d+$/.test(g) && +g >= 1 ? +g : fail(`bad gate: ${g}`)));
    else if (x === '--only') a.only = next().split(',').filter(Boolean);
    else if (x === '--counted') {
      a.counted = next().split(',').filter(Boolean);
      const unknown = a.counted.filter((id) => !SIGNALS.some((sg) => sg.id === id));
      if (unknown.length || !a.counted.length) fail(`--counted takes signal ids (${SIGNALS.map((sg) => sg.id).join(', ')})${unknown.length ? `; unknown: ${unknown.join(', ')}` : ''}`);
    } else if (x === '--cap') a.cap = ((c) => (/^\d+$/.test(c) && +c >= 1 ? +c : fail(`bad cap: ${c}`)))(next());
    else if (OVERRIDE_OPTIONS[x]) {
      const id = OVERRIDE_OPTIONS[x];
      const spec = next();
      try {
        a.overrides = { ...a.overrides, [id]: { ...a.overrides[id], ...parseOverride(id, spec) } };
      } catch (e) {
        fail((e as Error).message);
      }
    } else if (x.startsWith('-')) fail(`unknown option ${x}`);
    else a.file = x;
  }
  if (a.protocol !== undefined && a.protocol !== 'loso' && a.protocol !== 'unseen') fail(`unknown protocol ${a.protocol} (loso or unseen)`);
  if (a.protocol === 'unseen' && (a.only || a.file)) fail('--protocol unseen takes only --gate and --cap');
  if (a.cap !== undefined && a.protocol !== 'unseen') fail('--cap is for --protocol unseen');
  if (a.counted && a.protocol !== 'loso') fail('--counted is for --protocol loso');
  if (Object.keys(a.overrides).length && a.protocol !== 'loso') fail('--style-lr and --style-profile are for --protocol loso (the others read the shipped tables)');
  return a;
}

function protocol(args: Args): void {
  const data = loadRows({}, args.overrides);
  const sources = sourcesOf(data.rows);
  for (const s of args.only ?? []) if (!sources.includes(s)) fail(`unknown source ${s} (sources: ${sources.join(', ')})`);
  console.log(`Mirage Lens · leave-one-source-out · ${data.rows.length} texts (${data.files.map((f) => `${f.file.split('/').pop()}: ${f.texts}`).join(', ')})`);
  console.log(`measured ${data.measured} new texts, ${(data.ms / 1000).toFixed(1)} s; sources: ${sources.join(', ')}`);
  for (const [id, c] of Object.entries(args.overrides)) console.log(`${id} fitted with ${JSON.stringify(c)} (the rest: defaults)`);
  if (args.counted) console.log(`counted: ${args.counted.join(', ')} (instead of ${COUNTED_SIGNALS.join(', ')})`);
  for (const gate of args.gates) {
    const run = runLoso(data.rows, {
      gate,
      ...(args.counted ? { counted: args.counted } : {}),
      ...(args.only ? { only: args.only } : {}),
      foldSignals: (held) => data.trainable.forFold(held),
      log: (line) => process.stderr.write(line + '\n'),
    });
    console.log(formatRun(runFigures(run), run.folds));
  }
  const st = data.trainable.stats;
  if (st.fits + st.cachedFits > 0) console.log(`\ntrained signals: ${st.fits} fits (${(st.ms / 1000).toFixed(1)} s), ${st.cachedFits} from the cache, ${st.computed} texts measured`);
}

function inSample(args: Args): void {
  const items: Item[] = args.file ? readJsonl(args.file).items : loadAll().items;
  console.log(`Mirage Lens · IN-SAMPLE summary with the shipped tables (${REFERENCE.generated}, threshold ${REFERENCE.threshold}) · ${items.length} texts`);
  console.log('The human references include these very texts: these figures flatter the engine. For figures that hold on unseen');
  console.log('writing run `npm run eval -- --protocol loso`.\n');
  const scored = items.map((it) => ({ it, r: analyse(it.text, { lang: it.lang }) }));
  console.log('source          n  abst   AUROC  flagFPR flagTPR');
  const line = (name: string, xs: typeof scored) => {
    const ok = xs.filter((x) => x.r.score !== null);
    const sc: Scored[] = ok.map((x) => ({ score: x.r.score!, positive: x.it.label === 'machine' }));
    const rate = (label: string) => {
      const g = ok.filter((x) => x.it.label === label);
      return g.length ? `${((g.filter((x) => x.r.flag).length / g.length) * 100).toFixed(1)}%` : '-';
    };
    const a = auroc(sc);
    console.log(`${name.padEnd(13)} ${String(xs.length).padStart(4)} ${String(xs.length - ok.length).padStart(5)}   ${Number.isFinite(a) ? a.toFixed(3) : '  -  '}  ${rate('human').padStart(6)}  ${rate('machine').padStart(6)}`);
  };
  for (const s of [...new Set(items.map((i) => i.source))].sort()) line(s, scored.filter((x) => x.it.source === s));
  for (const l of ['all', 'en', 'fr']) line(l, scored.filter((x) => l === 'all' || x.it.lang === l));
}

function unseen(args: Args): void {
  if (!debianDocsAvailable()) {
    console.log(`eval: skipped — the Debian documentation packages are not installed (as root: ${APT_COMMAND}).`);
    process.exit(0);
  }
  for (const gate of args.gates) console.log(formatUnseen(runUnseen({ gate, ...(args.cap ? { cap: args.cap } : {}) })) + '\n');
}

const args = parseArgs(process.argv.slice(2));
if (args.protocol === 'unseen') {
  unseen(args);
  process.exit(0);
}
if (!args.file && !dataAvailable()) {
  console.log('eval: skipped — ../shared/data (dev.jsonl, dev2.jsonl) is not beside this repository.');
  process.exit(0);
}
if (args.protocol) protocol(args);
else inSample(args);
