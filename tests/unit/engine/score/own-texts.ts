// Loads the texts the developers wrote for the tests (tests/fixtures/own-texts.jsonl; see its README).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface OwnText {
  id: string;
  lang: 'en' | 'fr';
  label: 'human-style' | 'machine';
  group: 'learner-style' | 'assistant-2026' | 'plain-human-style';
  text: string;
}

export const OWN_TEXTS: OwnText[] = readFileSync(fileURLToPath(new URL('../../../fixtures/own-texts.jsonl', import.meta.url)), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as OwnText);

export const byGroup = (g: OwnText['group']) => OWN_TEXTS.filter((t) => t.group === g);
