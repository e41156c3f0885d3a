/**
 * normalise — fold typography without moving offsets.
 *
 * What: returns a copy of the text with the same length (UTF-16 units) in which curly quotes, guillemets, dashes,
 * ellipses, non-breaking and exotic spaces, and lone line breaks inside a paragraph are folded to plain forms.
 * When: always, before segmentation; every signal reads the folded copy, every offset stays valid in the original.
 * Why: typography comes from a site's software or a corpus's collection, not from the writer; a signal built on it
 * would mislead (see ../shared/data/README.md "Known artefacts"). Folding it away makes typography carry no weight.
 * Limits: one character maps to one character, so "…" becomes "." (not "..."); no Unicode normalisation (NFC would
 * change lengths); decomposed accents are kept as letter + combining mark, which the word pattern accepts. Invisible
 * and control characters are not folded but taken out first (`visibleText`, used by buildDoc), with a map back to
 * the caller's offsets.
 */

const FOLD: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'", '\u02BC': "'", '`': "'", '\u00B4': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u2033': '"', '\u00AB': '"', '\u00BB': '"',
  '\u2039': '"', '\u203A': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
  '\u2026': '.',
  '\u00A0': ' ', '\u202F': ' ', '\u2007': ' ', '\u2009': ' ', '\u200A': ' ', '\u2002': ' ', '\u2003': ' ',
  '\u2004': ' ', '\u2005': ' ', '\u2006': ' ', '\u2008': ' ', '\u205F': ' ', '\u3000': ' ', '\t': ' ',
  '\r': '\n', '\u2028': '\n', '\u2029': '\n', '\u000B': '\n', '\u000C': '\n', '\u0085': '\n',
  // Windows-1252 punctuation read as Latin-1 (C1 code points): the quotes, dashes and the French ligature it meant
  '\u0091': "'", '\u0092': "'", '\u0093': '"', '\u0094': '"', '\u0096': '-', '\u0097': '-', '\u008C': '\u0152', '\u009C': '\u0153',
};

const FOLDABLE = /[\u2018\u2019\u201A\u201B\u2032\u02BC`\u00B4\u201C-\u201F\u2033\u00AB\u00BB\u2039\u203A\u2010-\u2015\u2212\u2026\u00A0\u202F\u2007\u2009\u200A\u2002-\u2006\u2008\u205F\u3000\t\r\u2028\u2029\u000B\u000C\u0085\u0091-\u0094\u0096\u0097\u008C\u009C]/g;

/** Characters that are never a writer's words: control characters (but the line and tab ones, which `normalise`
 * folds, and the C1 ones it folds above) and invisible format characters — the soft hyphen a site inserts for line
 * breaking (&shy;), zero-width spaces and joiners, the word joiner, directional marks and isolates, a byte-order
 * mark. They would split or disguise words (a soft hyphen in every word took a text from 78% to 25%), so
 * `visibleText` takes them out before anything is read. */
const INVISIBLE = /[\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u008B\u008D-\u0090\u0095\u0098-\u009B\u009D-\u009F\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;
const INVISIBLE_G = new RegExp(INVISIBLE.source, 'g');

/** `text` without its invisible characters (INVISIBLE), and where each of its offsets was in `text`: `origin[i]` is
 * the offset in `text` of character i of the result, `origin[result.length]` is `text.length`. No `origin` when
 * nothing was taken out (the result is `text` itself). */
export function visibleText(text: string): { text: string; origin?: Int32Array } {
  if (!INVISIBLE.test(text)) return { text };
  const kept = text.replace(INVISIBLE_G, '');
  const origin = new Int32Array(kept.length + 1);
  let j = 0;
  for (let i = 0; i < text.length; i++) {
    if (!INVISIBLE.test(text[i]!)) origin[j++] = i;
  }
  origin[kept.length] = text.length;
  return { text: kept, origin };
}

/** A line break with text on both sides of it (not a blank line) is folded to a space: hard-wrapped prose
 * (e-mail, arXiv abstracts) must not be read as one sentence per line. */
const LONE_NEWLINE = /(?<=[^\n ][ ]*)\n(?=[ ]*[^\n ])/g;
/** Windows line ends: the CR of a CRLF pair becomes a space, so CRLF counts as one line break. */
const CR_BEFORE_LF = /\r(?=\n)/g;

export function normalise(text: string): string {
  return text.replace(CR_BEFORE_LF, ' ').replace(FOLDABLE, (c) => FOLD[c] ?? c).replace(LONE_NEWLINE, ' ');
}
