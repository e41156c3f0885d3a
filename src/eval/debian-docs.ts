/**
 * debian-docs — human-written prose the engine has never seen, read at run time from Debian documentation packages
 * installed under /usr/share: the human side of the never-seen check (`npm run eval -- --protocol unseen`).
 *
 * `DEBIAN_DOCS` lists each package, the language of its pages, where its HTML is and its licence (from the
 * package's copyright file). `loadDebianDocs(options)` reads every page of the installed ones, keeps their prose
 * (html-prose.ts: paragraphs only, code, tables, lists and navigation dropped), drops paragraphs the engine's
 * language detector does not place in the package's language (untranslated strings in a translation) and
 * paragraphs already seen in an earlier page of the same language (boilerplate, duplicate pages), cuts texts of
 * 150..600 words at section boundaries, drops duplicate texts, and keeps at most `cap` texts per package (evenly
 * spread through the book, so one book does not dominate and no single chapter fills the cap). Each package's
 * version and last changelog date are read from its changelog.
 *
 * `OTHER_GENRES` lists human writing of other kinds from other packages, read the same way with the same rules
 * (files may also be POD or plain text, read by text-prose.ts, and gzipped); each has a `group` (its row), a `genre`
 * and `notAfter` (paragraphs naming a later year are dropped: text revised once assistants were common).
 *
 * NEVER copy these texts into the project: they are read from /usr/share each run and only figures leave. Node only.
 * Limits of DEBIAN_DOCS: ONE genre (technical documentation: formulaic, imperative, full of names of commands); most French
 * documents are translations from English (the Debian Administrator's Handbook was first written in French, but
 * its later revisions in English); the pages are those of Debian 12's packages, whose text is mostly years older than their last upload.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { blockLanguages } from '../engine/index';
import { chunkSections, extractSections, type Section } from './html-prose';
import { plainSections, podSections, type PlainOptions } from './text-prose';

export interface DocPackage {
  /** The Debian package that installs the pages. */
  pkg: string;
  lang: 'en' | 'fr';
  /** Folder of the HTML pages. */
  dir: string;
  /** Which file names in `dir` are pages of this language (not recursive). */
  files: RegExp;
  /** From the package's copyright file. */
  licence: string;
  /** The package whose changelog gives the version (when the pages come with another package's). */
  versionOf?: string;
  /** Said wherever its figures appear. */
  note?: string;
  /** How its files are read: HTML (html-prose.ts, the default), POD or plain text (text-prose.ts). A file whose
   * name ends in .gz is gunzipped first. */
  format?: 'html' | 'pod' | 'text';
  /** For `format: 'text'`. */
  plain?: PlainOptions;
  /** Its row in the tables when one package gives several (perl-doc's FAQ and its tutorials); default `pkg`. */
  group?: string;
  /** The kind of human writing, for the tables (the documentation packages: technical documentation). */
  genre?: string;
  /** false: a section too short to be a text alone is dropped, not run on into the next (a glossary's entries). */
  joinShort?: boolean;
  /** Drop every paragraph that names a year after this one (text revised after assistants became common). */
  notAfter?: number;
}

const HB = '/usr/share/doc/debian-handbook/html';
const HD = '/usr/share/doc/harden-doc/html';
const DR = '/usr/share/debian-reference';
const DEV = '/usr/share/developers-reference';
const FAQ = '/usr/share/doc/debian/FAQ';
/** Index, search and single-page copies: not pages of the book (index.en.html too). */
const NOT_PAGES = /^(?:index|search|genindex|developers-reference)(?:\.[a-z]{2}(?:-[A-Z]{2})?)?\.html$/;

