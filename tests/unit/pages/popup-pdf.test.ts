// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { browser } from 'wxt/browser';
import { pdfItem } from '@/src/pages/popup-pdf';
import { pdfTabOf, readTabPdf } from '@/src/pages/analysis/pdf-tab';

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('popup: a PDF in the browser\'s viewer', () => {
  it('Chrome: one button, described by where the text comes from', () => {
    const item = pdfItem(7, 'en', false);
    const button = item.querySelector('button#open-pdf');
    expect(button?.textContent).toBe('Open this PDF in the analysis page');
    expect(document.body.appendChild(item).querySelector(`#${button?.getAttribute('aria-describedby')}`)?.textContent).toBe(
      'Its text is read from what the browser already downloaded; nothing is fetched again.',
    );
  });

  it('Firefox: no button (its viewer cannot be scripted), and what to do instead, in French too', () => {
    const item = pdfItem(7, 'fr', true);
    expect(item.querySelector('button')).toBeNull();
    expect(item.textContent).toBe('Le lecteur PDF intégré de Firefox ne peut pas être lu par les extensions : enregistrez le PDF, puis choisissez-le dans la page d’analyse (« Examiner un texte »).');
  });
});

describe('analysis page: the tab\'s PDF', () => {
  it.each([
    ['?pdf-tab=12', 12],
    ['?pdf-tab=0', 0],
    ['?pdf-tab=', undefined],
    ['?pdf-tab=12abc', undefined],
    ['?pdf-tab=-1', undefined],
    ['?tab=3', undefined],
    ['', undefined],
  ])('%j -> %s', (search, id) => {
    expect(pdfTabOf(search)).toBe(id);
  });

  const answer = (result: unknown) => vi.spyOn(browser.scripting, 'executeScript').mockResolvedValue([{ frameId: 0, documentId: 'd', result }] as never);

  it('the bytes come back as a PDF file named after the URL', async () => {
    const spy = answer({ name: 'essay.pdf', base64: btoa('%PDF-1.7 test') });
    const got = await readTabPdf(5);
    expect(spy).toHaveBeenCalledWith(expect.objectContaining({ target: { tabId: 5 } }));
    expect('file' in got && [got.file.name, got.file.type, await got.file.text()]).toEqual(['essay.pdf', 'application/pdf', '%PDF-1.7 test']);
  });

  it.each(['not-cached', 'local-file', 'not-pdf', 'too-large'] as const)('the tab\'s own answer %s is passed on', async (error) => {
    answer({ error });
    expect(await readTabPdf(5)).toEqual({ error });
  });

  it('a refused injection or a strange answer is no-access', async () => {
    vi.spyOn(browser.scripting, 'executeScript').mockRejectedValue(new Error('Cannot access contents of the page'));
    expect(await readTabPdf(5)).toEqual({ error: 'no-access' });
    answer(undefined);
    expect(await readTabPdf(5)).toEqual({ error: 'no-access' });
  });
});
