/**
 * duplicates — texts of the set that are the same text as one added before it (spacing and Unicode form aside):
 * a text both pasted and uploaded, the same file dropped twice, or two submissions with identical text. Both rows
 * are kept (two students handing in one text is worth seeing, and it is the teacher's call); each later copy is
 * marked with the name of the first, and the page says so in a notice.
 *
 * API: `markDuplicates(items)` sets or clears `duplicateOf` on every item (call it after adding or removing);
 * `duplicateNotice(items, lang)` -> the notice, or null when there is no duplicate.
 */
import { el } from '../dom';
import type { UiLang } from '../../engine';
import { elideQue, t } from '../../shared/i18n';

interface Item {
  name: string;
  text: string;
  duplicateOf?: string;
}

/** The text as compared: NFC, any run of white space as one space, trimmed. */
export const sameTextKey = (text: string): string => text.normalize('NFC').replace(/\s+/g, ' ').trim();

/** Each item's key, kept while its text is the same string: the set is marked again after every change, and
 * normalising a 4.5 MB text takes about 0.3 s. */
const keys = new WeakMap<Item, { text: string; key: string }>();

function keyOf(item: Item): string {
  const known = keys.get(item);
  if (known?.text === item.text) return known.key;
  const key = sameTextKey(item.text);
  keys.set(item, { text: item.text, key });
  return key;
}

export function markDuplicates(items: readonly Item[]): void {
  const first = new Map<string, string>();
  for (const item of items) {
    if (items.length < 2) {
      delete item.duplicateOf; // one text is no one's copy: not worth reading it for a key
      continue;
    }
    const key = keyOf(item);
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, item.name);
      delete item.duplicateOf;
    } else item.duplicateOf = earlier;
  }
}

export function duplicateNotice(items: readonly Item[], lang: UiLang): HTMLElement | null {
  const copies = items.filter((i) => i.duplicateOf !== undefined);
  if (!copies.length) return null;
  return el('div', { class: 'notice', id: 'duplicates', role: 'status' },
    el('ul', null, copies.map((c) => el('li', null, elideQue(t('analysis_duplicate', [c.name, c.duplicateOf ?? ''], lang), lang)))),
    el('p', { class: 'muted small' }, t('analysis_duplicateHint', undefined, lang)),
  );
}