export const DEBIAN_DOCS: readonly DocPackage[] = [
  { pkg: 'debian-handbook', lang: 'en', dir: `${HB}/en-US`, files: /\.html$/, licence: 'GPL-2+ or CC-BY-SA-3.0', note: 'translated from the French original' },
  { pkg: 'debian-reference-en', lang: 'en', dir: DR, files: /\.en\.html$/, licence: 'GPL-2+' },
  { pkg: 'developers-reference', lang: 'en', dir: DEV, files: /^[a-z0-9-]+\.html$/, licence: 'GPL-2' },
  { pkg: 'maint-guide', lang: 'en', dir: '/usr/share/doc/maint-guide/html', files: /\.en\.html$/, licence: 'GPL-2+' },
  { pkg: 'debian-faq', lang: 'en', dir: FAQ, files: /\.en\.html$/, licence: 'GPL-2+' },
  { pkg: 'harden-doc', lang: 'en', dir: `${HD}/en-US`, files: /\.html$/, licence: 'GPL-2' },
  { pkg: 'debian-kernel-handbook', lang: 'en', dir: '/usr/share/doc/debian-kernel-handbook/kernel-handbook.html', files: /\.html$/, licence: 'GPL-2+' },
  { pkg: 'aptitude-doc-en', lang: 'en', dir: '/usr/share/doc/aptitude/html/en', files: /\.html$/, licence: 'GPL-2+' },
  { pkg: 'debian-handbook', lang: 'fr', dir: `${HB}/fr-FR`, files: /\.html$/, licence: 'GPL-2+ or CC-BY-SA-3.0', note: 'first written in French; later revisions in English first, their untranslated paragraphs dropped' },
  { pkg: 'debian-reference-fr', lang: 'fr', dir: DR, files: /\.fr\.html$/, licence: 'GPL-2+', note: 'translation' },
  { pkg: 'developers-reference-fr', lang: 'fr', dir: `${DEV}/fr`, files: /^[a-z0-9-]+\.html$/, licence: 'GPL-2', note: 'translation' },
  { pkg: 'maint-guide-fr', lang: 'fr', dir: '/usr/share/doc/maint-guide-fr/html', files: /\.fr\.html$/, licence: 'GPL-2+', note: 'translation' },
  { pkg: 'debian-faq-fr', lang: 'fr', dir: `${FAQ}/fr`, files: /\.fr\.html$/, licence: 'GPL-2+', note: 'translation' },
  { pkg: 'harden-doc', lang: 'fr', dir: `${HD}/fr-FR`, files: /\.html$/, licence: 'GPL-2', note: 'translation' },
  { pkg: 'aptitude-doc-fr', lang: 'fr', dir: '/usr/share/doc/aptitude/html/fr', files: /\.html$/, licence: 'GPL-2+', note: 'translation' },
];

const PERL_POD = '/usr/share/perl/5.36.0/pod';
const PY = '/usr/share/doc/python3.11/html';
const HIST = '/usr/share/doc/debian-history/docs';
/** Perl's tutorials and essays (not its references, deltas, platform notes or generated lists). */
const PERL_ESSAYS = /^perl(?:intro|style|hist|book|community|modstyle|newmod|policy|hack|trap|unifaq|unitut|uniintro|reftut|retut|requick|ootut|toot|tooc|boot|bot|opentut|packtut|thrtut|debtut|hacktut|dsc|lol|sec|port|perf|gov|docstyle|modinstall|fork|ipc)\.pod$/;
/** The Jargon File's cross references, `{hack value}`, as words (a brace standing alone, `{ and }`, stays). */
export const unbrace = (p: string) => p.replace(/\{(\S[^{}]*?)\}/g, '$1');
/** Revised after chat assistants became common: a paragraph naming a later year is dropped. */
const BEFORE_2022 = 2021;

/**
 * Human writing of other kinds than the documentation above (issue 9: a stated percentile is a promise for each kind
 * of writer), from Debian 12's packages, each its own row. English: the Jargon File (a lexicon of hackers' slang,
 * entries with essays, 1975–2003: only entries and chapters of 150+ words of prose alone, never glued together);
 * Perl's FAQ (questions answered in an informal voice, 1990s–2010s) and its tutorials and essays (perlstyle,
 * perlhist…); Python's "What's New" essays 2.0–3.10 (2000–2021; 3.11's, written in 2022, left out) and its HOWTOs
 * (the two added for 3.11 in 2022 left out); the GNU coding standards and maintainers' information (1992 on: prose
 * guidance); a narrative history of Debian. French: only that history's translation — Debian ships no original
 * French prose of another genre worth using (see README's "Never-seen check").
 */
