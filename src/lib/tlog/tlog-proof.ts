// C2SP tlog-proof: a self-contained proof that an entry is in the log, checkable offline with the log's
// verifier key alone. Lines: `c2sp.org/tlog-proof@v1`, optional `extra <base64>`, `index <n>`, the
// inclusion proof (one base64 hash a line, from the leaf's sibling up), an empty line, then the signed
// checkpoint verbatim.
import { type Checkpoint, parseCheckpoint } from './checkpoint.ts';
import { TlogError } from './errors.ts';
import { leafHash } from './hashes.ts';
import { decodeBase64, decodeHash, encodeBase64, parseDecimal } from './internal/bytes.ts';
import type { NoteVerifier } from './note-key.ts';
import { type OpenedNote, openNote } from './open-note.ts';
import { verifyInclusion } from './verify-inclusion.ts';

export const TLOG_PROOF_HEADER = 'c2sp.org/tlog-proof@v1';

export interface TlogProof {
  readonly index: number;
  readonly proof: readonly Uint8Array[];
  /** The signed checkpoint note, verbatim. */
  readonly checkpoint: string;
  /** Opaque, unauthenticated application data. */
  readonly extra?: Uint8Array | undefined;
}

export function formatTlogProof(proof: TlogProof): string {
  const lines = [TLOG_PROOF_HEADER];
  if (proof.extra !== undefined) {
    lines.push(`extra ${encodeBase64(proof.extra)}`);
  }
  lines.push(`index ${proof.index}`, ...proof.proof.map(encodeBase64));
  return `${lines.join('\n')}\n\n${proof.checkpoint}`;
}

const malformed = (why: string) => new TlogError('MALFORMED_TLOG_PROOF', `malformed tlog-proof: ${why}`);

export function parseTlogProof(text: string): TlogProof {
  const blank = text.indexOf('\n\n');
  if (blank < 0) {
    throw malformed('no empty line before the checkpoint');
  }
  const head = text.slice(0, blank).split('\n');
  const checkpoint = text.slice(blank + 2);
  let line = 0;
  if (head[line++] !== TLOG_PROOF_HEADER) {
    throw malformed(`the first line must be ${TLOG_PROOF_HEADER}`);
  }
  let extra: Uint8Array | undefined;
  if (head[line]?.startsWith('extra ')) {
    extra = decodeBase64((head[line++] as string).slice(6));
    if (!extra) {
      throw malformed('bad extra data');
    }
  }
  const indexLine = head[line++] ?? '';
  const index = indexLine.startsWith('index ') ? parseDecimal(indexLine.slice(6)) : undefined;
  if (index === undefined) {
    throw malformed('missing or bad index line');
  }
  const proof = head.slice(line).map((hash, i) => {
    try {
      return decodeHash(hash, `proof line ${i + 1}`);
    } catch (cause) {
      throw new TlogError('MALFORMED_TLOG_PROOF', `malformed tlog-proof: bad hash line ${i + 1}`, { cause });
    }
  });
  if (proof.length > 63) {
    throw malformed('too many proof lines');
  }
  return { index, proof, checkpoint, extra };
}

export interface VerifiedTlogProof {
  readonly index: number;
  readonly checkpoint: Checkpoint;
  readonly note: OpenedNote;
  readonly extra: Uint8Array | undefined;
}

/**
 * Checks a proof file offline: the checkpoint is signed by one of `verifiers` (the log key, and any
 * witnesses the caller trusts), carries `origin`, and the entry is at `index` in its tree.
 */
export function verifyTlogProof(options: {
  proof: string;
  entry: Uint8Array;
  origin: string;
  verifiers: readonly NoteVerifier[];
}): VerifiedTlogProof {
  const parsed = parseTlogProof(options.proof);
  const note = openNote(parsed.checkpoint, options.verifiers);
  const checkpoint = parseCheckpoint(note.text);
  if (checkpoint.origin !== options.origin) {
    throw new TlogError(
      'MALFORMED_CHECKPOINT',
      `the checkpoint is from ${checkpoint.origin}, not ${options.origin}`,
    );
  }
  verifyInclusion({
    index: parsed.index,
    size: checkpoint.size,
    leafHash: leafHash(options.entry),
    proof: parsed.proof,
    rootHash: checkpoint.rootHash,
  });
  return { index: parsed.index, checkpoint, note, extra: parsed.extra };
}
