// Gapless sequencing (issue 4 §2): concurrent business transactions, some rolled back, leave the events
// numbered 0..n-1 with no gap, and only committed changes have an event. On PostgreSQL the writers run on
// several pool connections at once.
import assert from 'node:assert/strict';
import { randomInt, randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { sql } from 'kysely';
import { testLogSigner } from '../../../test/fixtures/tlog/audit-events.ts';
import { createTestDatabase } from '../../../test/helpers/test-database.ts';
import { parseVerifierKey } from '../../lib/tlog/index.ts';
import { appendAuditEvent } from './append-audit-event.ts';
import { integrateAuditLog } from './integrate-audit-log.ts';
import { verifyAuditLog } from './verify-audit-log.ts';

class Rollback extends Error {}

test('concurrent writers with rollbacks: gapless sequence, one event per committed change', async () => {
  const { db } = await createTestDatabase();
  await sql`create table audit_test_changes (id uuid primary key)`.execute(db);
  const WRITERS = 8;
  const EACH = 30;
  const signer = testLogSigner();
  let committed = 0;
  const integrating = (async () => {
    // The integrator runs alongside the writers, as on a live server.
    for (let i = 0; i < 10; i++) {
      await integrateAuditLog({ db, signer });
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, writer) => {
      for (let i = 0; i < EACH; i++) {
        const id = randomUUID();
        const isRolledBack = randomInt(0, 10) < 2;
        try {
          await db.transaction().execute(async (trx) => {
            await sql`insert into audit_test_changes (id) values (${id})`.execute(trx);
            await appendAuditEvent(trx, {
              actor: { type: 'system', id: null },
              action: 'organisation.unit_created',
              unitId: null,
              subjectType: 'test',
              subjectId: id,
              requestId: `w${writer}-${i}`,
            });
            // Hold the transaction a moment so writers really overlap.
            await sql`select pg_sleep(${randomInt(0, 3) / 1000})`.execute(trx);
            if (isRolledBack) {
              throw new Rollback();
            }
          });
          committed++;
        } catch (error) {
          if (!(error instanceof Rollback)) {
            throw error;
          }
        }
      }
    }),
  );
  await integrating;
  const events = await db.selectFrom('audit_events').select(['seq', 'subject_id']).orderBy('seq').execute();
  assert.equal(events.length, committed);
  assert.deepEqual(
    events.map((e) => Number(e.seq)),
    Array.from({ length: committed }, (_, i) => i),
  );
  const changes = await db
    .selectFrom('audit_test_changes' as never)
    .select('id' as never)
    .execute();
  assert.deepEqual(
    new Set(changes.map((c) => (c as { id: string }).id)),
    new Set(events.map((e) => e.subject_id)),
  );
  await integrateAuditLog({ db, signer });
  const verification = await verifyAuditLog({ db, verifiers: [parseVerifierKey(signer.verifierKey)] });
  assert.equal(verification.isIntact, true, JSON.stringify(verification.problems));
  assert.equal(verification.entries, committed);
});
