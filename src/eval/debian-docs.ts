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
 * NEVER copy these texts into the project: they are read from /usr/share each run and only figures leave. Node only.
 * Limits: ONE genre (technical documentation: formulaic, imperative, full of names of commands); most French
 * documents are translations from English (the Debian Administrator's Handbook was first written in French, but
 * its later revisions in English); the pages are those of Debian 12's packages, whose text is mostly years older than their last upload.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { blockLanguages } from '../engine/index';
import { chunkSections, extractSections } from './html-prose';

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

/** The apt-get command that installs every package above. */
export const APT_COMMAND = `apt-get install -y ${[...new Set(DEBIAN_DOCS.map((d) => d.pkg))].join(' ')}`;

/** Texts kept per package and language: about a tenth of the smallest pooled language each. */
export const DEFAULT_CAP = 60;

export interface DocText {
  id: string;
  pkg: string;
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
    const chunks: string[] = [];
    for (const page of pages) {
      const sections = extractSections(readFileSync(page, 'utf8'));
      for (const s of sections) {
        const langs = blockLanguages(s.paragraphs);
        s.paragraphs = s.paragraphs.filter((p, i) => {
          const l = langs[i];
          if (l !== d.lang && l !== 'und') return (otherLang++, false);
          const k = normal(p);
          if (seenPara[d.lang].has(k)) return false;
          seenPara[d.lang].add(k);
          return true;
        });
      }
      chunks.push(...chunkSections(sections));
    }
    const unique = chunks.filter((c) => (seenText.has(normal(c)) ? false : (seenText.add(normal(c)), true)));
    const kept = spread(unique, cap);
    kept.forEach((text, i) => texts.push({ id: `${d.pkg}:${d.lang}:${i + 1}`, pkg: d.pkg, lang: d.lang, text }));
    packages.push({ ...d, ...packageVersion(d.versionOf ?? d.pkg), pages: pages.length, chunks: chunks.length, kept: kept.length, otherLang });
  }
  return { texts, packages };
}
