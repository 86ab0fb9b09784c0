// C2SP signed-note §Format: the text (ending in a newline), a blank line, then one line per signature:
// em dash, space, key name, space, base64(key ID as big-endian uint32 || signature), newline.
import { TlogError } from './errors.ts';
import { encodeBase64 } from './internal/bytes.ts';
import type { NoteSigner } from './note-key.ts';

export interface NoteSignature {
  readonly name: string;
  readonly keyId: number;
  /** The signature bytes after the key ID. */
  readonly signature: Uint8Array;
}

export function formatSignatureLine(signature: NoteSignature): string {
  const bytes = Buffer.alloc(4 + signature.signature.length);
  bytes.writeUInt32BE(signature.keyId, 0);
  bytes.set(signature.signature, 4);
  return `\u2014 ${signature.name} ${encodeBase64(bytes)}\n`;
}

export function assertNoteText(text: string): void {
  if (!text.endsWith('\n')) {
    throw new TlogError('MALFORMED_NOTE', 'the note text must end with a newline');
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the rule itself is about control characters
  if (/[\u0000-\u0009\u000b-\u001f]/.test(text)) {
    throw new TlogError('MALFORMED_NOTE', 'the note text contains control characters');
  }
}

/** Signs `text` with each signer, appending to signatures already there (e.g. from a witness). */
export function signNote(
  text: string,
  signers: readonly NoteSigner[],
  extra: readonly NoteSignature[] = [],
): string {
  assertNoteText(text);
  const message = new TextEncoder().encode(text);
  const lines = signers.map((signer) =>
    formatSignatureLine({ name: signer.name, keyId: signer.keyId, signature: signer.sign(message) }),
  );
  return `${text}\n${lines.join('')}${extra.map(formatSignatureLine).join('')}`;
}
