/**
 * ids — echo a JSON-lines record's "id" exactly as it was given.
 *
 * What: `JSON.parse` turns every number into a double, so an id such as 12345678901234567890 would come back as
 * 12345678901234567000 and no longer match the caller's record. `exactId(line, parsed)` returns the parsed id when
 * a double holds it exactly, and otherwise the id's own digits as a string (text, so nothing is lost).
 * `rawTopLevelValue` finds the source text of a top-level key's value in one JSON object line (a small scanner
 * that skips strings and nested values; the line has already parsed, so it is valid JSON).
 *
 * Limits: only the top-level key is looked up (the last occurrence wins, as in JSON.parse).
 */

/** Index just after the JSON string starting at `i` (which is a quote). */
function skipString(s: string, i: number): number {
  for (let j = i + 1; j < s.length; j++) {
    const c = s[j];
    if (c === '\\') j++;
    else if (c === '"') return j + 1;
  }
  return s.length;
}

/** Index just after the JSON value starting at `i`. */
function skipValue(s: string, i: number): number {
  const c = s[i];
  if (c === '"') return skipString(s, i);
  if (c === '{' || c === '[') {
    let depth = 0;
    for (let j = i; j < s.length; j++) {
      const d = s[j];
      if (d === '"') j = skipString(s, j) - 1;
      else if (d === '{' || d === '[') depth++;
      else if (d === '}' || d === ']') {
        depth--;
        if (depth === 0) return j + 1;
      }
    }
    return s.length;
  }
  let j = i;
  while (j < s.length && !/[\s,}\]]/.test(s[j]!)) j++;
  return j;
}

function skipSpace(s: string, i: number): number {
  while (i < s.length && /\s/.test(s[i]!)) i++;
  return i;
}

/** Source text of the value of top-level `key` in the JSON object `line`, or undefined. */
export function rawTopLevelValue(line: string, key: string): string | undefined {
  let i = skipSpace(line, 0);
  if (line[i] !== '{') return undefined;
  i++;
  let found: string | undefined;
  for (;;) {
    i = skipSpace(line, i);
    if (line[i] !== '"') return found;
    const keyEnd = skipString(line, i);
    const k = JSON.parse(line.slice(i, keyEnd)) as string;
    i = skipSpace(line, keyEnd);
    if (line[i] !== ':') return found;
    i = skipSpace(line, i + 1);
    const end = skipValue(line, i);
    if (k === key) found = line.slice(i, end);
    i = skipSpace(line, end);
    if (line[i] !== ',') return found;
    i++;
  }
}

/** True when the double `n` is exactly the number written as `token`. */
export function doubleHoldsExactly(token: string, n: number): boolean {
  if (/^-?\d+$/.test(token)) return Number.isFinite(n) && BigInt(token) === BigInt(n);
  // decimals and exponents: a double carries at most 17 significant digits
  const digits = token.replace(/^-/, '').replace(/[eE].*$/, '').replace('.', '').replace(/^0+/, '');
  return Number.isFinite(n) && digits.replace(/0+$/, '').length <= 15;
}

/** The id to echo: the parsed value, or the written digits as a string when a double does not hold them. */
export function exactId(line: string, parsed: string | number): string | number {
  if (typeof parsed !== 'number') return parsed;
  const token = rawTopLevelValue(line, 'id');
  return token !== undefined && !doubleHoldsExactly(token, parsed) ? token : parsed;
}
