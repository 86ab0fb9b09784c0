import type { Db } from '../../database.ts';
import { OFFICIAL_HOLIDAY_TABLES } from './official-holiday-tables.ts';
import { setHolidayTable } from './set-holiday-table.ts';

/** Enters the official tables the software ships with for each province (demo seed), audited as the system. */
export async function seedOfficialHolidayTables(options: {
  db: Db;
  provinceIds: readonly string[];
}): Promise<void> {
  for (const unitId of options.provinceIds) {
    for (const table of OFFICIAL_HOLIDAY_TABLES) {
      await setHolidayTable({ db: options.db, actor: null, requestId: null, unitId, table });
    }
  }
}
