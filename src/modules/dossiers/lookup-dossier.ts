import { timingSafeEqual } from 'node:crypto';
import type { DbExecutor } from '../../database.ts';
import { AppError } from '../../platform/errors.ts';
import type { CitizenActor } from '../citizen-identity/citizen-actor.ts';
import { findDossierWithTimeline } from './dossier.repository.ts';
import { DOSSIER_CODE_PATTERN } from './dossier-code.ts';
import { type DossierStatus, dossierStatusLabel } from './dossier-status.ts';

/** What the public sees of a dossier (issue 6 §5): no personal data at all. */
export interface PublicDossierView {
  readonly code: string;
  readonly procedureCode: string;
  readonly procedureName: string;
  readonly receivedAt: string;
  readonly dueAt: string | null;
  readonly derivation: { readonly vi: string; readonly en: string } | null;
  readonly status: DossierStatus;
  readonly statusLabel: { readonly vi: string; readonly en: string };
  readonly timeline: readonly {
    readonly status: DossierStatus;
    readonly at: string;
    readonly label: { readonly vi: string; readonly en: string };
  }[];
}

const NOT_FOUND_MESSAGE = 'Không tìm thấy hồ sơ với mã và số điện thoại này.';

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a.padEnd(8, ' '));
  const right = Buffer.from(b.padEnd(8, ' '));
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * The public view of a dossier, by its code plus the last 4 digits of the applicant's phone, or for the
 * signed-in citizen whose personal identifier is the applicant's. A wrong code, a wrong phone and a
 * malformed code all end in the same NOT_FOUND with the same message (no enumeration, issue 6 §5); the
 * database is asked in every case (one query with the timeline), so the time taken is alike too.
 */
export async function lookupDossier(options: {
  db: DbExecutor;
  code: string;
  phoneLast4?: string | undefined;
  citizen?: CitizenActor | null;
}): Promise<PublicDossierView> {
  const code = options.code.trim().toUpperCase();
  const dossier = await findDossierWithTimeline(options.db, DOSSIER_CODE_PATTERN.test(code) ? code : '');
  const phone = (options.phoneLast4 ?? '').trim();
  const isApplicant =
    dossier !== undefined &&
    options.citizen?.personalIdentifier != null &&
    options.citizen.personalIdentifier === dossier.applicant_identifier;
  const isPhoneRight =
    /^\d{4}$/.test(phone) && sameText(dossier?.applicant_phone_digits.slice(-4) ?? '----', phone);
  if (!dossier || !(isApplicant || isPhoneRight)) {
    throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE);
  }
  const labels = (status: DossierStatus) => ({
    vi: dossierStatusLabel(status, 'vi'),
    en: dossierStatusLabel(status, 'en'),
  });
  return {
    code: dossier.code,
    procedureCode: dossier.procedure_code,
    procedureName: dossier.procedure_name,
    receivedAt: dossier.received_at,
    dueAt: dossier.due_at,
    derivation:
      dossier.derivation_vi && dossier.derivation_en
        ? { vi: dossier.derivation_vi, en: dossier.derivation_en }
        : null,
    status: dossier.status,
    statusLabel: labels(dossier.status),
    timeline: dossier.timeline.map((event) => ({
      status: event.status,
      at: event.at,
      label: labels(event.status),
    })),
  };
}
