/**
 * `npm run --silent score -- [options] FILE|-` — score a text with the Mirage Lens engine, in Node.
 *
 *   FILE | -            a UTF-8 text file, or standard input
 *   --json              print the full report as JSON
 *   --jsonl FILE|-      JSON lines in ({"id","text",...} per line), one JSON line out per valid input line, in order:
 *                       {"id","score","flag","abstained","lang","status","words","signals":{...}} (+ "reason" when abstained)
 *   --ui en|fr          language of the explanations (default en)
 *   --lang CODE         force the text's language (en, fr) instead of detecting it
 *   --min-words N       change the length gate (default 150; at least 50), for research use
 *
 * Errors get one line on stderr naming the problem (and the line, for JSON lines), exit status 2, no stack trace;
 * a bad JSON line produces no output, the other lines are still scored.
 */
import { readFileSync, statSync } from 'node:fs';
import { analyse, explain, MAX_CHARS, MIN_WORDS } from '../src/engine';
import { formatReport, jsonlRecord } from '../src/eval/format';

/** Largest input file: 64 MiB (a 100,000-word text is about 0.6 MiB; a set of thousands of texts fits). */
const MAX_INPUT_BYTES = 64 * 1024 * 1024;
const USAGE = 'usage: npm run --silent score -- [--json] [--ui en|fr] [--lang en|fr] [--min-words N] FILE|-   or   --jsonl FILE|-';

class CliError extends Error {}

function fail(message: string): never {
  throw new CliError(message);
}

interface Args {
  file?: string;
  jsonl?: string;
  json: boolean;
  ui: 'en' | 'fr';
  lang?: string;
  minWords: number;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { json: false, ui: 'en', minWords: MIN_WORDS };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) fail(`${arg} needs a value`);
      return v;
    };
    if (arg === '--json') a.json = true;
    else if (arg === '--jsonl') a.jsonl = value();
    else if (arg === '--ui') {
      const v = value();
      if (v !== 'en' && v !== 'fr') fail(`--ui must be en or fr, not "${v}"`);
      a.ui = v;
    } else if (arg === '--lang') a.lang = value();
    else if (arg === '--min-words') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 50) fail('--min-words must be a whole number of at least 50');
      a.minWords = n;
    } else if (arg === '-h' || arg === '--help') {
      console.log(USAGE);
      process.exit(0);
    } else if (arg!.startsWith('--')) fail(`unknown option ${arg}`);
    else if (a.file === undefined) a.file = arg;
    else fail(`unexpected argument "${arg}"`);
  }
  if (a.file === undefined && a.jsonl === undefined) fail(`no input given. ${USAGE}`);
  if (a.file !== undefined && a.jsonl !== undefined) fail('give either FILE or --jsonl FILE, not both');
  return a;
}

function readInput(path: string): string {
  let buf: Buffer;
  if (path === '-') {
    buf = readFileSync(0);
  } else {
    let st;
    try {
      st = statSync(path);
    } catch {
      fail(`cannot read ${path}: no such file`);
    }
    if (st.isDirectory()) fail(`cannot read ${path}: it is a directory`);
    if (st.size > MAX_INPUT_BYTES) fail(`${path} is ${mib(st.size)} MiB; the limit is ${mib(MAX_INPUT_BYTES)} MiB`);
    try {
      buf = readFileSync(path);
    } catch (e) {
      fail(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? 'read error'}`);
    }
  }
  const name = path === '-' ? 'standard input' : path;
  if (buf.length > MAX_INPUT_BYTES) fail(`${name} is ${mib(buf.length)} MiB; the limit is ${mib(MAX_INPUT_BYTES)} MiB`);
  if (buf.length === 0) fail(`${name} is empty`);
  if (buf.includes(0)) fail(`${name} looks like binary data (it contains NUL bytes), not text`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf).replace(/^\uFEFF/, '');
  } catch {
    fail(`${name} is not valid UTF-8 text`);
  }
}

function mib(n: number): string {
  return (n / 1024 / 1024).toFixed(1);
}

function checkLength(text: string, where: string): void {
  if (text.length > MAX_CHARS) fail(`${where} has ${text.length} characters; the limit is ${MAX_CHARS}`);
}

function runJsonl(a: Args): number {
  const name = a.jsonl === '-' ? 'standard input' : a.jsonl!;
  const lines = readInput(a.jsonl!).split('\n');
  let errors = 0;
  let scored = 0;
  const out: string[] = [];
  const flush = () => {
    if (out.length) process.stdout.write(out.join('\n') + '\n');
    out.length = 0;
  };
  lines.forEach((line, i) => {
    const where = `${name} line ${i + 1}`;
    if (!line.trim()) return;
    const bad = (msg: string) => {
      errors++;
      flush();
      process.stderr.write(`mirage-score: error: ${where}: ${msg}\n`);
    };
    let o: unknown;
    try {
      o = JSON.parse(line);
    } catch {
      return bad('invalid JSON');
    }
    if (typeof o !== 'object' || o === null || Array.isArray(o)) return bad('expected a JSON object');
    const rec = o as Record<string, unknown>;
    if (!('id' in rec) || rec.id === null || (typeof rec.id !== 'string' && typeof rec.id !== 'number')) return bad('missing "id" (a string or number)');
    if (!('text' in rec)) return bad('missing "text"');
    if (typeof rec.text !== 'string') return bad('"text" must be a string');
    if (rec.text.length > MAX_CHARS) return bad(`"text" has ${rec.text.length} characters; the limit is ${MAX_CHARS}`);
    const report = explain(analyse(rec.text, { lang: a.lang, minWords: a.minWords }), a.ui);
    out.push(JSON.stringify(jsonlRecord(rec.id, report)));
    scored++;
    if (out.length >= 100) flush();
  });
  flush();
  if (scored === 0 && errors === 0) fail(`${name} has no JSON lines`);
  return errors > 0 ? 2 : 0;
}

function runFile(a: Args): number {
  const name = a.file === '-' ? 'standard input' : a.file!;
  const text = readInput(a.file!);
  checkLength(text, name);
  if (!text.trim()) fail(`${name} contains only white space`);
  const report = explain(analyse(text, { lang: a.lang, minWords: a.minWords }), a.ui);
  process.stdout.write(a.json ? JSON.stringify(report, null, 2) + '\n' : formatReport(report, text));
  return 0;
}

function main(argv: string[]): number {
  try {
    const a = parseArgs(argv);
    return a.jsonl !== undefined ? runJsonl(a) : runFile(a);
  } catch (e) {
    const msg = e instanceof CliError ? e.message : `internal error: ${e instanceof Error ? e.message : String(e)}`;
    process.stderr.write(`mirage-score: error: ${msg}\n`);
    return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
