// The admin view of the catalogue (issue 6 §1.3): for one unit, the procedures with their current and
// upcoming versions (province) or adoptions (commune).
import type { Db } from '../../database.ts';
import { AppError } from '../../platform/errors.ts';
import type { StaffActor } from '../identity/actor.ts';
import { assertCan } from '../identity/permissions.ts';
import type { Unit } from '../organisation/unit.table.ts';
import { findCatalogueUnits, isAdopterKind } from './catalogue-units.ts';
import { listAdoptions, listProceduresOfUnit, listVersionsOfUnit } from './procedure.repository.ts';
import type { Procedure, ProcedureAdoption, ProcedureVersion } from './procedure.table.ts';
import { vietnamDate } from './vietnam-date.ts';

export interface AdminProcedureRow {
  readonly procedure: Procedure;
  readonly current: ProcedureVersion | undefined;
  readonly upcoming: ProcedureVersion | undefined;
  /** For a commune: its adoption row in force today and the next scheduled one. */
  readonly adoption: ProcedureAdoption | undefined;
  readonly upcomingAdoption: ProcedureAdoption | undefined;
}

export async function listConfigurableProcedures(options: {
  db: Db;
  actor: StaffActor;
  unitId: string;
  now?: Date;
}): Promise<{ unit: Unit; isProvince: boolean; rows: AdminProcedureRow[] }> {
  const units = await findCatalogueUnits(options.db, options.unitId);
  if (!units) {
    throw new AppError('NOT_FOUND', 'No such unit.');
  }
  assertCan(options.actor, 'unit.configure', units.unit);
  const isProvince = units.unit.kind === 'province';
  const province = units.province;
  if (!province || (!isProvince && !isAdopterKind(units.unit))) {
    return { unit: units.unit, isProvince, rows: [] };
  }
  const today = vietnamDate(options.now ?? new Date());
  const procedures = await listProceduresOfUnit(options.db, province.id);
  const versions = await listVersionsOfUnit(options.db, province.id);
  const adoptions = isProvince ? [] : await listAdoptions(options.db, { unitId: units.unit.id });
  const rows = procedures.map((procedure) => {
    const own = versions.filter((v) => v.procedure_id === procedure.id);
    const mine = adoptions.filter((a) => a.procedure_id === procedure.id);
    return {
      procedure,
      current: own.findLast((v) => v.effective_from <= today),
      upcoming: own.find((v) => v.effective_from > today),
      adoption: mine.findLast((a) => a.effective_from <= today),
      upcomingAdoption: mine.find((a) => a.effective_from > today),
    };
  });
  const collator = new Intl.Collator('vi');
  const nameOf = (row: AdminProcedureRow) => (row.current ?? row.upcoming)?.name ?? '';
  rows.sort((a, b) => collator.compare(nameOf(a), nameOf(b)));
  return { unit: units.unit, isProvince, rows };
}
