/**
 * read-result — the one answer every file reader gives: text, or a typed reason it could not be read.
 *
 * Codes are language-neutral; the page turns them into words (`analysis_file_<code>` messages, `-` -> `_`), with
 * `detail` as a number (a count, or a size in MiB), a file extension or a name — never an English sentence.
 *
 * | code                | when                                                          | detail            |
 * |---------------------|---------------------------------------------------------------|-------------------|
 * | unsupported-type    | not a kind of file the page reads (or an old binary .doc)     | extension         |
 * | several-texts       | a .zip (a class set) where one text is expected (Compare)     | extension         |
 * | too-large           | the file itself is over its limit                             | 15 (MiB)          |
 * | unpacks-too-large   | a zip part, or all parts, would unpack past a limit           | 64 (MiB)          |
 * | false-sizes         | a zip part unpacks to more than it declares (a bomb's lie)    |                   |
 * | too-many-parts      | a zip with more entries than its limit                        | count             |
 * | overlapping-parts   | zip parts sharing their bytes (the overlapping-files bomb)    |                   |
 * | corrupt             | damaged, or not really the kind its name says                 | expected extension|
 * | encrypted           | password-protected (PDF, Office, ODF, zip)                    |                   |
 * | no-text-layer       | a PDF with no text at all: a scan or a photo                  |                   |
 * | too-many-pages      | a PDF over the page limit                                     | count             |
 * | empty               | read, but no text                                             |                   |
 * | nested-archive      | an archive inside a class set                                 | extension         |
 * | hidden-file         | system files in a class set (__MACOSX, .DS_Store, ~$lock)     |                   |
 * | too-many-files      | a class set past its file limit (the rest is skipped)         | count             |
 * | timed-out           | reading took longer than its limit and was stopped            |                   |
 * | too-long            | read, but longer than the engine analyses (MAX_CHARS)         | limit in millions |
 * | unreadable          | anything unexpected (the error's message)                     | message           |
 */
import { ArchiveRefusal } from './archive-guard';

export const READ_ERRORS = [
  'unsupported-type',
  'several-texts',
  'too-large',
  'unpacks-too-large',
  'false-sizes',
  'too-many-parts',
  'overlapping-parts',
  'corrupt',
  'encrypted',
  'no-text-layer',
  'too-many-pages',
  'empty',
  'nested-archive',
  'hidden-file',
  'too-many-files',
  'timed-out',
  'too-long',
  'unreadable',
] as const;
export type ReadError = (typeof READ_ERRORS)[number];

export type ReadResult = { text: string } | { error: ReadError; detail?: string };

/** A limit in MiB, as a bare number: the message adds the unit in its own language ("15 MB", "15 Mo"). */
export function megabytes(bytes: number): string {
  return String(Math.round(bytes / (1024 * 1024)));
}

/** Text, or `empty` when there is none. */
export function textOrEmpty(text: string): ReadResult {
  return text.trim() ? { text } : { error: 'empty' };
}

/** An ArchiveRefusal (or anything else thrown) as a ReadResult; `kind` is the extension the file claimed. */
export function fromError(e: unknown, kind: string): ReadResult {
  if (!(e instanceof ArchiveRefusal)) return { error: 'unreadable', detail: e instanceof Error ? e.message : String(e) };
  switch (e.reason) {
    case 'archive-too-large':
      return { error: 'too-large', detail: megabytes(e.limit ?? 0) };
    case 'entry-too-large':
    case 'total-too-large':
      return { error: 'unpacks-too-large', detail: megabytes(e.limit ?? 0) };
    case 'size-mismatch':
      // Past its declared size: a bomb's lie. Short of it: damage.
      return e.inflated !== undefined ? { error: 'false-sizes' } : { error: 'corrupt', detail: kind };
    case 'too-many-entries':
      return { error: 'too-many-parts', detail: String(e.limit ?? '') };
    case 'overlapping-entries':
      return { error: 'overlapping-parts' };
    case 'encrypted':
      return { error: 'encrypted' };
    case 'not-a-zip':
    case 'corrupt':
    case 'unsupported-compression':
      return { error: 'corrupt', detail: kind };
  }
}