export const OTHER_GENRES: readonly DocPackage[] = [
  { pkg: 'jargon-text', lang: 'en', dir: '/usr/share/doc/jargon-text', files: /^jargon\.txt\.gz$/, format: 'text', plain: { sectionStart: /^:[^:]+:/, clean: unbrace }, joinShort: false, licence: 'public domain', genre: 'hackers\' lexicon, essays (1975-2003)', notAfter: BEFORE_2022 },
  { pkg: 'perl-doc', group: 'perl-doc perlfaq', lang: 'en', dir: PERL_POD, files: /^perlfaq\d\.pod$/, format: 'pod', licence: 'GPL-1+ or Artistic', genre: 'questions and answers', notAfter: BEFORE_2022 },
  { pkg: 'perl-doc', group: 'perl-doc tutorials', lang: 'en', dir: PERL_POD, files: PERL_ESSAYS, format: 'pod', licence: 'GPL-1+ or Artistic', genre: 'tutorials and essays', notAfter: BEFORE_2022 },
  { pkg: 'python3-doc', group: 'python3-doc whatsnew', versionOf: 'python3.11-doc', lang: 'en', dir: `${PY}/whatsnew`, files: /^(?:2\.\d|3\.\d|3\.10)\.html$/, licence: 'PSF-2', genre: 'release essays (2000-2021)', notAfter: BEFORE_2022 },
  { pkg: 'python3-doc', group: 'python3-doc howto', versionOf: 'python3.11-doc', lang: 'en', dir: `${PY}/howto`, files: /^(?!enum\.|isolating-extensions\.)[a-z0-9-]+\.html$/, licence: 'PSF-2', genre: 'how-to essays', notAfter: BEFORE_2022 },
  { pkg: 'gnu-standards', lang: 'en', dir: '/usr/share/doc/gnu-standards', files: /^(?:standards|maintain)\.html$/, licence: 'GFDL-1.3+ (no invariant sections)', genre: 'prose guidance', notAfter: BEFORE_2022 },
  { pkg: 'debian-history', lang: 'en', dir: HIST, files: /\.en\.html$/, licence: 'GPL-2+', genre: 'narrative history', notAfter: BEFORE_2022 },
  { pkg: 'debian-history', group: 'debian-history-fr', lang: 'fr', dir: HIST, files: /\.fr\.html$/, licence: 'GPL-2+', genre: 'narrative history', note: 'translation', notAfter: BEFORE_2022 },
];

/** The apt-get command that installs every package of `docs`, each once. */
const aptCommand = (docs: readonly DocPackage[]) => `apt-get install -y ${[...new Set(docs.map((d) => d.pkg))].join(' ')}`;

/** The apt-get command that installs every package of OTHER_GENRES. */
export const GENRES_APT_COMMAND = aptCommand(OTHER_GENRES);

/** The apt-get command that installs every documentation package (DEBIAN_DOCS). */
export const APT_COMMAND = aptCommand(DEBIAN_DOCS);

/** Texts kept per package and language: about a tenth of the smallest pooled language each. */
export const DEFAULT_CAP = 60;

export interface DocText {
  id: string;
  pkg: string;
  /** `group ?? pkg` of its package. */
  group: string;
  lang: 'en' | 'fr';
  text: string;
}

export interface PackageInfo extends DocPackage {
  version: string;
  /** Date of the last changelog entry (the last upload), YYYY-MM-DD. */
  date: string;
  pages: number;
  /** Texts cut before the cap and dedupe, and kept after them. */
  chunks: number;
  kept: number;
  /** Paragraphs dropped as not in the package's language. */
  otherLang: number;
  /** Paragraphs dropped for naming a year after `notAfter`. */
  late: number;
}

