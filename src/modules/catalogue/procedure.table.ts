import type { ColumnType, Generated, Selectable } from 'kysely';
import type {
  Fee,
  ProcedureAdjustments,
  ProcedureLevel,
  ProcedureStep,
  RequiredDocument,
  StatutoryTime,
} from './procedure.types.ts';

type Json<T> = ColumnType<T, string, string>;

/** A procedure defined by a province: its code is stable, its content lives in versions. */
export interface ProcedureTable {
  id: Generated<string>;
  /** Code of the national catalogue (e.g. `1.001193`) or a local one; unique per defining unit. */
  code: string;
  /** The province that defines it. */
  unit_id: string;
  created_at: ColumnType<Date, never, never>;
}

/** One version of a procedure, in force from `effective_from` until the next version's date. */
export interface ProcedureVersionTable {
  id: Generated<string>;
  procedure_id: string;
  version_no: number;
  /** Vietnam calendar date `YYYY-MM-DD`: in force from 00:00 (UTC+7) that day. */
  effective_from: string;
  name: string;
  name_en: string;
  field: string;
  level: ProcedureLevel;
  legal_basis: Json<string[]>;
  statutory_time: Json<StatutoryTime>;
  is_extension_allowed: boolean;
  extension_limit_days: number | null;
  is_clock_stoppable: boolean;
  documents: Json<RequiredDocument[]>;
  fees: Json<Fee[]>;
  steps: Json<ProcedureStep[]>;
  result_type: string;
  /** Code, names and field folded (no diacritics, đ→d, lower case) for search without extensions. */
  search_text: string;
  created_by: string | null;
  created_at: ColumnType<Date, never, never>;
}

/** A commune's adoption of a province procedure from a date, with its adjustments; later rows supersede. */
export interface ProcedureAdoptionTable {
  id: Generated<string>;
  procedure_id: string;
  unit_id: string;
  effective_from: string;
  /** False: the unit stops providing the procedure from this date. */
  is_adopted: boolean;
  adjustments: Json<ProcedureAdjustments>;
  created_by: string | null;
  created_at: ColumnType<Date, never, never>;
}

export type Procedure = Selectable<ProcedureTable>;
export type ProcedureVersion = Selectable<ProcedureVersionTable>;
export type ProcedureAdoption = Selectable<ProcedureAdoptionTable>;

export interface CatalogueTables {
  procedures: ProcedureTable;
  procedure_versions: ProcedureVersionTable;
  procedure_adoptions: ProcedureAdoptionTable;
}
