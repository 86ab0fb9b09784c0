// Business validation of a procedure's content and of a commune's adjustments. Problems are returned as
// field path → message code (`field.<code>` in the page catalogues), all at once.
import {
  DOCUMENT_FORMS,
  LEVELS,
  type ProcedureAdjustments,
  type ProcedureContent,
  STATUTORY_KINDS,
  STEP_ROLES,
  type StatutoryTime,
  type TimeBudget,
} from './procedure.types.ts';

/**
 * Working hours in a working day: the default office hours 07:00–11:30 and 13:30–17:00 (DOMAIN.md
 * "Deadlines"). Used only to compare step budgets in hours with a statutory time in days.
 */
export const HOURS_PER_WORKING_DAY = 8;
const LOCAL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const MAX_TEXT = 500;

export type FieldProblems = Record<string, string>;

const isWhole = (n: number, min: number) => Number.isInteger(n) && n >= min && n <= 1_000_000_000;

/** The statutory time as working hours, the ceiling for the sum of the step budgets. */
export function statutoryHours(time: StatutoryTime): number {
  switch (time.kind) {
    case 'workingDays':
      return time.days * HOURS_PER_WORKING_DAY;
    case 'workingHours':
      return time.hours;
    default:
      // Same day and "immediately" are both settled within one working day.
      return HOURS_PER_WORKING_DAY;
  }
}

export function budgetHours(budget: TimeBudget): number {
  return budget.unit === 'workingDays' ? budget.amount * HOURS_PER_WORKING_DAY : budget.amount;
}

function checkText(problems: FieldProblems, path: string, value: string, isRequired = true): void {
  if (isRequired && value.trim().length === 0) {
    problems[path] = 'required';
  } else if (value.length > MAX_TEXT) {
    problems[path] = 'tooLong';
  }
}

function checkStatutoryTime(problems: FieldProblems, time: StatutoryTime): void {
  if (!(STATUTORY_KINDS as readonly string[]).includes(time.kind)) {
    problems['statutoryTime.kind'] = 'required';
    return;
  }
  if (time.kind === 'workingDays' && !isWhole(time.days, 1)) {
    problems['statutoryTime.amount'] = 'wholeNumber';
  }
  if (time.kind === 'workingHours' && !isWhole(time.hours, 1)) {
    problems['statutoryTime.amount'] = 'wholeNumber';
  }
  const cutoff = time.cutoff;
  if (cutoff?.kind === 'time' && !LOCAL_TIME.test(cutoff.after)) {
    problems['statutoryTime.cutoff'] = 'timeInvalid';
  }
  if (time.kind === 'sameDay' && !cutoff) {
    problems['statutoryTime.cutoff'] = 'required';
  }
}

function checkBudget(problems: FieldProblems, path: string, budget: TimeBudget): void {
  if (budget.unit !== 'workingDays' && budget.unit !== 'workingHours') {
    problems[`${path}.unit`] = 'required';
  }
  // Half days are common in step budgets (0.5 working day = 4 working hours).
  if (
    !Number.isFinite(budget.amount) ||
    budget.amount <= 0 ||
    Math.round(budget.amount * 2) !== budget.amount * 2
  ) {
    problems[`${path}.amount`] = 'budgetInvalid';
  }
}

/** Step budgets may not add up to more than the statutory time (Decree 118/2025: steps share the total). */
function checkBudgetTotal(
  problems: FieldProblems,
  time: StatutoryTime,
  budgets: readonly TimeBudget[],
  path: string,
): void {
  const total = budgets.reduce((sum, budget) => sum + budgetHours(budget), 0);
  if (Number.isFinite(total) && total > statutoryHours(time)) {
    problems[path] = 'budgetsExceedStatutory';
  }
}

