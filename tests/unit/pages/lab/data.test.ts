// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { dataCard } from '@/src/pages/lab/data';
import { MAX_TEXT_CHARS, type Problem } from '@/src/lab/dataset';

const handlers = { load() {}, sample() {}, add() {}, clear() {} };
const problemsBox = (problems: { file: string; list: Problem[]; loaded?: number }, lang: 'en' | 'fr') => {
  const box = dataCard([], problems, lang, handlers).querySelector('#lab-problems');
  return { title: box?.querySelector('strong')?.textContent, lines: [...(box?.querySelectorAll('li') ?? [])].map((l) => l.textContent) };
};

describe('lab: problems of a file, and a failure to score', () => {
  it.each([
    ['en', { title: 'The set is loaded, but it could not be scored:', lines: ['the analysis stopped (engine worker stopped). Your set is unchanged: reload the page to try again.'] }],
    ['fr', { title: 'L’ensemble est chargé, mais n’a pas pu être analysé :', lines: ['l’analyse s’est arrêtée (engine worker stopped). Votre ensemble n’a pas changé : rechargez la page pour réessayer.'] }],
  ] as const)('a scoring failure has its own words, never "the file is empty" (%s)', (lang, expected) => {
    expect(problemsBox({ file: '', list: [{ line: 0, code: 'scoring-failed', detail: 'engine worker stopped' }] }, lang)).toEqual(expected);
  });

  it.each([
    ['en', 0, 'empty.txt could not be loaded; nothing was added:'],
    ['fr', 0, 'empty.txt n’a pas pu être chargé ; rien n’a été ajouté :'],
    ['en', 12, 'empty.txt: 1 line could not be used, nothing else was dropped:'],
  ] as const)('%s: a file that gave %d texts is titled accordingly (never "nothing else was dropped" when nothing was kept)', (lang, loaded, title) => {
    expect(problemsBox({ file: 'empty.txt', list: [{ line: 1, code: 'no-header' }], loaded }, lang).title).toBe(title);
  });

  it('an empty file still says so, under the file\'s name', () => {
    expect(problemsBox({ file: 'set.csv', list: [{ line: 0, code: 'empty-file' }] }, 'en').lines).toEqual(['the file is empty']);
  });
});

describe('lab: a chosen file is decoded as the analysis page decodes files', () => {
  /** Choose `bytes` as a file in the card's file input; resolves with what the card hands to `load`. */
  const choose = (bytes: Uint8Array<ArrayBuffer>, name: string) =>
    new Promise<{ items: { text: string; label: string; group?: string }[]; problems: Problem[] }>((done) => {
      const card = dataCard([], undefined, 'en', { ...handlers, load: (items, problems) => done({ items, problems }) });
      const input = card.querySelector<HTMLInputElement>('#lab-file')!;
      Object.defineProperty(input, 'files', { value: [new File([bytes], name)], configurable: true });
      input.dispatchEvent(new Event('change'));
    });
  const text = 'Les élèves ont écrit leurs rédactions à la maison, après la fête de Noël.';

  it('a French Excel CSV (semicolons, Windows-1252): headers and texts read with their accents', async () => {
    const csv = `texte;étiquette;groupe\r\n"${text}";humain;élève\r\n`;
    const r = await choose(Uint8Array.from([...csv].map((c) => c.charCodeAt(0))), 'classe.csv');
    expect(r.problems).toEqual([]);
    expect(r.items).toMatchObject([{ text, label: 'human', group: 'élève' }]);
  });

  it('UTF-16 with its mark (Excel\'s "Unicode text"), and UTF-8 with its mark, as before', async () => {
    const tsv = `text\tlabel\n"${text}"\thuman\n`;
    const le = Uint8Array.from([0xff, 0xfe, ...[...tsv].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    expect((await choose(le, 'set.txt')).items).toMatchObject([{ text, label: 'human' }]);
    const bom = Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(JSON.stringify({ text, label: 'machine' }))]);
    expect((await choose(bom, 'set.jsonl')).items).toMatchObject([{ text, label: 'machine' }]);
  });
});

describe('lab: a text added by hand', () => {
  const submit = (length: number, lang: 'en' | 'fr' = 'en') => {
    const added: unknown[] = [];
    const card = dataCard([], undefined, lang, { ...handlers, add: (item) => void added.push(item) });
    document.body.replaceChildren(card);
    card.querySelector<HTMLTextAreaElement>('#lab-new-text')!.value = 'word '.repeat(Math.ceil(length / 5)).slice(0, length);
    card.querySelector<HTMLFormElement>('form.build')!.dispatchEvent(new Event('submit', { cancelable: true }));
    return { added, status: card.querySelector('#lab-build-status')?.textContent ?? '' };
  };

  it('is added within the per-text limit that files have', () => {
    expect(submit(MAX_TEXT_CHARS).added).toHaveLength(1);
  });

  it.each([
    ['en', 'This text is longer than 100,000 characters, the most the lab takes for one text (as in a file); it was not added.'],
    ['fr', 'Ce texte dépasse 100\u202f000 caractères, le maximum que l’atelier accepte pour un texte (comme dans un fichier) ; il n’a pas été ajouté.'],
  ] as const)('past it, is not added, and the form says why in one line (%s)', (lang, line) => {
    const r = submit(MAX_TEXT_CHARS + 1, lang);
    expect(r.added).toEqual([]);
    expect(r.status).toBe(line);
  });
});
