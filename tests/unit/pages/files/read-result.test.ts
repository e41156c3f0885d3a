import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ArchiveRefusal, type ArchiveProblem } from '@/src/pages/files/archive-guard';
import { fromError, READ_ERRORS, type ReadResult } from '@/src/pages/files/read-result';

const messages = (lang: string) => JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as Record<string, { message: string }>;

describe('read results', () => {
  it.each(['en', 'fr'])('every code has a message in %s, naming the file', (lang) => {
    const m = messages(lang);
    for (const code of READ_ERRORS) {
      const key = `analysis_file_${code.replace(/-/g, '_')}`;
      expect(m[key]?.message, key).toContain('$P1$');
    }
  });

  it('a size detail is a bare number, its unit in each language\'s words', () => {
    expect(messages('en').analysis_file_unpacks_too_large?.message).toContain('$P2$ MB');
    expect(messages('fr').analysis_file_unpacks_too_large?.message).toContain('$P2$ Mo');
  });

  const refusal = (reason: ArchiveProblem, limit?: number, inflated?: number) => {
    const r = new ArchiveRefusal(reason, 'part.xml', limit);
    if (inflated !== undefined) r.inflated = inflated;
    return r;
  };
  it.each<[string, unknown, ReadResult]>([
    ['archive too large', refusal('archive-too-large', 100 * 1024 * 1024), { error: 'too-large', detail: '100' }],
    ['a part too large', refusal('entry-too-large', 32 * 1024 * 1024), { error: 'unpacks-too-large', detail: '32' }],
    ['all parts too large', refusal('total-too-large', 64 * 1024 * 1024), { error: 'unpacks-too-large', detail: '64' }],
    ['more than declared', refusal('size-mismatch', 1000, 8_000_000), { error: 'false-sizes' }],
    ['less than declared', refusal('size-mismatch'), { error: 'corrupt', detail: 'docx' }],
    ['too many entries', refusal('too-many-entries', 1000), { error: 'too-many-parts', detail: '1000' }],
    ['overlapping', refusal('overlapping-entries'), { error: 'overlapping-parts' }],
    ['encrypted', refusal('encrypted'), { error: 'encrypted' }],
    ['not a zip', refusal('not-a-zip'), { error: 'corrupt', detail: 'docx' }],
    ['LZMA', refusal('unsupported-compression'), { error: 'corrupt', detail: 'docx' }],
    ['anything else', new TypeError('boom'), { error: 'unreadable', detail: 'boom' }],
  ])('%s', (_, e, expected) => {
    expect(fromError(e, 'docx')).toEqual(expected);
  });
});
