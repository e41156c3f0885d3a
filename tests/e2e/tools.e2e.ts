/**
 * The popup and the side panel lead to the teacher and workshop pages (Chromium, test build).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

describe('links to the analysis page and the lab', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it.each([
    ['popup', 'Check a text', '/analysis.html', 'Mirage Lens · Analysis'],
    ['popup', 'Workshop lab', '/lab.html', 'Mirage Lens · Workshop lab'],
    ['sidepanel', 'Check a text', '/analysis.html', 'Mirage Lens · Analysis'],
    ['sidepanel', 'Workshop lab', '/lab.html', 'Mirage Lens · Workshop lab'],
  ])('%s: "%s" opens %s', async (from, label, path, heading) => {
    const article = await h.openFixture('article-en.html');
    const tabId = await h.tabIdOf(article.url());
    const page = await h.openExtensionPage(`${from}.html?tab=${tabId}`, { width: 380, height: 600 });
    const opened = h.context.waitForEvent('page', { predicate: (p) => p.url().endsWith(path), timeout: 10_000 });
    await page.getByRole('button', { name: label }).click();
    const tool = await opened;
    await tool.waitForLoadState('domcontentloaded');
    await expect.poll(() => tool.locator('h1').first().textContent(), { timeout: 10_000 }).toContain(heading.split(' · ')[1]);
    await tool.close();
    if (!page.isClosed()) await page.close();
    await article.close();
  });
});
