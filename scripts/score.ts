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
 *   --                  end of options (a file named like an option: `-- -x.txt`)
 *
 * Errors get one line on stderr naming the problem (and the line, for JSON lines), exit status 2, no stack trace;
 * a bad JSON line produces no output, the other lines are still scored. Input is read in bounded chunks (an endless
 * source is refused once past the limit), UTF-8 or UTF-16 with a byte-order mark. What reaches a terminal carries no
 * control or bidi characters (src/cli/terminal.ts); ids are echoed exactly (src/cli/ids.ts); a repeated id is
 * reported on stderr as a warning (the line is still scored).
 */
import { analyse, explain, MAX_CHARS, MIN_WORDS } from '../src/engine';
import { formatReport, jsonlRecord } from '../src/eval/format';
import { decodeText, InputError, readBounded, sourceName } from '../src/cli/input';
import { exactId } from '../src/cli/ids';
import { forTerminal, jsonForTerminal } from '../src/cli/terminal';

/** Largest input file: 64 MiB (a 100,000-word text is about 0.6 MiB; a set of thousands of texts fits). */
const MAX_INPUT_BYTES = 64 * 1024 * 1024;
const USAGE = 'usage: npm run --silent score -- [--json] [--ui en|fr] [--lang en|fr] [--min-words N] FILE|-   or   --jsonl FILE|-';

class CliError extends InputError {}

function fail(message: string): never {
  throw new CliError(message);
}

function warn(message: string): void {
  process.stderr.write(forTerminal(`mirage-score: warning: ${message}`) + '\n');
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
  let options = true;
  const positional = (arg: string) => {
    if (a.file === undefined) a.file = arg;
    else fail(`unexpected argument "${arg}"`);
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!options) {
      positional(arg);
      continue;
    }
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
    } else if (arg === '--lang') {
      const v = value();
      if (v !== 'en' && v !== 'fr') fail(`--lang must be en or fr, not "${v}"`);
      a.lang = v;
    } else if (arg === '--') options = false;
    else if (arg === '--min-words') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 50) fail('--min-words must be a whole number of at least 50');
      a.minWords = n;
    } else if (arg === '-h' || arg === '--help') {
      console.log(USAGE);
      process.exit(0);
    } else if (arg.startsWith('-') && arg !== '-') fail(`unknown option ${arg} (a file whose name starts with "-": put -- before it)`);
    else positional(arg);
  }
  if (a.file === undefined && a.jsonl === undefined) fail(`no input given. ${USAGE}`);
  if (a.file !== undefined && a.jsonl !== undefined) fail('give either FILE or --jsonl FILE, not both');
  return a;
}

async function readInput(path: string): Promise<string> {
  return decodeText(await readBounded(path, MAX_INPUT_BYTES), sourceName(path));
}

function checkLength(text: string, where: string): void {
  if (text.length > MAX_CHARS) fail(`${where} has ${text.length} characters; the limit is ${MAX_CHARS}`);
}

async function runJsonl(a: Args): Promise<number> {
  const name = sourceName(a.jsonl!);
  const lines = (await readInput(a.jsonl!)).split('\n');
  const seen = new Map<string, number>();
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
      process.stderr.write(forTerminal(`mirage-score: error: ${where}: ${msg}`) + '\n');
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
    const id = exactId(line, rec.id);
    const key = `${typeof id}:${String(id)}`;
    const first = seen.get(key);
    if (first !== undefined) {
      flush();
      warn(`${where}: id ${JSON.stringify(id)} was already used on line ${first}`);
    } else seen.set(key, i + 1);
    const report = explain(analyse(rec.text, { lang: a.lang, minWords: a.minWords }), a.ui);
    out.push(jsonForTerminal(JSON.stringify(jsonlRecord(id, report))));
    scored++;
    if (out.length >= 100) flush();
  });
  flush();
  if (scored === 0 && errors === 0) fail(`${name} has no JSON lines`);
  return errors > 0 ? 2 : 0;
}

async function runFile(a: Args): Promise<number> {
  const name = sourceName(a.file!);
  const text = await readInput(a.file!);
  checkLength(text, name);
  if (!text.trim()) fail(`${name} contains only white space`);
  const report = explain(analyse(text, { lang: a.lang, minWords: a.minWords }), a.ui);
  process.stdout.write(a.json ? jsonForTerminal(JSON.stringify(report, null, 2)) + '\n' : forTerminal(formatReport(report, text)));
  return 0;
}

async function main(argv: string[]): Promise<number> {
  try {
    const a = parseArgs(argv);
    return a.jsonl !== undefined ? await runJsonl(a) : await runFile(a);
  } catch (e) {
    const msg = e instanceof InputError ? e.message : `internal error: ${e instanceof Error ? e.message : String(e)}`;
    process.stderr.write(forTerminal(`mirage-score: error: ${msg}`) + '\n');
    return 2;
  }
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
