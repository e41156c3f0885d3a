/**
 * plain-text — bytes to text and text to tidy paragraphs, for every file reader (main thread and file worker).
 *
 * API:
 * - `decodeText(bytes)`: UTF-8 by default; a byte-order mark picks UTF-8, UTF-16LE or UTF-16BE and is dropped.
 *   Invalid UTF-8 becomes U+FFFD (never throws).
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
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return new TextDecoder('utf-8').decode(bytes.subarray(start));
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
