// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { duplicateNotice, markDuplicates, sameTextKey } from '@/src/pages/analysis/duplicates';

describe('duplicates', () => {
  it.each([
    ['spacing and line ends', 'One text.\n\nTwo  lines.', ' One text. Two lines. '],
    ['Unicode form (é composed or not)', 'Un été.', 'Un e\u0301te\u0301.'],
  ])('the same text despite %s', (_, a, b) => {
    expect(sameTextKey(a)).toBe(sameTextKey(b));
  });

  it('a text pasted and then uploaded: the later copy names the first; both rows stay', () => {
    const items: { name: string; text: string; duplicateOf?: string }[] = [
      { name: 'Pasted text 1', text: 'My essay on bread.' },
      { name: 'other.txt', text: 'Something else.' },
      { name: 'essay.docx', text: 'My essay  on bread.\n' },
      { name: 'essay (2).docx', text: 'My essay on bread.' },
    ];
    markDuplicates(items);
    expect(items.map((i) => i.duplicateOf)).toEqual([undefined, undefined, 'Pasted text 1', 'Pasted text 1']);
    const notice = duplicateNotice(items, 'en')!;
    expect(notice.getAttribute('role')).toBe('status');
    expect([...notice.querySelectorAll('li')].map((l) => l.textContent)).toEqual([
      'essay.docx has exactly the same text as Pasted text 1.',
      'essay (2).docx has exactly the same text as Pasted text 1.',
    ]);
  });

  it('removing the first copy makes the next one the first: no notice is left for a single text', () => {
    const items: { name: string; text: string; duplicateOf?: string }[] = [{ name: 'a', text: 'Same.' }, { name: 'b', text: 'Same.' }];
    markDuplicates(items);
    expect(items[1]?.duplicateOf).toBe('a');
    const left = items.slice(1);
    markDuplicates(left);
    expect(left[0]?.duplicateOf).toBeUndefined();
    expect(duplicateNotice(left, 'fr')).toBeNull();
  });

  it('reads each text once while it stays the same, and a text whose words change is read again', () => {
    const reads = vi.spyOn(String.prototype, 'normalize');
    try {
      const items: { name: string; text: string; duplicateOf?: string }[] = [{ name: 'a', text: 'Same.' }, { name: 'b', text: 'Other.' }];
      markDuplicates(items);
      markDuplicates(items);
      expect(reads).toHaveBeenCalledTimes(2);
      items[1]!.text = 'Same.';
      markDuplicates(items);
      expect(reads).toHaveBeenCalledTimes(3);
      expect(items[1]!.duplicateOf).toBe('a');
      markDuplicates([{ name: 'alone', text: 'A text alone.' }]); // one text is not read at all
      expect(reads).toHaveBeenCalledTimes(3);
    } finally {
      reads.mockRestore();
    }
  });

  it('French notice', () => {
    const items = [{ name: 'a', text: 'Même texte.' }, { name: 'b', text: 'Même texte.' }];
    markDuplicates(items);
    expect(duplicateNotice(items, 'fr')?.querySelector('li')?.textContent).toBe("b a exactement le même texte qu'a."); // elided before a vowel
  });
});
