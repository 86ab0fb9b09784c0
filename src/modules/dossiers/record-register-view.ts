// Reads of many citizens' personal data at once by staff are events too (issue 4 §1, Law 91/2025 on
// personal data): opening a register or a list that names applicants (the result register, the
// certification register, the BM.06 tracking register, the online dossiers awaiting acceptance, the work
// queue) appends `register.viewed`. Like `dossier.viewed` it carries no personal data: which register, the
// filter asked for, the codes of the dossiers listed and their count.
import type { Db, Trx } from '../../database.ts';
import { type AuditEventInput, appendAuditEvent, auditEventInsert } from '../audit-log/append-audit-event.ts';
import type { StaffActor } from '../identity/actor.ts';

/** The registers and lists naming applicants, as the event's subject id. */
export type RegisterName =
  /** `/so-ket-qua`: results numbered and sealed by a unit in a year (Decree 30/2020 Appendix IV). */
  | 'results'
  /** `/chung-thuc`: the electronic certification register of a commune, one type and one month. */
  | 'certifications'
  /** `/thong-ke/so-theo-doi`: the BM.06 tracking register of a unit (and those below it) for a period. */
  | 'tracking'
  /** `/ho-so/truc-tuyen`: online and kiosk dossiers awaiting a receptionist (status 1). */
  | 'online-awaiting'
  /** `/ho-so/hang-doi` and `GET /api/v1/work-queues`: the dossiers on the actor's desk. */
  | 'work-queue';

export interface RegisterView {
  readonly actor: StaffActor;
  readonly requestId: string | null;
  readonly register: RegisterName;
  /** The unit whose register (or whose dossiers) was shown: the event's unit, so its auditors see it. */
  readonly unitId: string;
  /** What was asked for (year, month, kind, period, procedure): no free text typed by the staff member. */
  readonly filter: Readonly<Record<string, string | number | null>>;
  /** The codes of the dossiers listed, in the order shown (repeated codes once). */
  readonly dossierCodes: readonly string[];
}

/** Appends the view inside the caller's transaction. */
async function appendRegisterView(trx: Trx, view: RegisterView): Promise<void> {
  await appendAuditEvent(trx, registerViewEvent(view));
}

function registerViewEvent(view: RegisterView): AuditEventInput {
  const codes = [...new Set(view.dossierCodes)];
  return {
    actor: { type: 'staff', id: view.actor.staffId },
    action: 'register.viewed',
    unitId: view.unitId,
    subjectType: 'register',
    subjectId: view.register,
    requestId: view.requestId,
    details: { filter: view.filter, dossiers: codes, count: codes.length },
  };
}

/**
 * Records the view of one unit's register (a register always shows one unit's, even when empty): one
 * statement of its own, as a read changes nothing the event must commit with.
 */
export async function recordRegisterView(options: RegisterView & { readonly db: Db }): Promise<void> {
  await auditEventInsert(registerViewEvent(options)).execute(options.db);
}

/**
 * Records the view of a list spanning units (a receptionist of two centres, a leader's commune and its
 * centre): one event per unit whose dossiers it showed, so each unit's auditors see it; nothing for an
 * empty list, which showed nobody's data.
 */
export async function recordListView(options: {
  readonly db: Db;
  readonly actor: StaffActor;
  readonly requestId: string | null;
  readonly register: RegisterName;
  readonly dossiers: readonly { readonly code: string; readonly unitId: string }[];
}): Promise<void> {
  const byUnit = new Map<string, string[]>();
  for (const { code, unitId } of options.dossiers) {
    byUnit.set(unitId, [...(byUnit.get(unitId) ?? []), code]);
  }
  if (byUnit.size === 0) {
    return;
  }
  await options.db.transaction().execute(async (trx) => {
    for (const [unitId, dossierCodes] of byUnit) {
      await appendRegisterView(trx, { ...options, unitId, filter: {}, dossierCodes });
    }
  });
}
