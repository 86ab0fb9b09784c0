// C2SP signed-note §Signatures: a note is accepted only when some known key's signature verifies.
// Signatures from unknown keys (name or key ID unknown) are ignored but kept; a known key whose signature
// fails rejects the whole note.
import { TlogError } from './errors.ts';
import { decodeBase64 } from './internal/bytes.ts';
import { isValidKeyName, type NoteVerifier } from './note-key.ts';
import { assertNoteText, type NoteSignature } from './sign-note.ts';

/** Verifiers MUST accept at least 16 signatures (signed-note §Format); more is refused as abuse. */
const MAX_SIGNATURES = 100;

export interface OpenedNote {
  readonly text: string;
  /** Signatures by the given verifiers, all verified. */
  readonly verified: readonly NoteSignature[];
  /** Signatures by keys not given, not checked. */
  readonly unverified: readonly NoteSignature[];
}

const malformed = (why: string) => new TlogError('MALFORMED_NOTE', `malformed note: ${why}`);

/** Splits a signed note into its text and signatures, checking the syntax but no signature. */
export function parseNote(note: string | Uint8Array): { text: string; signatures: NoteSignature[] } {
  let message: string;
  try {
    message = typeof note === 'string' ? note : new TextDecoder('utf-8', { fatal: true }).decode(note);
  } catch (cause) {
    throw new TlogError('MALFORMED_NOTE', 'the note is not valid UTF-8', { cause });
  }
  // The text is separated from the signatures by the last empty line.
  const split = message.lastIndexOf('\n\n');
  if (split < 0) {
    throw malformed('no blank line before the signatures');
  }
  const text = message.slice(0, split + 1);
  assertNoteText(text);
  const block = message.slice(split + 2);
  if (!block.endsWith('\n')) {
    throw malformed('the signatures must end with a newline');
  }
  const lines = block.slice(0, -1).split('\n');
  if (lines.length > MAX_SIGNATURES) {
    throw malformed(`more than ${MAX_SIGNATURES} signatures`);
  }
  const signatures = lines.map((line) => {
    const match = /^\u2014 (\S+) (\S+)$/u.exec(line);
    const bytes = match ? decodeBase64(match[2] as string) : undefined;
    if (!match || !isValidKeyName(match[1] as string) || !bytes || bytes.length < 5) {
      throw malformed(`bad signature line ${JSON.stringify(line)}`);
    }
    return {
      name: match[1] as string,
      keyId: Buffer.from(bytes).readUInt32BE(0),
      signature: bytes.subarray(4),
    };
  });
  return { text, signatures };
}

export function openNote(note: string | Uint8Array, verifiers: readonly NoteVerifier[]): OpenedNote {
  const { text, signatures } = parseNote(note);
  const message = new TextEncoder().encode(text);
  const verified: NoteSignature[] = [];
  const unverified: NoteSignature[] = [];
  for (const signature of signatures) {
    const verifier = verifiers.find((v) => v.name === signature.name && v.keyId === signature.keyId);
    if (!verifier) {
      unverified.push(signature);
      continue;
    }
    if (!verifier.verify(message, signature.signature)) {
      throw new TlogError('INVALID_SIGNATURE', `the signature of ${signature.name} does not verify`);
    }
    if (!verified.some((v) => v.name === signature.name && v.keyId === signature.keyId)) {
      verified.push(signature);
    }
  }
  if (verified.length === 0) {
    throw new TlogError('UNVERIFIED_NOTE', 'no signature by a known key');
  }
  return { text, verified, unverified };
}
