// The popup names the panel as each browser does: Chrome's side panel, Firefox's sidebar (the Firefox audit, H25).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { panelKey } from '@/src/pages/tab';

const catalogue = (lang: string) => JSON.parse(readFileSync(join(process.cwd(), `public/_locales/${lang}/messages.json`), 'utf8')) as Record<string, { message: string }>;

describe('the panel, named as the browser names it', () => {
  it.each([
    ['en', false, 'Open the side panel'],
    ['en', true, 'Open the sidebar'],
    ['fr', false, 'Ouvrir le panneau latéral'],
    ['fr', true, 'Ouvrir la barre latérale'],
  ] as const)('%s, Firefox %s: "%s"', (lang, firefox, words) => {
    expect(catalogue(lang)[panelKey(firefox)]!.message).toBe(words);
  });
});
