// C2SP tlog-witness §add-checkpoint: the request body is `old <size>\n`, the consistency proof (one base64
// hash a line, at most 63), an empty line, then the signed checkpoint. A 409 answer carries the witness's
// latest size (Content-Type text/x.tlog.size); a 200 answer is one or more cosignature lines.
import { TlogError } from './errors.ts';
import { decodeHash, encodeBase64, parseDecimal } from './internal/bytes.ts';

export interface AddCheckpointRequest {
  readonly oldSize: number;
  readonly proof: readonly Uint8Array[];
  /** The signed checkpoint note. */
  readonly checkpoint: string;
}

const malformed = (why: string) =>
  new TlogError('MALFORMED_WITNESS_MESSAGE', `malformed witness message: ${why}`);

export function formatAddCheckpoint(request: AddCheckpointRequest): string {
  if (request.proof.length > 63) {
    throw malformed('more than 63 proof lines');
  }
  const lines = [`old ${request.oldSize}`, ...request.proof.map(encodeBase64)];
  return `${lines.join('\n')}\n\n${request.checkpoint}`;
}

export function parseAddCheckpoint(body: string): AddCheckpointRequest {
  const blank = body.indexOf('\n\n');
  if (blank < 0) {
    throw malformed('no empty line before the checkpoint');
  }
  const [oldLine = '', ...proofLines] = body.slice(0, blank).split('\n');
  const oldSize = oldLine.startsWith('old ') ? parseDecimal(oldLine.slice(4)) : undefined;
  if (oldSize === undefined) {
    throw malformed('bad old size line');
  }
  if (proofLines.length > 63) {
    throw malformed('more than 63 proof lines');
  }
  let proof: Uint8Array[];
  try {
    proof = proofLines.map((line, i) => decodeHash(line, `proof line ${i + 1}`));
  } catch (cause) {
    throw new TlogError('MALFORMED_WITNESS_MESSAGE', 'malformed witness message: bad proof line', { cause });
  }
  return { oldSize, proof, checkpoint: body.slice(blank + 2) };
}

/** The body of a 409 answer: the witness's latest cosigned size. */
export function parseWitnessSize(body: string): number {
  const size = body.endsWith('\n') ? parseDecimal(body.slice(0, -1)) : undefined;
  if (size === undefined) {
    throw malformed('bad size in a 409 answer');
  }
  return size;
}
