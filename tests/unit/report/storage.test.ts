import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { countUnreadable, deleteAllSaved, deleteSaved, getSaved, listSaved, saveReport, SAVED_PREFIX } from '@/src/report/storage';
import { openAnalysisPage, PENDING_KEY, PENDING_TTL_MS, takePendingAnalysis } from '@/src/shared/open-pages';
import type { TeacherReport } from '@/src/report/teacher';

const report = (title: string) => ({ schema: 'mirage-lens/teacher-report@1', title, lang: 'en', score: 0.4, fingerprint: { sha256: 'ab'.repeat(32), words: 300 } }) as unknown as TeacherReport;

describe('saved reports', () => {
  beforeEach(() => fakeBrowser.reset());

  it('stores nothing until saved, then lists newest first', async () => {
    expect(await listSaved()).toEqual([]);
    const a = await saveReport(report('a'), new Date('2026-01-01'));
    const b = await saveReport(report('b'), new Date('2026-02-01'));
    expect((await listSaved()).map((s) => s.report.title)).toEqual(['b', 'a']);
    expect((await getSaved(a.id))!.report.title).toBe('a');
    expect(b.id).not.toBe(a.id);
  });

  it('uses storage.local, never sync', async () => {
    await saveReport(report('a'));
    expect(Object.keys(await fakeBrowser.storage.sync.get(null))).toEqual([]);
    expect(Object.keys(await fakeBrowser.storage.local.get(null))[0]!.startsWith(SAVED_PREFIX)).toBe(true);
  });

  it('deletes one, then all, and leaves other keys alone', async () => {
    await fakeBrowser.storage.local.set({ other: 1 });
    const a = await saveReport(report('a'));
    await saveReport(report('b'));
    await saveReport(report('c'));
    await deleteSaved(a.id);
    expect((await listSaved()).map((s) => s.report.title).sort()).toEqual(['b', 'c']);
    expect(await deleteAllSaved()).toBe(2);
    expect(await listSaved()).toEqual([]);
    expect(await fakeBrowser.storage.local.get('other')).toEqual({ other: 1 });
  });
});

describe('saved reports this version cannot read', () => {
  beforeEach(() => fakeBrowser.reset());

  // what storage.local may hold under the prefix: an older report shape, a damaged entry, junk written by hand
  const unreadable: [string, unknown][] = [
    ['an older shape', { id: 'old', savedAt: '2026-01-01T00:00:00Z', report: { title: 'old', score: 0.5 } }],
    ['another schema', { id: 'v2', savedAt: '2026-01-01T00:00:00Z', report: { ...report('v2'), schema: 'mirage-lens/teacher-report@2' } }],
    ['no fingerprint', { id: 'nf', savedAt: '2026-01-01T00:00:00Z', report: { ...report('nf'), fingerprint: null } }],
    ['a string', 'junk'],
    ['a number', 42],
  ];
  it.each(unreadable)('%s is not listed, is counted, and "delete all" removes it', async (_what, value) => {
    await saveReport(report('kept'));
    await fakeBrowser.storage.local.set({ [`${SAVED_PREFIX}x`]: value, other: 1 });
    expect((await listSaved()).map((s) => s.report.title)).toEqual(['kept']);
    expect(await countUnreadable()).toBe(1);
    expect(await deleteAllSaved()).toBe(2);
    expect(await countUnreadable()).toBe(0);
    expect(await fakeBrowser.storage.local.get('other')).toEqual({ other: 1 });
  });
});

describe('openAnalysisPage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('hands the text over through storage.session, not the URL, and it can be taken once', async () => {
    await openAnalysisPage({ text: 'Selected words', source: 'selection' });
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.at(-1)!.url).toMatch(/\/analysis\.html$/);
    expect(tabs.at(-1)!.url).not.toContain('Selected');
    const taken = await takePendingAnalysis();
    expect(taken!.text).toBe('Selected words');
    expect(await takePendingAnalysis()).toBeUndefined();
  });

  it('ignores a stale hand-over', async () => {
    await fakeBrowser.storage.session.set({ [PENDING_KEY]: { text: 'old', createdAt: Date.now() - PENDING_TTL_MS - 1 } });
    expect(await takePendingAnalysis()).toBeUndefined();
  });
});
