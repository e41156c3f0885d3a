// The never-seen check's scoring and figures (src/eval/unseen.ts) on a small package and machine file made here,
// scored by the real engine. No Debian text and none of the unseen texts here.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bootstrapCi, formatUnseen, runUnseen } from '@/src/eval/unseen';
import { auroc, type Scored } from '@/src/engine/index';

const root = mkdtempSync(join(tmpdir(), 'mirage-unseen-run-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const SENTENCES = [
  'We walked down to the harbour before the rain came, and the boats were already pulled up on the stones.',
  'My uncle said the tide would turn by four, though nobody believed him after last week.',
  'There was a smell of tar and wet rope, and a dog barking somewhere behind the sheds.',
  'I remember the light most of all: grey, then suddenly white when the clouds split over the point.',
  'We ate bread and cheese sitting on an upturned crate while the gulls circled and complained.',
  'By the time we got home our shoes were soaked through and my sister had lost a glove.',
];
const prose = (n: number) => Array.from({ length: 3 }, (_, p) => Array.from({ length: 5 }, (_, i) => `${SENTENCES[(n + p + i) % SENTENCES.length]}`).join(' ') + ` (${n}.${p})`);

const html = join(root, 'html');
mkdirSync(html, { recursive: true });
for (let i = 0; i < 4; i++) writeFileSync(join(html, `p${i}.html`), prose(i).map((p, k) => `<h2>S${k}</h2><p>${p}</p>`).join('') + `<p>${prose(i + 7).join(' ')}</p>`);
const machine = join(root, 'machine');
mkdirSync(machine, { recursive: true });
writeFileSync(join(machine, 'm.jsonl'), [0, 1, 2].map((i) => JSON.stringify({ id: `m${i}`, lang: 'en', label: 'machine', text: prose(i + 20).join('\n\n') })).join('\n') + '\n');

describe('runUnseen', () => {
  const run = runUnseen({ docs: [{ pkg: 'fake-doc', lang: 'en', dir: html, files: /\.html$/, licence: 'GPL-2+' }], genres: [], machineDir: machine });

  it('scores every human and machine text and groups them per source and language', () => {
    expect(run.groups.map((g) => `${g.label} ${g.lang} ${g.name}`)).toEqual(['human en fake-doc', 'human en all Debian docs', 'machine en assistant2026-unseen']);
    const [pkg, all, m] = run.groups;
    expect(pkg!.texts).toBe(run.packages[0]!.kept);
    expect(all!.texts).toBe(pkg!.texts);
    expect(m!.texts).toBe(3);
    for (const g of run.groups) {
      expect(Object.values(g.status).reduce((a, b) => a + b, 0)).toBe(g.texts);
      expect(g.atOrAbove).toHaveLength(4);
      expect(g.atOrAbove[0]! >= g.atOrAbove[1]! && g.atOrAbove[1]! >= g.atOrAbove[2]! && g.atOrAbove[2]! >= g.atOrAbove[3]!).toBe(true);
    }
    expect(run.pooled).toHaveLength(1);
    expect(run.pooled[0]!.machines).toBe(3);
    expect(run.machineFiles).toEqual([{ file: join(machine, 'm.jsonl'), texts: 3, skipped: 0 }]);
  });

  it('prints the packages, the table and the pooled line', () => {
    const out = formatUnseen(run);
    expect(out).toMatch(/fake-doc \? \(en, last upload \?, GPL-2\+\)/);
    expect(out).toMatch(/^human {3}en {3}fake-doc/m);
    expect(out).toMatch(/^en {3}Debian docs {2}humans \d+, machine 3: AUROC/m);
    expect(out).toMatch(/other genres .*: none installed \(as root: apt-get install -y jargon-text/);
  });

  it('says when there are no machine texts', () => {
    const none = runUnseen({ docs: [{ pkg: 'fake-doc', lang: 'en', dir: html, files: /\.html$/, licence: 'GPL-2+' }], genres: [], machineDir: join(root, 'absent') });
    expect(none.pooled).toEqual([]);
    expect(formatUnseen(none)).toMatch(/no machine texts/);
  });
});

describe('runUnseen with other genres', () => {
  // The same pages read twice: once as documentation, once as two rows of another genre (split by file).
  const genre = { lang: 'en' as const, dir: html, licence: 'PD', genre: 'test prose' };
  const run = runUnseen({
    docs: [{ pkg: 'fake-doc', lang: 'en', dir: html, files: /\.html$/, licence: 'GPL-2+' }],
    genres: [{ ...genre, pkg: 'fake-genre', group: 'fake-genre a', files: /^p[01]\.html$/ }, { ...genre, pkg: 'fake-genre', group: 'fake-genre b', files: /^p[23]\.html$/ }],
    machineDir: machine,
  });

  it('gives each genre its row, pools them apart from the documentation, and pools each set against the machine texts', () => {
    expect(run.groups.map((g) => `${g.label} ${g.name} ${g.set ?? '-'}`)).toEqual([
      'human fake-doc docs',
      'human all Debian docs docs',
      'human fake-genre a genres',
      'human fake-genre b genres',
      'human all other genres genres',
      'machine assistant2026-unseen -',
    ]);
    const [, , a, b, all] = run.groups;
    expect(a!.texts).toBeGreaterThan(0);
    expect(b!.texts).toBeGreaterThan(0);
    expect(all!.texts).toBe(a!.texts + b!.texts);
    expect(run.genres.map((p) => p.group)).toEqual(['fake-genre a', 'fake-genre b']);
    expect(run.pooled.map((p) => `${p.lang} ${p.set} ${p.machines}`)).toEqual(['en docs 3', 'en genres 3']);
    const out = formatUnseen(run);
    expect(out).toMatch(/^ {2}fake-genre a \(fake-genre\) \? \(en, test prose, last upload \?, PD\)/m);
    expect(out).toMatch(/^en {3}other genres humans \d+, machine 3: AUROC/m);
  });
});

describe('bootstrapCi', () => {
  const set = (pos: number[], neg: number[]): Scored[] => [...pos.map((score) => ({ score, positive: true })), ...neg.map((score) => ({ score, positive: false }))];
  it.each([
    ['separated', set([0.9, 0.8, 0.95], [0.1, 0.2, 0.3]), [1, 1]],
    ['inverted', set([0.1, 0.2], [0.8, 0.9, 0.7]), [0, 0]],
  ])('%s', (_n, sc, ci) => expect(bootstrapCi(sc)).toEqual(ci));

  it('brackets a mixed AUROC and is the same on every run', () => {
    const sc = set([0.2, 0.4, 0.6, 0.8, 0.9, 0.55], [0.1, 0.3, 0.5, 0.7, 0.45, 0.35]);
    const [lo, hi] = bootstrapCi(sc);
    expect(auroc(sc)).toBeCloseTo(26 / 36, 10);
    expect(lo).toBeLessThan(26 / 36);
    expect(hi).toBeGreaterThan(26 / 36);
    expect(hi).toBeLessThanOrEqual(1);
    expect(bootstrapCi(sc)).toEqual([lo, hi]);
    expect(bootstrapCi(set([0.5], []))).toEqual([NaN, NaN]);
  });
});
