import { describe, expect, it } from 'vitest';
import { detectLanguage, MIN_LANG_TYPES } from '@/src/engine/text/language';
import { languageName } from '@/src/engine/explain/language-names';
import { analyse } from '@/src/engine';

describe('detectLanguage', () => {
  it.each([
    ['English prose', 'The committee met on Thursday to discuss the new budget, but no decision was reached before the end of the day.', 'en'],
    ['French prose', "Le comité s'est réuni jeudi pour discuter du nouveau budget, mais aucune décision n'a été prise avant la fin de la journée.", 'fr'],
    ['German prose', 'Der Ausschuss traf sich am Donnerstag, um den neuen Haushalt zu besprechen, aber bis zum Ende des Tages wurde keine Entscheidung getroffen.', 'deu'],
    ['too short to tell', 'Hello there.', 'und'],
    ['no letters', '1234 5678 !!! ---- 9999 0000 1111 2222 3333 4444 5555 6666 7777', 'und'],
    // a few words repeated are no evidence of a language (franc answered Dutch and Italian for these)
    ['one word repeated', 'word '.repeat(2000), 'und'],
    ['two words split by an invisible space, repeated', 'in\u200Bvisible '.repeat(400), 'und'],
    ['four words repeated', 'the cat sat down '.repeat(100), 'und'],
    ['five words repeated: prose enough to tell', 'the cat sat on mats '.repeat(100), 'en'],
  ])('%s', (_n, text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it('a text of one word repeated is of undetermined language for the whole engine, not scored', () => {
    expect(MIN_LANG_TYPES).toBe(5);
    const r = analyse('word '.repeat(20000));
    expect(r.status).toBe('undetermined-language');
    expect(r.score).toBeNull();
  });

  it('names languages in both UI languages', () => {
    expect(languageName('fr', 'en')).toBe('French');
    expect(languageName('deu', 'fr')).toBe('allemand');
    expect(languageName('xyz', 'en')).toBe('xyz');
  });
});
