import type { DbExecutor } from '../../database.ts';

/** Names and titles of staff members by id, for pages that show who acted (a dossier's history). */
export async function findStaffNames(options: {
  db: DbExecutor;
  staffIds: readonly string[];
}): Promise<Map<string, { fullName: string; title: string }>> {
  const ids = [...new Set(options.staffIds)];
  if (ids.length === 0) {
    return new Map();
  }
  const rows = await options.db
    .selectFrom('staff')
    .select(['id', 'full_name', 'title'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((row) => [row.id, { fullName: row.full_name, title: row.title }]));
}
