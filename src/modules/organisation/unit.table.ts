import type { ColumnType, Generated, Selectable } from 'kysely';

/** Kinds of unit in the tree: province → departments, communes, wards (and their one-stop centres). */
export const UNIT_KINDS = ['province', 'department', 'commune', 'ward', 'service-centre'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export interface UnitTable {
  id: Generated<string>;
  parent_id: string | null;
  /** Materialised path of ancestor ids including this one: `/<root>/<child>/.../<id>/`. */
  path: string;
  kind: UnitKind;
  name: string;
  /** Name engraved on the seal (tên cơ quan trên con dấu), printed on the seal signature appearance. */
  seal_name: string;
  /** Electronic identifier of the body, Decision 20/2020 as amended (left-to-right form, e.g. `G06.01`). */
  identifier_code: string;
  /** Older 13-character right-to-left code still used on the document-exchange axis (`002.00.20.H13`). */
  exchange_code: string | null;
  created_at: ColumnType<Date, never, never>;
}

export type Unit = Selectable<UnitTable>;

export interface OrganisationTables {
  units: UnitTable;
}
