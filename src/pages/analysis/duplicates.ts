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

export function markDuplicates(items: readonly Item[]): void {
  const first = new Map<string, string>();
  for (const item of items) {
    const key = sameTextKey(item.text);
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
