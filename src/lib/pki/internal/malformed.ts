/** Runs a reader; any failure that is not already a PkiError becomes PkiError('MALFORMED_INPUT'). */
import { PkiError } from '../errors.ts';

export function readingAs<T>(what: string, read: () => T): T {
  try {
    return read();
  } catch (cause) {
    if (cause instanceof PkiError) {
      throw cause;
    }
    throw new PkiError('MALFORMED_INPUT', `not a readable ${what}`, { cause });
  }
}
