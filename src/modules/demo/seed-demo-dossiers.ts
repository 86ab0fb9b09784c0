// A few demo dossiers (issue 6 §3) at Bình Ca's one-stop centre, received through the same use case as the
// counter, so the lookup page has something to show: code on the dossier page, phone ending 5678.
import type { Db } from '../../database.ts';
import type { BlobStore } from '../../platform/blob-store/blob-store.ts';
import { receiveDossier } from '../dossiers/receive-dossier.ts';
import { loadActor } from '../identity/load-actor.ts';
import { findStaffByUsername } from '../identity/staff.repository.ts';

/** Demo dossiers are paper only: nothing is uploaded, so no blob is ever written. */
export const NO_UPLOADS: BlobStore = {
  put: () => Promise.reject(new Error('demo dossiers carry no scans')),
  get: () => Promise.resolve(undefined),
  has: () => Promise.resolve(false),
};

const DEMO_DOSSIERS = [
  {
    procedureCode: '1.001193',
    applicant: {
      fullName: 'Hoàng Văn Minh',
      personalIdentifier: '008090001234',
      address: 'Thôn Bình Ca, xã Bình Ca, tỉnh Tuyên Quang',
      phone: '0912345678',
    },
    documents: [0, 1],
  },
  {
    procedureCode: '1.001612',
    applicant: {
      fullName: 'Nguyễn Thị Hoa',
      personalIdentifier: '008185005678',
      address: 'Thôn Đồng Bằng, xã Bình Ca, tỉnh Tuyên Quang',
      phone: '0987005678',
      email: 'hoa.nguyen@example.vn',
    },
    documents: [0],
  },
] as const;

export async function seedDemoDossiers(options: { db: Db; centreId: string }): Promise<void> {
  const staff = await findStaffByUsername(options.db, 'binhca.tiepnhan');
  if (!staff) {
    return;
  }
  const actor = await loadActor(options.db, staff);
  for (const dossier of DEMO_DOSSIERS) {
    await receiveDossier({
      db: options.db,
      blobStore: NO_UPLOADS,
      actor,
      requestId: null,
      unitId: options.centreId,
      procedureCode: dossier.procedureCode,
      channel: 'counter',
      applicant: dossier.applicant,
      documents: dossier.documents.map((index) => ({ index, files: [] })),
    });
  }
}
