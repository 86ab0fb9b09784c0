import type { Kysely } from 'kysely';

// Results returned at the counter (issue 7 §2 "signature on return recorded"): beside the receiver's name,
// the number of the identity paper they showed and the officer who handed the result over.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('dossier_workflows')
    .addColumn('returned_to_identifier', 'text')
    .addColumn('returned_by_staff_id', 'uuid', (c) => c.references('staff.id'))
    .execute();
}
