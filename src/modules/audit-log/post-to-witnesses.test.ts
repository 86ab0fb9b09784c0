// Witnessing against a tiny local C2SP tlog-witness: cosignatures are verified, kept and published; a
// stale old size is corrected after a 409; a forked history is refused by the witness.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { appendTestEvents, testLogSigner } from '../../../test/fixtures/tlog/audit-events.ts';
import { startTinyWitness } from '../../../test/fixtures/tlog/tiny-witness.ts';
import { createTestApp, testConfig } from '../../../test/helpers/test-app.ts';
import { createTestDatabase } from '../../../test/helpers/test-database.ts';
import { openNote, parseCosignerVerifierKey, parseVerifierKey } from '../../lib/tlog/index.ts';
import { addAuditWitness } from './add-audit-witness.ts';
import { integrateAuditLog } from './integrate-audit-log.ts';
import { loadOrCreateLogSigner } from './log-key.ts';
import { postToWitnesses } from './post-to-witnesses.ts';

test('checkpoints are cosigned by a witness, published with the cosignature, and a fork is refused', async () => {
  const config = testConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'xaso-witness-')) });
  const { app, db } = await createTestApp({ config });
  const signer = loadOrCreateLogSigner(config);
  const witness = await startTinyWitness({ name: 'witness.test/w1', logVerifierKey: signer.verifierKey });
  after(() => witness.close());
  await addAuditWitness({ db, url: witness.url, verifierKey: witness.verifierKey });

  // Besides the test events: the app's start and the witness registration are events too.
  await appendTestEvents(db, 10);
  const first = await integrateAuditLog({ db, signer });
  assert.deepEqual(await postToWitnesses({ db }), [
    { witness: 'witness.test/w1', status: 'cosigned', detail: `size ${first.size}` },
  ]);
  await appendTestEvents(db, 7);
  const second = await integrateAuditLog({ db, signer });
  assert.deepEqual(
    (await postToWitnesses({ db })).map((o) => o.status),
    ['cosigned'],
  );
  assert.equal(witness.state.size, second.size);

  const published = (await app.inject('/log/checkpoint')).body;
  const opened = openNote(published, [
    parseVerifierKey(signer.verifierKey),
    parseCosignerVerifierKey(witness.verifierKey),
  ]);
  assert.deepEqual(
    opened.verified.map((s) => s.name),
    [parseVerifierKey(signer.verifierKey).name, 'witness.test/w1'],
  );

  // Our record of the witness is stale (e.g. restored from a backup): the 409 tells its size, and we retry.
  await db.updateTable('audit_witnesses').set({ size: 3 }).execute();
  await appendTestEvents(db, 2);
  const third = await integrateAuditLog({ db, signer });
  assert.deepEqual(
    (await postToWitnesses({ db })).map((o) => o.status),
    ['cosigned'],
  );
  assert.ok(witness.requests.includes(409));
  assert.equal(witness.state.size, third.size);

  // Another history signed with the same key (a rewritten database) cannot get a cosignature.
  const { db: forked } = await createTestDatabase();
  await addAuditWitness({ db: forked, url: witness.url, verifierKey: witness.verifierKey });
  await appendTestEvents(forked, 25);
  await integrateAuditLog({ db: forked, signer });
  const refused = await postToWitnesses({ db: forked });
  assert.equal(refused[0]?.status, 'failed');
  assert.match(refused[0]?.detail ?? '', /HTTP 422/);
  assert.equal(witness.state.size, third.size);

  // A second, unrelated log key is not trusted by the witness at all.
  const stranger = testLogSigner(parseVerifierKey(signer.verifierKey).name);
  const { db: other } = await createTestDatabase();
  await addAuditWitness({ db: other, url: witness.url, verifierKey: witness.verifierKey });
  await appendTestEvents(other, 1);
  await integrateAuditLog({ db: other, signer: stranger });
  assert.match((await postToWitnesses({ db: other }))[0]?.detail ?? '', /HTTP 403/);
});
