// Shared set-up of the statistics HTTP and browser tests: a province, two communes, dossiers of October
// 2026 imported with their timelines (counts known by hand), and an app on a fresh database.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../src/database.ts';
import type { DossierStatus } from '../../src/modules/dossiers/dossier-status.ts';
import { importDossierHistory } from '../../src/modules/dossiers/import-dossier-history.ts';
import { makeUnit } from '../helpers/factories.ts';
import { createTestApp } from '../helpers/test-app.ts';

export const OCTOBER = 'from=2026-10-01&to=2026-10-31';

/** Five dossiers of October 2026 at the unit: early, on time, late (after a supplement), open, refused. */
export async function importOctoberDossiers(db: Db, unitId: string): Promise<void> {
  const procedure = { code: 'P.CSV', versionId: randomUUID(), name: '=HYPERLINK("x") Cấp phép' };
  const at = (text: string) => new Date(`2026-${text}+07:00`);
  const dossier = (name: string, due: string | null, events: [DossierStatus, string][]) => ({
    procedure,
    channel: 'counter' as const,
    applicant: {
      fullName: name,
      personalIdentifier: '001190000002',
      address: 'Thôn Chợ',
      phone: '0912000222',
      email: null,
      proxy: null,
    },
    feeVnd: 0,
    dueAt: due ? at(due) : null,
    events: events.map(([status, time]) => ({ status, at: at(time) })),
  });
  await importDossierHistory({
    db,
    unitId,
    dossiers: [
      dossier('Người Sớm', '10-10T17:00', [
        [2, '10-05T09:00'],
        [9, '10-08T10:00'],
        [10, '10-09T08:00'],
      ]),
      dossier('Người Đúng', '10-12T17:00', [
        [2, '10-06T09:00'],
        [9, '10-12T16:00'],
      ]),
      dossier('Người Trễ', '10-13T17:00', [
        [2, '10-06T10:00'],
        [5, '10-07T10:00'],
        [9, '10-14T09:00'],
      ]),
      dossier('Người Chờ', '10-20T17:00', [
        [2, '10-02T09:00'],
        [4, '10-02T10:00'],
      ]),
      dossier('Người Bị Từ Chối', null, [[3, '10-03T09:00']]),
    ],
  });
}

export async function setUpStatisticsTests() {
  const { app, db } = await createTestApp();
  const province = await makeUnit(db);
  const commune = await makeUnit(db, { parent: province, name: 'Xã Thống Kê' });
  const other = await makeUnit(db, { parent: province });
  await importOctoberDossiers(db, commune.id);
  return { app, db, province, commune, other };
}
