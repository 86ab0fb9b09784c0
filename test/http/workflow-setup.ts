// Shared set-up of the workflow tests (issue 7): the dossier set-up plus a 5-working-day procedure whose
// clock may stop and which allows one extension of up to 5 days, staff in every role at the commune, a
// stranger commune, and helpers that receive a dossier at a fixed instant and bring it to a status.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { adoptProcedure } from '../../src/modules/catalogue/adopt-procedure.ts';
import { createProcedure } from '../../src/modules/catalogue/create-procedure.ts';
import {
  insertCitizenSession,
  upsertCitizen,
} from '../../src/modules/citizen-identity/citizen.repository.ts';
import { findDossierByCode } from '../../src/modules/dossiers/dossier.repository.ts';
import type { DossierStatus } from '../../src/modules/dossiers/dossier-status.ts';
import { receiveDossier } from '../../src/modules/dossiers/receive-dossier.ts';
import type { StaffActor } from '../../src/modules/identity/actor.ts';
import { loadActor } from '../../src/modules/identity/load-actor.ts';
import type { Role } from '../../src/modules/identity/roles.ts';
import { newSecretToken } from '../../src/modules/identity/secret-token.ts';
import { findStaffById } from '../../src/modules/identity/staff.repository.ts';
import type { Unit } from '../../src/modules/organisation/unit.table.ts';
import { approveResult } from '../../src/modules/workflow/approve-result.ts';
import { handOverDossier } from '../../src/modules/workflow/hand-over-dossier.ts';
import { markProcessed } from '../../src/modules/workflow/mark-processed.ts';
import { requestPayment } from '../../src/modules/workflow/request-payment.ts';
import { requestSupplement } from '../../src/modules/workflow/request-supplement.ts';
import { startProcessing } from '../../src/modules/workflow/start-processing.ts';
import { uploadResult } from '../../src/modules/workflow/upload-result.ts';
import { createFileSystemBlobStore } from '../../src/platform/blob-store/file-system-blob-store.ts';
import { makeStaff, makeUnit } from '../helpers/factories.ts';
import { applicantJson, minimalPdf, setUpDossierTests } from './dossier-setup.ts';

export const WORKFLOW_PROCEDURE = 'TEST.WORKFLOW';

export async function setUpWorkflowTests() {
  const base = await setUpDossierTests();
  const { db, province, commune, content } = base;
  const { id } = await createProcedure({
    db,
    actor: null,
    requestId: null,
    unitId: province.id,
    code: WORKFLOW_PROCEDURE,
    effectiveFrom: '2025-01-01',
    content: {
      ...content,
      statutoryTime: { kind: 'workingDays', days: 5 },
      isExtensionAllowed: true,
      extensionLimitDays: 5,
      isClockStoppable: true,
    },
  });
  await adoptProcedure({
    db,
    actor: null,
    requestId: null,
    procedureId: id,
    unitId: commune.id,
    effectiveFrom: '2025-01-01',
  });
  const blobStore = createFileSystemBlobStore(join(base.dataDir, 'blobs'));

  /** Sign-in names and passwords of the staff behind the actors, for page and API tests. */
  const credentials = new Map<string, { username: string; password: string }>();
  async function actorFor(role: Role, unit: Unit = commune): Promise<StaffActor> {
    const staff = await makeStaff(db, { unit, role, fullName: `Cán bộ ${role}` });
    credentials.set(staff.id, { username: staff.username, password: staff.password });
    const row = await findStaffById(db, staff.id);
    assert.ok(row);
    return loadActor(db, row);
  }
  const actors = {
    receptionist: await actorFor('receptionist'),
    specialist: await actorFor('specialist'),
    leader: await actorFor('leader'),
    clerk: await actorFor('clerk'),
    /** Reads the audit log of the commune: no dossier right at all. */
    auditor: await actorFor('auditor'),
    stranger: await actorFor('leader', await makeUnit(db, { parent: province })),
  };

  /** Receives a dossier of the 5-day procedure at `now` (default: now) at the counter. */
  async function receive(now?: Date): Promise<string> {
    const received = await receiveDossier({
      db,
      blobStore,
      actor: actors.receptionist,
      requestId: null,
      unitId: commune.id,
      procedureCode: WORKFLOW_PROCEDURE,
      channel: 'counter',
      applicant: applicantJson(),
      documents: [{ index: 0, files: [] }],
      ...(now ? { now } : {}),
    });
    return received.code;
  }

  const common = (code: string) => ({ db, requestId: null, code });

  /** A fresh dossier brought to `status` through the workflow's own use cases (handed to the specialists first). */
  async function dossierIn(status: DossierStatus): Promise<string> {
    const code = await receive();
    if (status === 2) {
      return code;
    }
    // The receiving officer holds it after intake and passes it to the specialists (only the holder may).
    await handOverDossier({ ...common(code), actor: actors.receptionist });
    await startProcessing({ ...common(code), actor: actors.specialist });
    if (status === 5) {
      await requestSupplement({
        ...common(code),
        actor: actors.specialist,
        items: ['Bản sao giấy khai sinh'],
        reason: 'Thiếu giấy tờ',
      });
    } else if (status === 6) {
      await requestPayment({ ...common(code), actor: actors.specialist, amountVnd: 50000 });
    } else if (status === 9 || status === 10) {
      await uploadResult({ ...common(code), actor: actors.specialist, blobStore, pdf: minimalPdf() });
      await approveResult({ ...common(code), actor: actors.leader });
      await markProcessed({ ...common(code), actor: actors.specialist });
    }
    return code;
  }

  async function statusOf(code: string): Promise<DossierStatus | undefined> {
    return (await findDossierByCode(db, code))?.status;
  }

  /** A signed-in citizen session (the value of the citizen cookie) for this personal identifier. */
  async function citizenSessionToken(personalIdentifier = '001190012345'): Promise<string> {
    const citizen = await upsertCitizen(
      db,
      { issuer: 'https://test.invalid', subject: `sub-${personalIdentifier}-${Math.random()}` },
      { fullName: 'Trần Thị Nộp', personalIdentifier, phone: null, email: null },
      new Date(),
    );
    const { token, hash } = newSecretToken('xc');
    await insertCitizenSession(db, {
      idHash: hash,
      citizenId: citizen.id,
      idleExpiresAt: new Date(Date.now() + 600_000),
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    return token;
  }

  /** The receiving officer of `w.receive`'s dossiers (who holds them until the hand-over) can sign in. */
  const receptionistLogin = credentials.get(actors.receptionist.staffId);
  assert.ok(receptionistLogin);

  return {
    ...base,
    blobStore,
    actors,
    actorFor,
    receptionistLogin,
    receive,
    dossierIn,
    statusOf,
    common,
    citizenSessionToken,
  };
}
