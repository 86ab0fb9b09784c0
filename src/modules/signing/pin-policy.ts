import { randomInt } from 'node:crypto';
import { AppError } from '../../platform/errors.ts';

/** Issue 5 §2: a PIN is at least 6 digits (and at most 12, what a phone keypad comfortably takes). */
export const PIN_PATTERN = /^[0-9]{6,12}$/;
/** Five wrong PINs in a row lock the credential until a unit administrator unlocks it. */
export const MAX_WRONG_PINS = 5;

export function assertPinPolicy(pin: string, field = 'pin'): void {
  if (!PIN_PATTERN.test(pin)) {
    throw new AppError('VALIDATION_FAILED', 'A PIN is 6 to 12 digits.', { fields: { [field]: 'pinFormat' } });
  }
}

/** A random 8-digit activation PIN handed to the holder, who replaces it with their own. */
export function newActivationPin(): string {
  return String(randomInt(0, 100_000_000)).padStart(8, '0');
}
