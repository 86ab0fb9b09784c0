import { sql } from 'kysely';
import type { DbExecutor } from '../../database.ts';
import type { Unit, UnitKind } from './unit.table.ts';

export async function findUnitById(db: DbExecutor, id: string): Promise<Unit | undefined> {
  return db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findUnitsByIds(db: DbExecutor, ids: readonly string[]): Promise<Unit[]> {
  if (ids.length === 0) {
    return [];
  }
  return db.selectFrom('units').selectAll().where('id', 'in', ids).execute();
}

/** The unit and every unit above it (the ids of its materialised path), in one round trip; [] when unknown. */
export async function listUnitWithAncestors(db: DbExecutor, unitId: string): Promise<Unit[]> {
  return db
    .selectFrom('units')
    .selectAll()
    .where(
      // The path `/<root id>/…/<id>/` as a uuid[]: the primary key index answers.
      sql<boolean>`id = any(string_to_array(trim(both '/' from (select u.path from units u where u.id = ${unitId})), '/')::uuid[])`,
    )
    .execute();
}

export async function listAllUnits(db: DbExecutor): Promise<Unit[]> {
  return db.selectFrom('units').selectAll().orderBy('path').execute();
}

/** The unit and all units below it. */
export async function listSubtree(db: DbExecutor, unit: Pick<Unit, 'path'>): Promise<Unit[]> {
  return db.selectFrom('units').selectAll().where('path', 'like', `${unit.path}%`).orderBy('path').execute();
}

export async function insertUnit(
  db: DbExecutor,
  values: {
    id: string;
    parent: Pick<Unit, 'id' | 'path'> | null;
    kind: UnitKind;
    name: string;
    sealName: string;
    identifierCode: string;
    exchangeCode: string | null;
  },
): Promise<Unit> {
  return db
    .insertInto('units')
    .values({
      id: values.id,
      parent_id: values.parent?.id ?? null,
      path: `${values.parent?.path ?? '/'}${values.id}/`,
      kind: values.kind,
      name: values.name,
      seal_name: values.sealName,
      identifier_code: values.identifierCode,
      exchange_code: values.exchangeCode,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
