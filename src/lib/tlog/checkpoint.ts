// C2SP tlog-checkpoint: the note text `<origin>\n<size>\n<base64 root hash>\n` followed by optional
// extension lines; signed as a signed note by the log.
import { TlogError } from './errors.ts';
import { assertHash, decodeBase64, encodeBase64, parseDecimal } from './internal/bytes.ts';
import { assertSize } from './internal/ranges.ts';

export interface Checkpoint {
  /** Unique identity of the log, e.g. `xaso.example.gov.vn/log` (no scheme, no trailing slash). */
  readonly origin: string;
  readonly size: number;
  readonly rootHash: Uint8Array;
  /** Extension lines, without their newline; each non-empty. */
  readonly extensions: readonly string[];
}

const malformed = (why: string) => new TlogError('MALFORMED_CHECKPOINT', `malformed checkpoint: ${why}`);

export function formatCheckpoint(checkpoint: Checkpoint): string {
  assertSize('size', checkpoint.size);
  assertHash('rootHash', checkpoint.rootHash);
  if (!checkpoint.origin || /[\n]/.test(checkpoint.origin)) {
    throw malformed('the origin must be one non-empty line');
  }
  if (checkpoint.extensions.some((line) => line === '' || line.includes('\n'))) {
    throw malformed('extension lines must be non-empty single lines');
  }
  const lines = [checkpoint.origin, String(checkpoint.size), encodeBase64(checkpoint.rootHash)];
  return `${[...lines, ...checkpoint.extensions].join('\n')}\n`;
}

/** Parses a checkpoint note text (the part before the signatures), e.g. openNote(...).text. */
export function parseCheckpoint(text: string): Checkpoint {
  if (!text.endsWith('\n')) {
    throw malformed('it must end with a newline');
  }
  const lines = text.slice(0, -1).split('\n');
  const [origin, sizeLine, rootLine, ...extensions] = lines;
  if (!origin || sizeLine === undefined || rootLine === undefined) {
    throw malformed('it needs an origin, a size and a root hash line');
  }
  const size = parseDecimal(sizeLine);
  if (size === undefined) {
    throw malformed(`bad size ${JSON.stringify(sizeLine)}`);
  }
  const rootHash = decodeBase64(rootLine);
  if (rootHash?.length !== 32) {
    throw malformed('bad root hash');
  }
  if (extensions.some((line) => line === '')) {
    throw malformed('empty extension line');
  }
  return { origin, size, rootHash, extensions };
}
