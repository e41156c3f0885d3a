/**
 * unseen — the never-seen check (`npm run eval -- --protocol unseen`): the SHIPPED engine (`analyse` from
 * src/engine, the shipped reference and tables, the default gate) on writing that no fitting, calibration or choice
 * has ever read.
 *
 * Human side: prose from Debian documentation packages, read at run time from /usr/share (debian-docs.ts), and, as
 * a second set, prose of other genres from other Debian packages (OTHER_GENRES: a hackers' lexicon, Perl's FAQ and
 * tutorials, Python's What's New essays and HOWTOs, the GNU standards, a narrative history), each its own row. Machine
 * side: the current-assistant texts of assets/reference-texts/unseen-2026/ (UNSEEN_DIR), written for this check
 * only and read by nothing else (a unit test fails if the loaders of `npm run calibrate`, `build:style` or the
 * leave-one-source-out protocol would pick them up).
 *
 * `runUnseen(options)` scores every text as a user's text is scored (language detected, default sensitivity and
 * gate unless `gate` is given) and returns per-group figures; `formatUnseen(run)` prints them. Figures:
 * - humans, per package (or group) and per language, then pooled per set ("all Debian docs", "all other genres"): texts, median words, the share of scored texts whose shown figure is at
 *   or above 0.50 / 0.80 / 0.90 / 0.95 (the claim "more predictable than p of human writing" holds when the share is
 *   at most 1 - p), the default flag's false-positive rate, the share of scored documents with a level-3 sentence
 *   and of their sentences (>= SENTENCE_MIN_WORDS words) at level 3;
 * - machine texts, per file's language: flag TPR, level-3 document share;
 * - pooled per language and human set (each set against the unseen machine batch): AUROC with its 95% bootstrap interval,
 *   and TPR at 5% FPR;
 * - status counts: ok, weak, too-short, unsupported / undetermined language.
 * Rates are over scored texts (score not null); status counts over all. Node only; texts are never written.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyse, auroc, MIN_WORDS, SENTENCE_MIN_WORDS, tprAtFpr, type Report, type Scored } from '../engine/index';
import { GENRES_APT_COMMAND, loadDebianDocs, OTHER_GENRES, type DocPackage, type PackageInfo } from './debian-docs';
import { readJsonl, REFS_DIR } from './sources';

/** The never-seen machine texts. Nothing that fits, calibrates or chooses may read this folder. */
export const UNSEEN_DIR = join(REFS_DIR, 'unseen-2026');

export function unseenMachineFiles(dir = UNSEEN_DIR): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort().map((f) => join(dir, f)) : [];
}

/** Which human texts: the documentation packages (one genre, pooled as "all Debian docs") or the other genres
 * (OTHER_GENRES, each its own row, pooled as "all other genres"). */
export type HumanSet = 'docs' | 'genres';

export interface Group {
  name: string;
  /** Human groups: which set they belong to. */
  set?: HumanSet;
  lang: 'en' | 'fr';
  label: 'human' | 'machine';
  texts: number;
  wordsMedian: number;
  status: Record<string, number>;
  scored: number;
  /** Share of scored texts with shown figure >= each of AT. */
  atOrAbove: number[];
  flag: number;
  docsL3: number;
  sentencesL3: number;
  sentences: number;
}

export const AT = [0.5, 0.8, 0.9, 0.95] as const;

export interface UnseenRun {
  gate: number;
  packages: PackageInfo[];
  /** The packages of the other genres (OTHER_GENRES) found installed. */
  genres: PackageInfo[];
  machineFiles: { file: string; texts: number; skipped: number }[];
  groups: Group[];
  pooled: { lang: 'en' | 'fr'; set: HumanSet; humans: number; machines: number; auroc: number; aurocCi: [number, number]; tpr5: number }[];
  ms: number;
}

interface Scoring {
  lang: 'en' | 'fr';
  label: 'human' | 'machine';
  group: string;
  set?: HumanSet;
  r: Report;
}

const median = (xs: number[]) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

