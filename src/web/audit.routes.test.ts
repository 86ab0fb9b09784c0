import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { appendTestEvents } from '../../test/fixtures/tlog/audit-events.ts';
import { makeStaff } from '../../test/helpers/factories.ts';
import { PageClient } from '../../test/helpers/http.ts';
import { createTestApp, testConfig } from '../../test/helpers/test-app.ts';
import { integrateAuditLog } from '../modules/audit-log/integrate-audit-log.ts';
import { loadOrCreateLogSigner } from '../modules/audit-log/log-key.ts';

test('the auditor page lists events with proof links and exports entries; others are refused', async () => {
  const config = testConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'xaso-audit-page-')) });
  const { app, db } = await createTestApp({ config });
  const auditor = await makeStaff(db, { role: 'auditor' });
  const specialist = await makeStaff(db, { role: 'specialist' });
  await appendTestEvents(db, 12);
  await integrateAuditLog({ db, signer: loadOrCreateLogSigner(config) });
  await appendTestEvents(db, 1); // not yet signed

  const other = new PageClient(app);
  await other.signIn(specialist.username, specialist.password);
  assert.equal((await other.get('/audit')).statusCode, 403);

  const client = new PageClient(app);
  await client.signIn(auditor.username, auditor.password);
  const page = await client.get('/audit');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Nhật ký kiểm toán/);
  assert.match(page.body, /href="\/api\/v1\/audit\/events\/0\/proof"/);
  assert.match(page.body, /Chờ ký/);
  // The sign-ins just made are committed but not numbered yet (no sequencer runs in this test).
  assert.match(page.body, /Còn [1-9][0-9]* sự kiện đã ghi nhận đang chờ được đánh số/);
  const proof = await client.get('/api/v1/audit/events/0/proof');
  assert.equal(proof.statusCode, 200);
  assert.match(proof.body, /^c2sp\.org\/tlog-proof@v1\n/);

  const exported = await client.get('/audit/export?from=2');
  assert.equal(exported.statusCode, 200);
  const lines = exported.body
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  // Entries the auditor may read (system-wide ones and the auditor's own unit), in log order from 2.
  assert.ok(lines.length >= 12);
  assert.ok(lines[0].seq >= 2);
  assert.ok(lines.every((entry, i) => i === 0 || entry.seq > lines[i - 1].seq));
  assert.ok(lines.every((entry) => entry.unit === null || entry.unit === auditor.unit.id));
});
