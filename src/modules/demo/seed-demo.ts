import type { Db } from '../../database.ts';
import type { BlobStore } from '../../platform/blob-store/blob-store.ts';
import { seedOfficialHolidayTables } from '../calendar/seed-official-holiday-tables.ts';
import { seedCatalogue } from '../catalogue/seed-catalogue.ts';
import { createStaff } from '../identity/create-staff.ts';
import { createUnit } from '../organisation/create-unit.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_UNITS, demoCataloguePlans } from './demo-data.ts';
import { seedDemoCertification } from './seed-demo-certification.ts';
import { seedDemoDossiers } from './seed-demo-dossiers.ts';
import { seedDemoSignatureRequests } from './seed-demo-signature-requests.ts';
import { seedDemoSigning } from './seed-demo-signing.ts';
import { seedDemoStatistics } from './seed-demo-statistics.ts';
import { seedDemoWorkflow } from './seed-demo-workflow.ts';

/**
 * Seeds the demo organisation and staff into an EMPTY database (no units); returns whether it did. With
 * `signing`, demo leaders and clerks also get certificates, a PIN and a TOTP secret (issue 5 §6).
 */
export async function seedDemo(options: {
  db: Db;
  signing?: { keyEncryptionKey: Uint8Array; publicUrl?: string; blobStore?: BlobStore };
}): Promise<boolean> {
  const existing = await options.db.selectFrom('units').select('id').limit(1).executeTakeFirst();
  if (existing) {
    return false;
  }
  const ids = new Map<string, string>();
  for (const unit of DEMO_UNITS) {
    const created = await createUnit({
      db: options.db,
      requestId: null,
      parentId: unit.parent ? (ids.get(unit.parent) ?? null) : null,
      kind: unit.kind,
      name: unit.name,
      sealName: unit.sealName,
      identifierCode: unit.identifierCode,
      exchangeCode: unit.exchangeCode,
    });
    ids.set(unit.key, created.id);
  }
  const provinceIds = DEMO_UNITS.filter((u) => u.kind === 'province').map((u) => ids.get(u.key) ?? '');
  await seedOfficialHolidayTables({ db: options.db, provinceIds });
  await Promise.all(
    DEMO_ACCOUNTS.map((account) =>
      createStaff({
        db: options.db,
        actor: null,
        requestId: null,
        username: account.username,
        fullName: account.fullName,
        title: account.title,
        password: DEMO_PASSWORD,
        unitId: ids.get(account.unit) ?? '',
        role: account.role,
      }),
    ),
  );
  await seedCatalogue({ db: options.db, plans: demoCataloguePlans(ids) });
  if (options.signing) {
    await seedDemoSigning({ db: options.db, unitIds: ids, ...options.signing });
    // Signing (issue 5 §4): documents waiting in the demo chairman's queue.
    if (options.signing.blobStore) {
      await seedDemoSignatureRequests({ db: options.db, blobStore: options.signing.blobStore });
    }
  }
  await seedDemoDossiers({ db: options.db, centreId: ids.get('binh-ca-tt') ?? '' });
  // Statistics (issue 7 §7): six months of past dossiers, imported in bulk.
  await seedDemoStatistics({ db: options.db, unitIds: ids });
  // Dossier processing (issue 7): dossiers overdue, awaiting a supplement, extended, queued.
  await seedDemoWorkflow({ db: options.db, centreId: ids.get('binh-ca-tt') ?? '' });
  // Certification (issue 7 §3): a certified-copy dossier waiting for the officer.
  await seedDemoCertification({ db: options.db, centreId: ids.get('binh-ca-tt') ?? '' });
  return true;
}
