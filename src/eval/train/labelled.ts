/**
 * labelled — the labelled texts the style tables are fitted from, read from ../shared/data (dev.jsonl, dev2.jsonl),
 * each with the short source id the leave-one-source-out protocol uses as its fold.
 *
 * `loadTrainingTexts(dataDir?)` returns the texts of both files in file order (dev, then dev2), skipping lines that
 * are not a usable record (no text, unknown label or language). Each text's source id comes from `sourceId` in
 * sources.ts, the protocol's own (cdb, m4, fastdetect, iu, l2r, dissertation, orangesum, eltec, ellipse). Node only (reads files);
 * texts are never written anywhere: only derived figures leave the callers.
 * Limits: the team's current-assistant texts and the Brown corpus are not read here: they have one label only, and
 * paired training (the style signals') cannot use them.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR, sourceId } from '../sources';

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

/** Every usable text of dev.jsonl then dev2.jsonl (duplicate ids keep the first), and each file's SHA-256. */
export function loadTrainingTexts(dataDir = DATA_DIR): { texts: TrainingText[]; files: { file: string; sha256: string; texts: number }[] } {
  const texts: TrainingText[] = [];
  const files: { file: string; sha256: string; texts: number }[] = [];
  const seen = new Set<string>();
  for (const f of TRAINING_FILES) {
    const raw = readFileSync(join(dataDir, f), 'utf8');
    let count = 0;
    raw.split('\n').forEach((line, n) => {
      if (!line.trim()) return;
      const t = parseLine(line, n);
      if (!t || seen.has(t.id)) return;
      seen.add(t.id);
      texts.push(t);
      count++;
    });
    files.push({ file: f, sha256: createHash('sha256').update(raw).digest('hex'), texts: count });
  }
  return { texts, files };
}
