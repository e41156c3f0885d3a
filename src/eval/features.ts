/**
 * features — what the engine's fixed signals measure on one text, computed once and cached on disk.
 *
 * What: for every text (whatever its length): buildDoc with the labelled language forced (buildDoc folds typography
 * itself), every registered signal that is NOT trained per fold (trainable.ts) through the engine's own `measure`,
 * the register (src/engine/score/register.ts), the word count, and per sentence its word count and every signal's
 * value. Cached as JSON lines in .cache/eval/features-<engine>.jsonl (gitignored), keyed by a hash of language +
 * text; <engine> hashes the files that decide what `measure` returns (ENGINE_FILES), so changing a signal, the
 * segmenter or a table starts a fresh cache. Texts are never stored, only figures.
 * When: by the leave-one-source-out protocol (protocol.ts) and `npm run calibrate`. Node only.
 * Limits: the cache grows by appending; delete .cache/eval to start over.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDoc } from '../engine/text/doc';
import { measure } from '../engine/score/measure';
import { registerOf } from '../engine/score/register';
import { SIGNALS } from '../engine/signals/index';
import { isAbstention, type Abstention, type Doc, type Signal, type SignalResult } from '../engine/types';
import type { EvalLang, Item } from './sources';

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(here, '../..');
export const CACHE_DIR = resolve(ROOT, '.cache/eval');

/** Files whose content defines what `measure` returns (directories are read recursively; assets by prefix). */
export const ENGINE_FILES = ['src/engine/text', 'src/engine/signals', 'src/engine/score/register.ts', 'src/engine/score/measure.ts', 'src/engine/types.ts', 'src/eval/features.ts'];
const TABLE_PREFIXES = ['formulaic-', 'function-words', 'lm-', 'prelude-', 'style-'];

/** A signal's result on one text: its raw value and per-sentence values (null where it has none), or why it
 * abstained. Same orientation as the engine: higher = more predictable. */
export type SignalValue = { raw: number; sent?: (number | null)[] } | { abstained: string };

export function measured(v: SignalValue | undefined): v is { raw: number; sent?: (number | null)[] } {
  return v !== undefined && !('abstained' in v) && Number.isFinite(v.raw);
}

export interface TextFeatures {
  /** sha1 of lang + NUL + text. */
  key: string;
  lang: EvalLang;
  words: number;
  /** registerOf(doc). */
  reg: number[];
  /** Word count of each sentence, in order. */
  sentWords: number[];
  /** Every fixed signal, by id. */
  signals: Record<string, SignalValue>;
}

export function textKey(lang: string, text: string): string {
  return createHash('sha1').update(lang).update('\0').update(text).digest('hex');
}

function filesUnder(p: string): string[] {
  if (!existsSync(p)) return [];
  if (statSync(p).isFile()) return [p];
  return readdirSync(p)
    .sort()
    .flatMap((f) => filesUnder(join(p, f)));
}

/** Hash (12 hex digits) of the engine files' names and contents, the measuring tables, and the signal ids. */
export function engineFingerprint(signals: readonly Signal[] = SIGNALS): string {
  const h = createHash('sha1');
  const tables = readdirSync(resolve(ROOT, 'assets'))
    .filter((f) => TABLE_PREFIXES.some((p) => f.startsWith(p)))
    .sort()
    .map((f) => `assets/${f}`);
  for (const f of [...ENGINE_FILES, ...tables].flatMap((x) => filesUnder(resolve(ROOT, x)))) {
    h.update(relative(ROOT, f)).update('\0').update(readFileSync(f)).update('\0');
  }
  h.update(signals.map((s) => s.id).join(','));
  return h.digest('hex').slice(0, 12);
}

/** Build the Doc the way the protocol does everywhere (language forced). */
export function docOf(item: Pick<Item, 'text' | 'lang'>): Doc {
  return buildDoc(item.text, { lang: item.lang });
}

/** A signal's result as cached (full precision). */
export function valueOf(r: SignalResult | Abstention, doc: Doc): SignalValue {
  if (isAbstention(r)) return { abstained: r.code };
  const v: SignalValue = { raw: r.raw };
  if (r.sentences) {
    const sent = r.sentences;
    v.sent = doc.sentences.map((s) => {
      const x = sent[s.index];
      return x !== undefined && Number.isFinite(x) ? x : null;
    });
  }
  return v;
}

/** Measure one text with the given signals. */
export function extract(item: Pick<Item, 'text' | 'lang'>, signals: readonly Signal[], doc = docOf(item)): TextFeatures {
  const m = measure(doc, signals);
  const out: Record<string, SignalValue> = {};
  for (const [id, r] of m.results) out[id] = valueOf(r, doc);
  return {
    key: textKey(item.lang, item.text),
    lang: item.lang,
    words: doc.words.length,
    reg: registerOf(doc),
    sentWords: doc.sentences.map((s) => s.wordCount),
    signals: out,
  };
}

export interface FeatureCache {
  fingerprint: string;
  file: string;
  get(item: Pick<Item, 'text' | 'lang'>): TextFeatures;
  /** Texts measured (cache misses) since opening. */
  computed: number;
}

/** Open (or start) the cache for the current engine, measuring `signals` (the fixed ones). Misses are measured and
 * appended at once. */
export function openFeatureCache(signals: readonly Signal[], dir = CACHE_DIR): FeatureCache {
  const fingerprint = engineFingerprint(signals);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `features-${fingerprint}.jsonl`);
  const map = new Map<string, TextFeatures>();
  if (existsSync(file)) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line) continue;
      try {
        const f = JSON.parse(line) as TextFeatures;
        map.set(f.key, f);
      } catch {
        // a torn last line (interrupted run): measured again
      }
    }
  }
  const cache: FeatureCache = {
    fingerprint,
    file,
    computed: 0,
    get(item) {
      const key = textKey(item.lang, item.text);
      let f = map.get(key);
      if (!f) {
        f = extract(item, signals);
        map.set(key, f);
        appendFileSync(file, JSON.stringify(f) + '\n');
        cache.computed++;
      }
      return f;
    },
  };
  return cache;
}
