// A certification dossier as the officer's page shows it (issue 7 §3): the dossier, its register entries,
// whether this actor may certify a paper now, and the chairman / vice-chairmen who may sign.
import type { DbExecutor } from '../../database.ts';
import type { Dossier } from '../dossiers/dossier.table.ts';
import { recordDossierView } from '../dossiers/record-dossier-view.ts';
import type { StaffActor } from '../identity/actor.ts';
import { can } from '../identity/permissions.ts';
import type { Unit } from '../organisation/unit.table.ts';
import type { SignatureRequestState } from '../signature-requests/signature-request.table.ts';
import { listUnitSigners, type UnitSigner } from '../signing/find-signing-credential.ts';
import type { Certification } from './certification.table.ts';
import { type CertificationKind, certificationKindOf } from './certification-kind.ts';
import { loadCertificationDossier } from './load-certification-dossier.ts';

export interface DossierCertifications {
  readonly dossier: Dossier;
  readonly unit: Unit;
  readonly kind: CertificationKind | undefined;
  readonly certifications: DossierPaper[];
  readonly canCertify: boolean;
  readonly signers: UnitSigner[];
}

/** A paper of the dossier with the state of its signature request (returned, cancelled: its number is void). */
export type DossierPaper = Certification & { readonly request_state: SignatureRequestState };

export function listCertificationsOfDossier(db: DbExecutor, dossierId: string): Promise<DossierPaper[]> {
  return db
    .selectFrom('certifications as c')
    .innerJoin('signature_requests as r', 'r.id', 'c.signature_request_id')
    .selectAll('c')
    .select('r.state as request_state')
    .where('c.dossier_id', '=', dossierId)
    .orderBy('c.certified_at')
    .execute();
}

/**
 * The page names the applicant and the requesters: a `dossier.viewed` event (issue 4 §1).
 * @throws AppError NOT_FOUND (no such dossier, or not one of the actor's unit)
 */
export async function getDossierCertifications(options: {
  readonly db: DbExecutor;
  readonly actor: StaffActor;
  readonly code: string;
  readonly requestId: string | null;
  readonly now?: Date;
}): Promise<DossierCertifications> {
  const { dossier, certifyingUnit: unit } = await loadCertificationDossier({
    ...options,
    viewer: options.actor,
  });
  await recordDossierView({ ...options, dossier, kind: 'certifications' });
  const kind = certificationKindOf(dossier.procedure_code);
  const canCertify =
    kind !== undefined &&
    (dossier.status === 2 || dossier.status === 4) &&
    can(options.actor, 'certification.certify', unit);
  return {
    dossier,
    unit,
    kind,
    certifications: await listCertificationsOfDossier(options.db, dossier.id),
    canCertify,
    signers: canCertify ? await listUnitSigners(options.db, unit.id, options.now ?? new Date()) : [],
  };
}
