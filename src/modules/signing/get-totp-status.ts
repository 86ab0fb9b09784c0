// Whether a staff member has an authenticator for signing (issue 5 §2): none (never enrolled, or reset by
// the unit administrator after a lost phone), pending (enrolled, waiting for the first code) or confirmed.
import type { DbExecutor } from '../../database.ts';

export type TotpStatus = 'none' | 'pending' | 'confirmed';

export async function getTotpStatus(db: DbExecutor, staffId: string): Promise<TotpStatus> {
  const row = await db
    .selectFrom('signing_totp')
    .select('confirmed_at')
    .where('staff_id', '=', staffId)
    .executeTakeFirst();
  return !row ? 'none' : row.confirmed_at ? 'confirmed' : 'pending';
}