export function validateProcedureContent(content: ProcedureContent): FieldProblems {
  const problems: FieldProblems = {};
  checkText(problems, 'name', content.name);
  checkText(problems, 'nameEn', content.nameEn, false);
  checkText(problems, 'field', content.field);
  checkText(problems, 'resultType', content.resultType);
  if (!(LEVELS as readonly string[]).includes(content.level)) {
    problems.level = 'required';
  }
  if (content.legalBasis.length === 0) {
    problems.legalBasis = 'required';
  }
  if (content.legalBasis.some((text) => text.length > MAX_TEXT)) {
    problems.legalBasis = 'tooLong';
  }
  checkStatutoryTime(problems, content.statutoryTime);
  if (content.extensionLimitDays !== null && !isWhole(content.extensionLimitDays, 1)) {
    problems.extensionLimitDays = 'wholeNumber';
  }
  if (content.documents.length === 0) {
    problems['documents.0.name'] = 'required';
  }
  content.documents.forEach((doc, i) => {
    checkText(problems, `documents.${i}.name`, doc.name);
    if (!(DOCUMENT_FORMS as readonly string[]).includes(doc.form)) {
      problems[`documents.${i}.form`] = 'required';
    }
    if (!isWhole(doc.count, 1)) {
      problems[`documents.${i}.count`] = 'wholeNumber';
    }
  });
  content.fees.forEach((fee, i) => {
    checkText(problems, `fees.${i}.name`, fee.name);
    checkText(problems, `fees.${i}.per`, fee.per, false);
    if (!isWhole(fee.amountVnd, 0)) {
      problems[`fees.${i}.amountVnd`] = 'amountInvalid';
    }
  });
  if (content.steps.length === 0) {
    problems['steps.0.name'] = 'required';
  }
  content.steps.forEach((step, i) => {
    checkText(problems, `steps.${i}.name`, step.name);
    if (!(STEP_ROLES as readonly string[]).includes(step.role)) {
      problems[`steps.${i}.role`] = 'unknownRole';
    }
    checkBudget(problems, `steps.${i}.budget`, step.budget);
  });
  if (!problems['statutoryTime.amount'] && content.steps.length > 0) {
    checkBudgetTotal(
      problems,
      content.statutoryTime,
      content.steps.map((s) => s.budget),
      'steps.0.budget.amount',
    );
  }
  return problems;
}

/** A commune may lower fees and re-divide step budgets within the statutory time, nothing else. */
export function validateAdjustments(
  content: Pick<ProcedureContent, 'fees' | 'steps' | 'statutoryTime'>,
  adjustments: ProcedureAdjustments,
): FieldProblems {
  const problems: FieldProblems = {};
  for (const fee of adjustments.fees) {
    const original = content.fees[fee.index];
    const path = `fees.${fee.index}.amountVnd`;
    if (!original) {
      problems[path] = 'unknownItem';
    } else if (!isWhole(fee.amountVnd, 0)) {
      problems[path] = 'amountInvalid';
    } else if (fee.amountVnd > original.amountVnd) {
      problems[path] = 'feeAboveProvince';
    }
  }
  const budgets = content.steps.map((s) => s.budget);
  for (const step of adjustments.stepBudgets) {
    const path = `steps.${step.index}.budget`;
    if (!content.steps[step.index]) {
      problems[`${path}.amount`] = 'unknownItem';
      continue;
    }
    checkBudget(problems, path, step.budget);
    budgets[step.index] = step.budget;
  }
  checkText(problems, 'note', adjustments.note, false);
  if (Object.keys(problems).length === 0 && budgets.length > 0) {
    checkBudgetTotal(problems, content.statutoryTime, budgets, 'steps.0.budget.amount');
  }
  return problems;
}

/** The province content with the commune's adjustments applied (validated beforehand). */
export function applyAdjustments<T extends Pick<ProcedureContent, 'fees' | 'steps'>>(
  content: T,
  adjustments: ProcedureAdjustments,
): T {
  const fees = content.fees.map((fee, i) => {
    const change = adjustments.fees.find((f) => f.index === i);
    return change ? { ...fee, amountVnd: change.amountVnd } : fee;
  });
  const steps = content.steps.map((step, i) => {
    const change = adjustments.stepBudgets.find((s) => s.index === i);
    return change ? { ...step, budget: change.budget } : step;
  });
  return { ...content, fees, steps };
}
