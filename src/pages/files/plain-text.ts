/**
 * plain-text — bytes to text and text to tidy paragraphs, for every file reader (main thread and file worker).
 *
 * API:
 * - `decodeText(bytes)`: UTF-8 by default; a byte-order mark picks UTF-8, UTF-16LE or UTF-16BE and is dropped.
 *   Without a mark, bytes that are not UTF-8 — more bytes that fail as UTF-8 than characters beyond ASCII that
 *   decode — are read as Windows-1252, the "ANSI" of Windows Notepad and of Excel's CSV in western Europe (a superset
 *   of ISO-8859-1): a French text saved that way reads "élève", not "�l�ve". Otherwise invalid UTF-8 becomes U+FFFD
 *   (a damaged byte in a UTF-8 text). Never throws.
 * - `isBinary(bytes)`: NUL bytes without a UTF-16 byte-order mark: not text (a photo or a program renamed .txt). The
 *   command line refuses such input by the same rule (src/cli/input.ts).
 * - `tidy(text)`: spaces collapsed inside lines, single line breaks kept, at most one blank line between
 *   paragraphs, trimmed. Readers give one paragraph per block, separated by a blank line.
 * - `TEXT_FORMATS`: the file kinds read as text, by extension.
 * No DOM: safe in a worker.
 */

/** The file kinds read as text, by extension, each with how its text is read (plain, Markdown, HTML): one list for a
 * single file (file-text.ts) and a class set's entries (class-set-archive.ts). */
export type TextFormat = 'text' | 'md' | 'html';
export const TEXT_FORMATS: Readonly<Record<string, TextFormat>> = { txt: 'text', text: 'text', md: 'md', markdown: 'md', html: 'html', htm: 'html' };

export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  const text = new TextDecoder('utf-8').decode(bytes);
  return text.includes('\uFFFD') && !mostlyUtf8(text) ? windows1252(bytes) : text;
}

/** Windows-1252's characters for the bytes 0x80-0x9F (ISO-8859-1 has control codes there); the five bytes it leaves
 * undefined keep their control code, as the WHATWG decoder does. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** Bytes as Windows-1252. Spelt out rather than `new TextDecoder('windows-1252')`, which some runtimes (Node before
 * 23) decode as ISO-8859-1, turning "€", "œ" or "—" into control codes. */
function windows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...chunk).replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
  }
  return out;
}

/** A text decoded as UTF-8 with replacements: did more characters beyond ASCII decode than fail? */
function mostlyUtf8(text: string): boolean {
  let failed = 0;
  let decoded = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) failed++;
    else if (c > 0x7f) decoded++;
  }
  return decoded >= failed;
}

/** Binary data, not text: a NUL byte in a file without a UTF-16 byte-order mark (text never holds U+0000). */
export function isBinary(bytes: Uint8Array): boolean {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  return !utf16 && bytes.includes(0);
}

/** Collapse spaces inside lines, keep single line breaks, at most one blank line between paragraphs. */
export function tidy(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
