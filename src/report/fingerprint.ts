/**
 * fingerprint — identify a text in a teacher report without keeping the text: SHA-256 of its UTF-8 bytes (hex),
 * with its word and character counts.
 *
 * When to use: the teacher report, saved items. The hash is of the exact string analysed (no normalisation), so the
 * same file pasted again gives the same hash, and any edit gives another one. Uses `crypto.subtle` (extension pages,
 * Node >= 20).
 */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The first 12 hex digits, grouped for reading aloud or comparing by eye ("3f2a 9c01 7b44"). */
export function shortHash(hex: string): string {
  return (hex.slice(0, 12).match(/.{1,4}/g) ?? []).join(' ');
}