function groupOf(name: string, lang: 'en' | 'fr', label: 'human' | 'machine', xs: Scoring[], set?: HumanSet): Group {
  const status: Record<string, number> = {};
  for (const x of xs) status[x.r.status] = (status[x.r.status] ?? 0) + 1;
  const scored = xs.filter((x) => x.r.score !== null);
  const share = (f: (x: Scoring) => boolean) => (scored.length ? scored.filter(f).length / scored.length : NaN);
  let sentences = 0;
  let l3 = 0;
  for (const x of scored) {
    for (const s of x.r.sentences) {
      if (s.words < SENTENCE_MIN_WORDS) continue;
      sentences++;
      if (s.level === 3) l3++;
    }
  }
  return {
    name,
    ...(set ? { set } : {}),
    lang,
    label,
    texts: xs.length,
    wordsMedian: median(xs.map((x) => x.r.counts.words)),
    status,
    scored: scored.length,
    atOrAbove: AT.map((p) => share((x) => x.r.score! >= p)),
    flag: share((x) => x.r.flag),
    docsL3: share((x) => x.r.sentences.some((s) => s.level === 3)),
    sentencesL3: sentences ? l3 / sentences : NaN,
    sentences,
  };
}

/** Resamples of the AUROC's bootstrap interval (each label resampled on its own; a fixed seed: the same run prints
 * the same interval). */
export const BOOTSTRAP = 1000;

/** 95% percentile-bootstrap interval of the AUROC: with 50 machine texts it is wide, and says so. */
export function bootstrapCi(sc: readonly Scored[], rounds = BOOTSTRAP, seed = 9): [number, number] {
  let x = seed >>> 0;
  const rand = () => ((x = (Math.imul(x, 1664525) + 1013904223) >>> 0), x / 2 ** 32);
  const pos = sc.filter((s) => s.positive);
  const neg = sc.filter((s) => !s.positive);
  if (!pos.length || !neg.length) return [NaN, NaN];
  const draw = (xs: readonly Scored[]) => Array.from({ length: xs.length }, () => xs[Math.floor(rand() * xs.length)]!);
  const values = Array.from({ length: rounds }, () => auroc([...draw(pos), ...draw(neg)])).sort((a, b) => a - b);
  return [values[Math.floor(0.025 * (rounds - 1))]!, values[Math.ceil(0.975 * (rounds - 1))]!];
}

export interface UnseenOptions {
  gate?: number;
  cap?: number;
  machineDir?: string;
  /** The human packages (default: every one of DEBIAN_DOCS that is installed). */
  docs?: readonly DocPackage[];
  /** The human packages of other genres (default: every one of OTHER_GENRES that is installed). */
  genres?: readonly DocPackage[];
}

export function runUnseen({ gate = MIN_WORDS, cap, machineDir = UNSEEN_DIR, docs: packages, genres = OTHER_GENRES }: UnseenOptions = {}): UnseenRun {
  const t0 = performance.now();
  const capped = cap === undefined ? {} : { cap };
  const docs = loadDebianDocs({ ...capped, ...(packages ? { docs: packages } : {}) });
  const other = genres.length ? loadDebianDocs({ ...capped, docs: genres }) : { texts: [], packages: [] };
  const all: Scoring[] = [
    ...docs.texts.map((t): Scoring => ({ lang: t.lang, label: 'human', group: t.group, set: 'docs', r: analyse(t.text, { minWords: gate }) })),
    ...other.texts.map((t): Scoring => ({ lang: t.lang, label: 'human', group: t.group, set: 'genres', r: analyse(t.text, { minWords: gate }) })),
  ];
  const machineFiles: UnseenRun['machineFiles'] = [];
  for (const file of unseenMachineFiles(machineDir)) {
    const { items, skipped } = readJsonl(file, { label: 'machine', source: 'assistant2026-unseen' }, 'unseen:');
    machineFiles.push({ file, texts: items.length, skipped });
    for (const it of items) all.push({ lang: it.lang, label: 'machine', group: 'assistant2026-unseen', r: analyse(it.text, { minWords: gate }) });
  }
  const groups: Group[] = [];
  const pooled: UnseenRun['pooled'] = [];
  for (const lang of ['en', 'fr'] as const) {
    const inLang = all.filter((x) => x.lang === lang);
    const m = inLang.filter((x) => x.label === 'machine');
    const pools: UnseenRun['pooled'] = [];
    for (const set of ['docs', 'genres'] as const) {
      const h = inLang.filter((x) => x.label === 'human' && x.set === set);
      for (const g of [...new Set(h.map((x) => x.group))]) groups.push(groupOf(g, lang, 'human', h.filter((x) => x.group === g), set));
      if (h.length) groups.push(groupOf(set === 'docs' ? 'all Debian docs' : 'all other genres', lang, 'human', h, set));
      const sc: Scored[] = [...h, ...m].filter((x) => x.r.score !== null).map((x) => ({ score: x.r.score!, positive: x.label === 'machine' }));
      if (h.length && m.length) pools.push({ lang, set, humans: sc.filter((s) => !s.positive).length, machines: sc.filter((s) => s.positive).length, auroc: auroc(sc), aurocCi: bootstrapCi(sc), tpr5: tprAtFpr(sc, 0.05) });
    }
    if (m.length) groups.push(groupOf('assistant2026-unseen', lang, 'machine', m));
    pooled.push(...pools);
  }
  return { gate, packages: docs.packages, genres: other.packages, machineFiles, groups, pooled, ms: performance.now() - t0 };
}

