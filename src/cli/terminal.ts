/**
 * terminal — make text safe to print where a person reads it.
 *
 * What: text from a scored file can carry terminal control sequences (ESC, CSI, OSC 52 that writes the reader's
 * clipboard or retitles the window) and bidirectional overrides that reorder what is shown (CVE-2021-42574, "Trojan
 * Source"). `forTerminal` removes C0 controls except tab and line feed, DEL, C1 controls and the bidi embedding,
 * override and isolate marks from text meant for a terminal (the readable report, error messages). `jsonForTerminal`
 * keeps JSON exact but writes those characters as \u escapes, so the data survives and the terminal sees none.
 *
 * Limits: the readable report loses those characters (it quotes passages, it is not a copy of the text); use
 * --json or --jsonl for an exact record.
 */

/** C0 controls but tab and line feed, DEL, C1 controls, and bidi controls (LRM/RLM, ALM, embeddings, overrides,
 * isolates). Carriage return is a control too: it can overwrite a printed line. */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** What JSON.stringify leaves raw that a terminal may act on or reorder, plus the line separators. */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function forTerminal(text: string): string {
  return text.replace(UNSAFE, '');
}

/** JSON.stringify's output with every terminal-active character escaped (still valid, equal JSON). */
export function jsonForTerminal(json: string): string {
  return json.replace(UNSAFE_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
