import type { DbExecutor } from '../../database.ts';
import { findStaffById } from './staff.repository.ts';

/** A staff member's full name, for forms that print who acted (a receipt's receiving officer). */
export async function findStaffName(options: {
  db: DbExecutor;
  staffId: string;
}): Promise<string | undefined> {
  return (await findStaffById(options.db, options.staffId))?.full_name;
}
