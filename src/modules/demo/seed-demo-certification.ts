// Certification (issue 7 §3) in the demo: a certified-copy dossier of the demo citizen Nguyễn Văn An received
// at Bình Ca's one-stop centre half an hour before the seed, waiting for the officer (binhca.chuyenvien) to certify it at
// /ho-so/<code>/chung-thuc; after the chairman's signature and the seal, he downloads it from /cong-dan.
import type { Db } from '../../database.ts';
import { receiveDossier } from '../dossiers/receive-dossier.ts';
import { loadActor } from '../identity/load-actor.ts';
import { findStaffByUsername } from '../identity/staff.repository.ts';
import { DEMO_CITIZENS } from './demo-citizens.ts';
import { NO_UPLOADS } from './seed-demo-dossiers.ts';

export async function seedDemoCertification(options: { db: Db; centreId: string }): Promise<void> {
  const staff = await findStaffByUsername(options.db, 'binhca.tiepnhan');
  const citizen = DEMO_CITIZENS[0];
  if (!staff || !citizen) {
    return;
  }
  await receiveDossier({
    db: options.db,
    blobStore: NO_UPLOADS,
    actor: await loadActor(options.db, staff),
    requestId: null,
    unitId: options.centreId,
    procedureCode: '2.000815',
    channel: 'counter',
    applicant: {
      fullName: citizen.name,
      personalIdentifier: citizen.personalIdentifier,
      address: citizen.address,
      phone: citizen.phone,
      email: citizen.email,
    },
    documents: [{ index: 0, files: [] }],
    // Half an hour ago: before the intake demo's two, which the lookup demo takes as the latest.
    now: new Date(Date.now() - 30 * 60_000),
  });
}