const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : '-');
const pad = (s: string, n: number) => s.padStart(n);

function statusLine(g: Group): string {
  const s = g.status;
  const unsupported = (s['unsupported-language'] ?? 0) + (s['undetermined-language'] ?? 0);
  return `ok ${s.ok ?? 0} · weak ${s.weak ?? 0} · too-short ${s['too-short'] ?? 0} · unsupported/undetermined ${unsupported}`;
}

function packageLine(p: PackageInfo): string {
  const name = p.group && p.group !== p.pkg ? `${p.group} (${p.pkg})` : p.pkg;
  const late = p.notAfter !== undefined ? `, ${p.late} naming a later year` : '';
  return `  ${name} ${p.version} (${p.lang}${p.genre ? `, ${p.genre}` : ''}, last upload ${p.date}, ${p.licence}${p.note ? `; ${p.note}` : ''}): ${p.pages} files, ${p.chunks} texts cut, ${p.kept} kept; paragraphs dropped: ${p.otherLang} in another language${late}`;
}

export function formatUnseen(run: UnseenRun): string {
  const out: string[] = [];
  out.push(`Never-seen check · shipped engine · gate ${run.gate} words · ${(run.ms / 1000).toFixed(1)} s`);
  out.push('Human: Debian documentation (ONE genre, technical; most French texts are translations) read from /usr/share, never stored.');
  for (const p of run.packages) out.push(packageLine(p));
  out.push(`Human, other genres (each its own row; paragraphs naming a year after 2021 dropped):${run.genres.length ? '' : ` none installed (as root: ${GENRES_APT_COMMAND})`}`);
  for (const p of run.genres) out.push(packageLine(p));
  out.push(`Machine: ${run.machineFiles.length ? run.machineFiles.map((f) => `${f.file.split('/').slice(-2).join('/')}: ${f.texts}`).join(', ') : 'none (assets/reference-texts/unseen-2026/ has no .jsonl)'}`);
  out.push('');
  out.push('Shares of scored texts whose shown figure is at or above p: for human texts the claim "more predictable than p of');
  out.push('human writing" holds when the share is at most 1 - p. flag = default flag rate (FPR for human, TPR for machine).');
  out.push('docsL3 / sentL3 = documents with a level-3 sentence / sentences of 5+ words at level 3.');
  out.push('label   lang source                     texts words   >=.50   >=.80   >=.90   >=.95    flag  docsL3  sentL3  status');
  for (const g of run.groups) {
    out.push(`${g.label.padEnd(7)} ${g.lang}   ${g.name.padEnd(25)} ${pad(String(g.texts), 5)} ${pad(String(Math.round(g.wordsMedian)), 5)} ${g.atOrAbove.map((v) => pad(pct(v), 7)).join(' ')} ${pad(pct(g.flag), 7)} ${pad(pct(g.docsL3), 7)} ${pad(pct(g.sentencesL3), 7)}  ${statusLine(g)}`);
  }
  out.push('');
  out.push('POOLED (each human set vs the unseen machine batch, scored texts)');
  for (const p of run.pooled) out.push(`${p.lang}   ${(p.set === 'docs' ? 'Debian docs' : 'other genres').padEnd(12)} humans ${p.humans}, machine ${p.machines}: AUROC ${p.auroc.toFixed(3)} (95% bootstrap ${p.aurocCi[0].toFixed(2)}-${p.aurocCi[1].toFixed(2)}), TPR at 5% FPR ${pct(p.tpr5)}`);
  if (!run.pooled.length) out.push('  (no machine texts: nothing to pool)');
  return out.join('\n');
}
