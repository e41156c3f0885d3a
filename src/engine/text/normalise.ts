/**
 * normalise — fold typography without moving offsets.
 *
 * What: returns a copy of the text with the same length (UTF-16 units) in which curly quotes, guillemets, dashes,
 * ellipses, non-breaking and exotic spaces, and lone line breaks inside a paragraph are folded to plain forms.
 * When: always, before segmentation; every signal reads the folded copy, every offset stays valid in the original.
 * Why: typography comes from a site's software or a corpus's collection, not from the writer; a signal built on it
 * would mislead (see ../shared/data/README.md "Known artefacts"). Folding it away makes typography carry no weight.
 * Limits: one character maps to one character, so "…" becomes "." (not "..."); no Unicode normalisation (NFC would
 * change lengths); decomposed accents are kept as letter + combining mark, which the word pattern accepts.
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
};

const FOLDABLE = /[\u2018\u2019\u201A\u201B\u2032\u02BC`\u00B4\u201C-\u201F\u2033\u00AB\u00BB\u2039\u203A\u2010-\u2015\u2212\u2026\u00A0\u202F\u2007\u2009\u200A\u2002-\u2006\u2008\u205F\u3000\t\r\u2028\u2029\u000B\u000C\u0085]/g;

/** A line break with text on both sides of it (not a blank line) is folded to a space: hard-wrapped prose
 * (e-mail, arXiv abstracts) must not be read as one sentence per line. */
const LONE_NEWLINE = /(?<=[^\n ][ ]*)\n(?=[ ]*[^\n ])/g;
/** Windows line ends: the CR of a CRLF pair becomes a space, so CRLF counts as one line break. */
const CR_BEFORE_LF = /\r(?=\n)/g;

export function normalise(text: string): string {
  return text.replace(CR_BEFORE_LF, ' ').replace(FOLDABLE, (c) => FOLD[c] ?? c).replace(LONE_NEWLINE, ' ');
}