/** Version and last upload date from /usr/share/doc/PKG/changelog(.Debian).gz; '?' when absent. */
export function packageVersion(pkg: string, docRoot = '/usr/share/doc'): { version: string; date: string } {
  for (const f of ['changelog.Debian.gz', 'changelog.gz']) {
    const p = join(docRoot, pkg, f);
    if (!existsSync(p)) continue;
    const head = gunzipSync(readFileSync(p)).toString('utf8', 0, 20000);
    const version = /^\S+ \(([^)]+)\)/.exec(head)?.[1] ?? '?';
    const when = /^ -- .*?>\s+(.+)$/m.exec(head)?.[1];
    const d = when ? new Date(when) : undefined;
    return { version, date: d && !Number.isNaN(d.getTime()) ? d.toISOString().slice(0, 10) : '?' };
  }
  return { version: '?', date: '?' };
}

function pagesOf(d: DocPackage): string[] {
  if (!existsSync(d.dir)) return [];
  return readdirSync(d.dir)
    .filter((f) => d.files.test(f) && !NOT_PAGES.test(f))
    .sort()
    .map((f) => join(d.dir, f));
}

/** True when at least one package of each language is installed. */
export function debianDocsAvailable(docs: readonly DocPackage[] = DEBIAN_DOCS): boolean {
  return (['en', 'fr'] as const).every((l) => docs.some((d) => d.lang === l && pagesOf(d).length > 0));
}

/** Evenly spread selection of `cap` items, in order. */
export function spread<T>(xs: readonly T[], cap: number): T[] {
  if (xs.length <= cap) return [...xs];
  return Array.from({ length: cap }, (_, i) => xs[Math.floor((i * xs.length) / cap)]!);
}

/** The prose sections of one file, by the package's format. */
export function readSections(file: string, d: Pick<DocPackage, 'format' | 'plain'>): Section[] {
  const raw = readFileSync(file);
  const text = (file.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
  if (d.format === 'pod') return podSections(text);
  if (d.format === 'text') return plainSections(text, d.plain);
  return extractSections(text);
}

/** Whether `s` names a year (1900..2099, standing alone: not part of a longer number or a version) after `year`. */
export function namesYearAfter(s: string, year: number): boolean {
  return (s.match(/(?<![\w.])(?:19|20)\d\d(?!\d)/g) ?? []).some((y) => Number(y) > year);
}

const normal = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

export function loadDebianDocs({ cap = DEFAULT_CAP, docs = DEBIAN_DOCS }: { cap?: number; docs?: readonly DocPackage[] } = {}): { texts: DocText[]; packages: PackageInfo[] } {
  const texts: DocText[] = [];
  const packages: PackageInfo[] = [];
  const seenPara = { en: new Set<string>(), fr: new Set<string>() };
  const seenText = new Set<string>();
  for (const d of docs) {
    const pages = pagesOf(d);
    if (pages.length === 0) continue;
    let otherLang = 0;
    let late = 0;
    const chunks: string[] = [];
    for (const page of pages) {
      const sections = readSections(page, d);
      for (const s of sections) {
        const langs = blockLanguages(s.paragraphs);
        s.paragraphs = s.paragraphs.filter((p, i) => {
          const l = langs[i];
          if (l !== d.lang && l !== 'und') return (otherLang++, false);
          if (d.notAfter !== undefined && namesYearAfter(p, d.notAfter)) return (late++, false);
          const k = normal(p);
          if (seenPara[d.lang].has(k)) return false;
          seenPara[d.lang].add(k);
          return true;
        });
      }
      chunks.push(...chunkSections(sections, { joinShort: d.joinShort ?? true }));
    }
    const unique = chunks.filter((c) => (seenText.has(normal(c)) ? false : (seenText.add(normal(c)), true)));
    const kept = spread(unique, cap);
    const group = d.group ?? d.pkg;
    kept.forEach((text, i) => texts.push({ id: `${group}:${d.lang}:${i + 1}`, pkg: d.pkg, group, lang: d.lang, text }));
    packages.push({ ...d, ...packageVersion(d.versionOf ?? d.pkg), pages: pages.length, chunks: chunks.length, kept: kept.length, otherLang, late });
  }
  return { texts, packages };
}
