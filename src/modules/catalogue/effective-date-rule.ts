import { AppError } from '../../platform/errors.ts';
import type { FieldProblems } from './validate-procedure.ts';
import { isIsoDate, vietnamDate } from './vietnam-date.ts';

/**
 * An effective date must be a real date and, for staff, not before today (Vietnam time): a dossier
 * already received keeps the rules it was received under. The system (demo seed, imports) may backdate.
 */
export function checkEffectiveFrom(
  problems: FieldProblems,
  effectiveFrom: string,
  options: { isStaff: boolean; now: Date },
): void {
  if (!isIsoDate(effectiveFrom)) {
    problems.effectiveFrom = 'dateInvalid';
  } else if (options.isStaff && effectiveFrom < vietnamDate(options.now)) {
    problems.effectiveFrom = 'effectiveFromPast';
  }
}

export function throwIfProblems(problems: FieldProblems, message: string): void {
  if (Object.keys(problems).length > 0) {
    throw new AppError('VALIDATION_FAILED', message, { fields: problems });
  }
}
