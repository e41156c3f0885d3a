// Issue 10, item 7: the sample set's group and domain names in the lab's language; other names as written.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleKey, sampleName } from '@/src/pages/lab/sample-names';
import fr from '@/public/_locales/fr/messages.json';

const sample = readFileSync(join(process.cwd(), 'assets/lab/sample-set.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Record<string, string>);

describe('sample set names', () => {
  it('every group, domain and language of the sample set has French words', () => {
    const names = new Set(sample.flatMap((i) => [i.group, i.domain, i.lang]).filter((x): x is string => !!x));
    for (const n of names) expect(Object.keys(fr), n).toContain(sampleKey(n));
  });

  it.each([
    ['non-native', 'langue non maternelle', 'non-native'],
    ['formulaic genre', 'genre codifié', 'formulaic genre'],
    ['récit personnel', 'récit personnel', 'personal account'],
    ['fr', 'français', 'French'],
    ['class 4B', 'class 4B', 'class 4B'],
    ['', '', ''],
  ])('%s -> %s (fr), %s (en)', (name, inFr, inEn) => {
    expect(sampleName(name, 'fr')).toBe(inFr);
    expect(sampleName(name, 'en')).toBe(inEn);
  });
});
