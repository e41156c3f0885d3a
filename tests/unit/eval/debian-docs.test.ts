// The never-seen check's human-side loader (src/eval/debian-docs.ts) on a small package made here: pages read,
// prose cut into texts, paragraphs in another language and repeated paragraphs dropped, the cap spread through the
// book, the version read from the changelog. No Debian text here.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { APT_COMMAND, debianDocsAvailable, GENRES_APT_COMMAND, loadDebianDocs, namesYearAfter, OTHER_GENRES, packageVersion, spread, type DocPackage } from '@/src/eval/debian-docs';
import { wordCount } from '@/src/eval/html-prose';

const root = mkdtempSync(join(tmpdir(), 'mirage-debdocs-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const EN = [
  'The package archive is organised in suites, and each suite holds the packages that were tested together before a release.',
  'Maintainers upload new versions to the unstable suite, where they wait for a few days before they move on to testing.',
  'When a bug is found in a released suite, a small fix is prepared and announced on the mailing list for everybody to review.',
  'Most users never see this machinery, because the tools they use hide it behind a short command and a progress bar.',
  'Volunteers from many countries keep the documentation in step with the software, one chapter at a time, over many years.',
  'A careful reader will notice that the older chapters keep the tone of the people who first wrote them, long ago.',
];
const FR = 'Les paquets sont rangés dans des suites, et chaque suite contient les paquets qui ont été testés ensemble avant une publication.';

/** One page: `sections` sections of `paras` English paragraphs (each about 20 words), numbered to stay distinct. */
function page(n: number, sections: number, paras: number, extra = ''): string {
  const body = Array.from({ length: sections }, (_, s) => `<div class="section"><h2>Part ${s}</h2>${Array.from({ length: paras }, (_, p) => `<p>${EN[(s + p) % EN.length]} Page ${n} part ${s} note ${p}.</p>`).join('')}</div>`).join('');
  return `<html><head><title>t</title></head><body><div class="navheader"><p>Prev and next links for this page of the guide.</p></div>${body}${extra}<pre>apt-get install something</pre></body></html>`;
}

const dir = join(root, 'html');
mkdirSync(dir, { recursive: true });
for (let i = 1; i <= 6; i++) writeFileSync(join(dir, `ch${i}.en.html`), page(i, 4, 8, i === 1 ? `<p>${FR}</p><p>${EN[0]} Page 1 part 0 note 0.</p>` : ''));
writeFileSync(join(dir, 'index.en.html'), page(99, 1, 8)); // not a page of the book (an index)
mkdirSync(join(root, 'doc', 'fake-doc'), { recursive: true });
writeFileSync(join(root, 'doc', 'fake-doc', 'changelog.gz'), gzipSync('fake-doc (1.2-3) unstable; urgency=medium\n\n  * Something.\n\n -- A Maintainer <a@example.org>  Tue, 23 Nov 2021 22:56:49 +0100\n'));

const pkg: DocPackage = { pkg: 'fake-doc', lang: 'en', dir, files: /\.en\.html$/, licence: 'GPL-2+' };

describe('loadDebianDocs', () => {
  it('reads the pages into texts of 150..600 words, drops foreign and repeated paragraphs, caps the package', () => {
    const all = loadDebianDocs({ docs: [pkg], cap: 1000 });
    const p = all.packages[0]!;
    expect(p.pages).toBe(6); // index.en.html is not a page
    expect(p.otherLang).toBe(1); // the French paragraph on page 1
    expect(all.texts.length).toBe(p.kept);
    expect(all.texts.length).toBeGreaterThanOrEqual(6);
    for (const t of all.texts) {
      expect(wordCount(t.text) >= 150 && wordCount(t.text) <= 600).toBe(true);
      expect(t.text).not.toMatch(/apt-get|Prev and next|Part \d|Les paquets/);
    }
    // The paragraph repeated at the end of page 1 is kept once only.
    expect(all.texts.map((t) => t.text).join('\n\n').split('Page 1 part 0 note 0.').length - 1).toBe(1);
    const capped = loadDebianDocs({ docs: [pkg], cap: 3 });
    expect(capped.texts).toHaveLength(3);
    expect(capped.texts[0]!.text).toBe(all.texts[0]!.text);
    expect(capped.texts[2]!.text).not.toBe(all.texts[2]!.text); // spread through the book, not its first three
    expect(capped.texts.map((t) => t.id)).toEqual(['fake-doc:en:1', 'fake-doc:en:2', 'fake-doc:en:3']);
  });

  it('says whether both languages are installed, and how to install them', () => {
    expect(debianDocsAvailable([pkg])).toBe(false); // no French package
    expect(debianDocsAvailable([pkg, { ...pkg, lang: 'fr' }])).toBe(true);
    expect(debianDocsAvailable([{ ...pkg, dir: join(root, 'absent') }, { ...pkg, lang: 'fr', dir: join(root, 'absent') }])).toBe(false);
    expect(APT_COMMAND).toMatch(/^apt-get install -y debian-handbook .*debian-reference-fr/);
  });
});

describe('loadDebianDocs, other formats (other genres)', () => {
  // A POD file (gzipped) of four sections of ~100 words, and a glossary in plain text whose entries are ~40 and ~170
  // words: each stands alone (joinShort false), so only the long one is a text.
  const para = (n: number, k: number) => Array.from({ length: 5 }, (_, i) => `${EN[(n + i) % EN.length]}`).join(' ') + ` Note ${n}.${k}.`;
  const podDir = join(root, 'pod');
  mkdirSync(podDir, { recursive: true });
  const pod = Array.from({ length: 4 }, (_, h) => `=head2 Part ${h}\n\n${para(h, 0)}\n\n    code();\n\n${para(h, 1)}${h === 3 ? ' It was revised in 2024.' : ''}`).join('\n\n');
  writeFileSync(join(podDir, 'perlthing.pod.gz'), gzipSync(`=head1 NAME\n\nperlthing - things\n\n${pod}\n`));
  writeFileSync(join(podDir, 'perlother.pod'), `=head1 DESCRIPTION\n\n${para(9, 0)}\n`);
  const textDir = join(root, 'text');
  mkdirSync(textDir, { recursive: true });
  writeFileSync(join(textDir, 'lexicon.txt'), ['   :short entry: n.', `   ${EN[0]} ${EN[1]}`, '   :long entry: n.', ...Array.from({ length: 8 }, (_, i) => `   ${EN[i % EN.length]}`.replace('.', ` (sense ${i}).`))].join('\n\n'));

  it('reads POD and plain text, names the row by group, drops paragraphs naming a later year, keeps glossary entries apart', () => {
    const got = loadDebianDocs({
      cap: 1000,
      docs: [
        { pkg: 'fake-perl', group: 'fake-perl faq', lang: 'en', dir: podDir, files: /^perlthing\.pod\.gz$/, format: 'pod', licence: 'Artistic', notAfter: 2021 },
        { pkg: 'fake-jargon', lang: 'en', dir: textDir, files: /\.txt$/, format: 'text', plain: { sectionStart: /^:[^:]+:/ }, joinShort: false, licence: 'public domain' },
      ],
    });
    const [perl, jargon] = got.packages;
    expect(perl).toMatchObject({ group: 'fake-perl faq', pages: 1, late: 1 });
    const perlTexts = got.texts.filter((t) => t.pkg === 'fake-perl');
    // Sections 0-2 give a text each; section 3 loses its second paragraph (it names 2024) and is too short alone.
    expect(perlTexts.map((t) => t.id)).toEqual(['fake-perl faq:en:1', 'fake-perl faq:en:2', 'fake-perl faq:en:3']);
    expect(perlTexts.every((t) => t.group === 'fake-perl faq')).toBe(true);
    const perlText = perlTexts.map((t) => t.text).join(' ');
    expect(perlText).not.toMatch(/code\(\)|perlthing|2024|Note 3\./);
    expect(perlText).toMatch(/Note 2\.1\./);
    expect(jargon).toMatchObject({ chunks: 1, kept: 1, late: 0 });
    const lexicon = got.texts.find((t) => t.pkg === 'fake-jargon')!.text;
    expect(lexicon).toMatch(/^The package archive is organised in suites, and each suite holds the packages that were tested together before a release \(sense 0\)\./);
    expect(wordCount(lexicon)).toBeGreaterThanOrEqual(150);
    expect(lexicon).not.toMatch(/entry/);
  });

  it.each([
    ['Released in 2021 and revised in 2022.', 2021, true],
    ['Released in 1998, revised in 2021.', 2021, false],
    ['Port 20220 and version 3.2022 are not years.', 2021, false],
  ])('namesYearAfter(%j, %i) is %s', (s, year, out) => expect(namesYearAfter(s, year)).toBe(out));

  it('lists the other genres with a licence and a genre each, and how to install them', () => {
    for (const g of OTHER_GENRES) expect(g.licence && g.genre && g.notAfter === 2021).toBeTruthy();
    expect(new Set(OTHER_GENRES.map((g) => `${g.group ?? g.pkg} ${g.lang}`)).size).toBe(OTHER_GENRES.length);
    expect(GENRES_APT_COMMAND).toMatch(/^apt-get install -y jargon-text perl-doc python3-doc gnu-standards debian-history$/);
  });
});

describe('packageVersion', () => {
  it('reads the version and the last upload date from the changelog', () => {
    expect(packageVersion('fake-doc', join(root, 'doc'))).toEqual({ version: '1.2-3', date: '2021-11-23' });
    expect(packageVersion('absent-doc', join(root, 'doc'))).toEqual({ version: '?', date: '?' });
  });
});

describe('spread', () => {
  it.each([
    [[1, 2, 3], 5, [1, 2, 3]],
    [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 5, [0, 2, 4, 6, 8]],
    [[0, 1, 2, 3, 4, 5, 6], 3, [0, 2, 4]],
  ])('%j cap %i', (xs, cap, out) => expect(spread(xs, cap)).toEqual(out));
});
