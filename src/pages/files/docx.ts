/**
 * docx — the text of a Word .docx, read in the file worker: guarded first, then mammoth.
 *
 * How: the archive guard (DOCUMENT_LIMITS) inflates only the parts mammoth's raw-text reader uses (every `.xml` and
 * `.rels`; images are never inflated), checking declared and real sizes; those parts are packed again, stored, into a
 * new zip that mammoth (`extractRawText`) reads. Mammoth never sees the original file, so no part can unpack to more
 * than the guard allowed, whatever the file declares. Paragraphs come out one per block (`tidy`).
 *
 * API: `readDocx(bytes)` -> ReadResult. Also refused by name: an old binary Word file (.doc, or a .docx that is one)
 * -> `unsupported-type` 'doc'; a password-protected Word file (an OLE container holding `EncryptedPackage`) ->
 * `encrypted`.
 * Limits: DOCUMENT_LIMITS (archive-guard.ts). Text in text boxes and tables comes with the body; footnotes, comments
 * and headers are left out (mammoth's raw text).
 */
import { zipSync, type Zippable } from 'fflate';
import { DOCUMENT_LIMITS, readZip } from './archive-guard';
import { tidy } from './plain-text';
import { fromError, textOrEmpty, type ReadResult } from './read-result';

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** An OLE compound file (old .doc, or an encrypted Office file): which one. */
export function oleKind(bytes: Uint8Array): 'encrypted' | 'doc' | undefined {
  if (bytes.length < 8 || OLE_SIGNATURE.some((b, i) => bytes[i] !== b)) return undefined;
  // The stream name "EncryptedPackage" in UTF-16LE, in the compound file's directory.
  const needle = [...'EncryptedPackage'].flatMap((c) => [c.charCodeAt(0), 0]);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let k = 0; k < needle.length; k++) if (bytes[i + k] !== needle[k]) continue outer;
    return 'encrypted';
  }
  return 'doc';
}

export async function readDocx(bytes: Uint8Array): Promise<ReadResult> {
  const ole = oleKind(bytes);
  if (ole === 'encrypted') return { error: 'encrypted' };
  if (ole === 'doc') return { error: 'unsupported-type', detail: 'doc' };
  let parts: Map<string, Uint8Array>;
  try {
    parts = readZip(bytes, DOCUMENT_LIMITS, (e) => /\.(xml|rels)$/i.test(e.name));
  } catch (e) {
    return fromError(e, 'docx');
  }
  const stored: Zippable = {};
  for (const [name, data] of parts) stored[name] = [data, { level: 0 }];
  const repacked = zipSync(stored);
  try {
    const mammothModule = await import('mammoth');
    const mammoth = mammothModule.default ?? mammothModule;
    // `arrayBuffer` is what mammoth's browser build reads; its Node build (the unit tests) reads `buffer`.
    const input = { arrayBuffer: repacked.buffer, buffer: repacked.buffer };
    const result = await mammoth.extractRawText(input);
    return textOrEmpty(tidy(result.value));
  } catch {
    // Mammoth's errors ("Could not find main document part", XML errors) all mean: not a readable .docx.
    return { error: 'corrupt', detail: 'docx' };
  }
}
