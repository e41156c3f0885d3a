/**
 * devset — reads labelled JSON lines ({id, text, label, lang?, domain?, source?, generator?}) for the Node scripts.
 * Node only (uses fs). The dev set lives beside the repository at ../shared/data/dev.jsonl and is never copied in.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

export interface LabelledText {
  id: string;
  text: string;
  label: 'human' | 'machine';
  lang: string;
  domain: string;
  source?: string;
  generator?: string;
}

const here = dirname(fileURLToPath(import.meta.url));
export const DEV_SET = resolve(here, '../../../shared/data/dev.jsonl');

export function devSetAvailable(path = DEV_SET): boolean {
  return existsSync(path);
}

export function loadLabelled(path = DEV_SET): LabelledText[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const o = JSON.parse(l) as { id: unknown; text: unknown; label: LabelledText['label']; lang?: string; domain?: string; source?: string; generator?: string };
      return { id: String(o.id), text: String(o.text), label: o.label, lang: o.lang ?? 'und', domain: o.domain ?? 'unknown', source: o.source, generator: o.generator };
    });
}
