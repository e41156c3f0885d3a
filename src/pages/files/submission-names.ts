/**
 * submission-names — the student a file in a class-set zip belongs to, from its path, as learning platforms name
 * their downloads.
 *
 * | platform | path in the zip                                                         | student        |
 * |----------|-------------------------------------------------------------------------|----------------|
 * | Moodle   | `Jane Doe_1234_assignsubmission_file_/essay.docx` (a folder per student)  | Jane Doe       |
 * | Moodle   | `Jane Doe_1234_assignsubmission_file_essay.docx` (without folders)        | Jane Doe       |
 * | Moodle   | `Sam Roy_1237_assignsubmission_onlinetext_/onlinetext.html`               | Sam Roy        |
 * | Canvas   | `doejane_12345_67890_essay.docx`, `doejane_late_12345_67890_essay.docx`   | doejane        |
 * | other    | `Martin Léo.docx`, `Class 3B/Martin Léo.docx` (a folder zipped by hand)   | Martin Léo     |
 * | other    | `Class 3B/Martin Léo/essay.docx` (a folder per student)                 | Martin Léo     |
 *
 * Canvas writes the name as lastfirst in lower case without spaces; it is shown as given (splitting it back would be
 * a guess). For other zips, once a top folder every file shares is set aside: the first folder, or else the file
 * name without its extension.
 *
 * API: `submissionOf(path)` -> `{ student, file, platform }`; `rowNames(paths)` -> one display name per path: the
 * student, or "student · file" when that student has more than one file (resubmissions, several parts).
 */
export type Platform = 'moodle' | 'canvas' | 'other';

export interface Submission {
  student: string;
  /** The file's own name (without the platform's prefix). */
  file: string;
  platform: Platform;
}

const MOODLE_FOLDER = /^(.+?)_(\d+)_assignsubmission_[a-z]+_?$/;
const MOODLE_FLAT = /^(.+?)_(\d+)_assignsubmission_[a-z]+_(.+)$/;
const CANVAS = /^([a-z0-9-]+?)_(?:late_)?(\d+)_(\d+)_(.+)$/i;

const baseName = (p: string) => p.slice(p.lastIndexOf('/') + 1);
const withoutExtension = (p: string) => p.replace(/\.[a-z0-9]{1,5}$/i, '');

export function submissionOf(path: string, commonPrefix = ''): Submission {
  const parts = path.split('/').filter(Boolean);
  const file = parts[parts.length - 1] ?? path;
  // Regular expression groups that are not optional always match: `m[1]!`.
  for (const [i, part] of parts.slice(0, -1).entries()) {
    const m = MOODLE_FOLDER.exec(part);
    if (m) return { student: m[1]!.trim(), file: parts.slice(i + 1).join('/'), platform: 'moodle' };
  }
  const flat = MOODLE_FLAT.exec(file);
  if (flat) return { student: flat[1]!.trim(), file: flat[3]!, platform: 'moodle' };
  const canvas = CANVAS.exec(file);
  if (canvas) return { student: canvas[1]!, file: canvas[4]!, platform: 'canvas' };
  const rest = (path.startsWith(commonPrefix) ? path.slice(commonPrefix.length) : path).split('/').filter(Boolean);
  const [top, ...inner] = rest;
  if (top !== undefined && inner.length) return { student: top, file: inner.join('/'), platform: 'other' };
  return { student: withoutExtension(file) || file, file, platform: 'other' };
}

/** The top folder every path shares ("Class 3B/"), or ''. */
export function commonFolder(paths: readonly string[]): string {
  const first = paths[0]?.split('/');
  if (!first || first.length < 2) return '';
  const top = `${first[0]}/`;
  return paths.every((p) => p.startsWith(top) && p.length > top.length) ? top : '';
}

/** A display name for each path: the student, or "student · file" when the student has several files. */
export function rowNames(paths: readonly string[]): string[] {
  const prefix = commonFolder(paths);
  const subs = paths.map((p) => submissionOf(p, prefix));
  const count = new Map<string, number>();
  for (const s of subs) count.set(s.student, (count.get(s.student) ?? 0) + 1);
  return subs.map((s) => (count.get(s.student)! > 1 ? `${s.student} · ${baseName(s.file)}` : s.student));
}
