// A dossier as certification sees it (issue 7 §3): received at a commune's one-stop centre or at the commune
// itself, certified by the commune (the deciding body: its officers, its chairman, its seal, its register).
// Staff with a dossier or certification right on either unit may see it, and the citizen it belongs to.
import type { DbExecutor } from '../../database.ts';
import { AppError } from '../../platform/errors.ts';
import { findCatalogueUnits } from '../catalogue/catalogue-units.ts';
import { findDossierByCode } from '../dossiers/dossier.repository.ts';
import type { Dossier } from '../dossiers/dossier.table.ts';
import { type DossierViewer, isCitizensDossier } from '../dossiers/get-viewable-dossier.ts';
import { can, type Permission } from '../identity/permissions.ts';
import type { Unit } from '../organisation/unit.table.ts';

const STAFF_VIEW: readonly Permission[] = [
  'dossier.receive',
  'dossier.process',
  'certification.read',
  'document.sign',
  'document.seal',
];

export interface CertificationDossier {
  readonly dossier: Dossier;
  /** The commune or ward that certifies: the deciding body of the receiving unit. */
  readonly certifyingUnit: Unit;
}

/** @throws AppError NOT_FOUND (no such dossier, or not one this viewer may see) */
export async function loadCertificationDossier(options: {
  readonly db: DbExecutor;
  readonly viewer: DossierViewer;
  readonly code: string;
}): Promise<CertificationDossier> {
  const dossier = await findDossierByCode(options.db, options.code.trim().toUpperCase());
  const units = dossier ? await findCatalogueUnits(options.db, dossier.unit_id) : undefined;
  if (!dossier || !units) {
    throw new AppError('NOT_FOUND', 'No such dossier.');
  }
  const certifyingUnit = units.adopter ?? units.unit;
  const { viewer } = options;
  const mayView =
    viewer.kind === 'citizen'
      ? isCitizensDossier(viewer, dossier)
      : [units.unit, certifyingUnit].some((unit) => STAFF_VIEW.some((p) => can(viewer, p, unit)));
  if (!mayView) {
    throw new AppError('NOT_FOUND', 'No such dossier.');
  }
  return { dossier, certifyingUnit };
}
