import { describe, expect, it } from 'vitest';
import { detectLanguage } from '@/src/engine/text/language';
import { languageName } from '@/src/engine/explain/language-names';

describe('detectLanguage', () => {
  it.each([
    ['English prose', 'The committee met on Thursday to discuss the new budget, but no decision was reached before the end of the day.', 'en'],
    ['French prose', "Le comité s'est réuni jeudi pour discuter du nouveau budget, mais aucune décision n'a été prise avant la fin de la journée.", 'fr'],
    ['German prose', 'Der Ausschuss traf sich am Donnerstag, um den neuen Haushalt zu besprechen, aber bis zum Ende des Tages wurde keine Entscheidung getroffen.', 'deu'],
    ['too short to tell', 'Hello there.', 'und'],
    ['no letters', '1234 5678 !!! ---- 9999 0000 1111 2222 3333 4444 5555 6666 7777', 'und'],
  ])('%s', (_n, text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it('names languages in both UI languages', () => {
    expect(languageName('fr', 'en')).toBe('French');
    expect(languageName('deu', 'fr')).toBe('allemand');
    expect(languageName('xyz', 'en')).toBe('xyz');
  });
});
