// What a procedure (thủ tục hành chính) says, as plain JSON-compatible data (issue 6 §1). The statutory time
// is the calendar library's DeadlineRule, so intake hands it to computeDueDate unchanged.
import type { DeadlineRule } from '../../lib/calendar/index.ts';
import type { Role } from '../identity/roles.ts';

/**
 * The statutory processing time (thời hạn giải quyết) is the deadline engine's rule itself: same day with
 * the 15:00 cut-off, immediately, N working days or hours (src/lib/calendar, issue 6 §2).
 */
export type StatutoryTime = DeadlineRule;

export const STATUTORY_KINDS = ['workingDays', 'workingHours', 'sameDay', 'immediately'] as const;
export type StatutoryKind = (typeof STATUTORY_KINDS)[number];

/** A step's time budget, in working days or working hours. */
export interface TimeBudget {
  readonly unit: 'workingDays' | 'workingHours';
  readonly amount: number;
}

/** How a paper is handed in: bản chính, bản sao, bản sao có chứng thực (or copy with the original shown), shown only. */
export const DOCUMENT_FORMS = ['original', 'copy', 'certifiedCopy', 'presentOnly'] as const;
export type DocumentForm = (typeof DOCUMENT_FORMS)[number];

export interface RequiredDocument {
  readonly name: string;
  readonly form: DocumentForm;
  /** Number of copies (số lượng), at least 1. */
  readonly count: number;
  /** Whether an electronic scan is accepted for online submission. */
  readonly isScanAccepted: boolean;
}

export interface Fee {
  readonly name: string;
  /** Amount in đồng (VND), an integer ≥ 0. */
  readonly amountVnd: number;
  /** What the amount is per ("trang", "bản", "trường hợp"); empty for once per dossier. */
  readonly per: string;
}

export const LEVELS = ['commune', 'province'] as const;
export type ProcedureLevel = (typeof LEVELS)[number];

export const STEP_ROLES = [
  'receptionist',
  'specialist',
  'leader',
  'clerk',
] as const satisfies readonly Role[];
export type StepRole = (typeof STEP_ROLES)[number];

export interface ProcedureStep {
  readonly name: string;
  readonly role: StepRole;
  readonly budget: TimeBudget;
}

/** Everything a province version states. */
export interface ProcedureContent {
  readonly name: string;
  readonly nameEn: string;
  /** Lĩnh vực, e.g. "Chứng thực", "Hộ tịch". */
  readonly field: string;
  readonly level: ProcedureLevel;
  /** One legal text per entry, e.g. "Nghị định 23/2015/NĐ-CP". */
  readonly legalBasis: readonly string[];
  readonly statutoryTime: StatutoryTime;
  readonly isExtensionAllowed: boolean;
  /** The most the one extension may add, in working days (null: no limit stated). */
  readonly extensionLimitDays: number | null;
  /** Whether the clock may stop while a supplement is awaited. */
  readonly isClockStoppable: boolean;
  readonly documents: readonly RequiredDocument[];
  readonly fees: readonly Fee[];
  readonly steps: readonly ProcedureStep[];
  /** What the citizen receives, e.g. "Giấy khai sinh (bản chính)". */
  readonly resultType: string;
}

/** What a commune may change in its adoption, without touching the province's version. */
export interface ProcedureAdjustments {
  /** Lower fee amounts (e.g. exempted by a People's Council resolution), by index in the province's fees. */
  readonly fees: readonly { readonly index: number; readonly amountVnd: number }[];
  /** Step budgets by index in the province's steps; together they stay within the statutory time. */
  readonly stepBudgets: readonly { readonly index: number; readonly budget: TimeBudget }[];
  /** A note for citizens (where to submit, the resolution behind an exemption). */
  readonly note: string;
}

/** The procedure in force for one unit at one time: the province version with the commune's adjustments. */
export interface EffectiveProcedure extends ProcedureContent {
  readonly procedureId: string;
  readonly code: string;
  readonly versionId: string;
  readonly versionNo: number;
  /** First day (Vietnam date `YYYY-MM-DD`) of the province version. */
  readonly effectiveFrom: string;
  /** First day of the next province version, if one is scheduled. */
  readonly effectiveUntil: string | null;
  readonly definedBy: { readonly id: string; readonly name: string };
  /** The commune adoption applied, or null at province level. */
  readonly adoption: {
    readonly id: string;
    readonly unitId: string;
    readonly effectiveFrom: string;
    readonly adjustments: ProcedureAdjustments;
    /** False when the adjustments no longer fit the province version in force (they are then ignored). */
    readonly isApplied: boolean;
  } | null;
}
