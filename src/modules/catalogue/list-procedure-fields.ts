import type { DbExecutor } from '../../database.ts';
import { listAllUnits } from '../organisation/unit.repository.ts';
import { listFields } from './procedure.repository.ts';

/** The fields (lĩnh vực) used in the catalogue, in Vietnamese alphabetical order, for the browse filter. */
export async function listProcedureFields(options: { db: DbExecutor }): Promise<string[]> {
  const provinces = (await listAllUnits(options.db)).filter((u) => u.kind === 'province');
  const fields = await listFields(
    options.db,
    provinces.map((p) => p.id),
  );
  return fields.sort(new Intl.Collator('vi').compare);
}
