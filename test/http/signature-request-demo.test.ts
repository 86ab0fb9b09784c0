// The demo chairman's queue is not empty on first start (issue 5 §4): two requests from Bình Ca's
// specialist; he signs both in ONE batch with the demo PIN and a code from the demo TOTP secret that
// `xaso demo credentials --json` prints.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { generate } from 'otplib';
import { demoCredentials } from '../../src/modules/demo/demo-data.ts';
import { seedDemo } from '../../src/modules/demo/seed-demo.ts';
import { createFileSystemBlobStore } from '../../src/platform/blob-store/file-system-blob-store.ts';
import { PageClient } from '../helpers/http.ts';
import { createTestApp, testConfig } from '../helpers/test-app.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'xaso-sigreq-demo-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));
const config = testConfig({ DATA_DIR: dataDir });
const { app, db } = await createTestApp({ config });

test('the demo chairman batch-signs the two seeded requests with the demo PIN and TOTP secret', async () => {
  const blobStore = createFileSystemBlobStore(join(dataDir, 'blobs'));
  assert.equal(
    await seedDemo({ db, signing: { keyEncryptionKey: config.secrets.keyEncryption, blobStore } }),
    true,
  );
  const chairman = demoCredentials().find((c) => c.username === 'binhca.chutich');
  assert.ok(chairman?.pin && chairman.totpSecret);
  const client = new PageClient(app, '10.7.0.1');
  assert.equal((await client.signIn(chairman.username, chairman.password)).statusCode, 303);
  const queue = await client.get('/ky-duyet');
  const ids = [...queue.body.matchAll(/name="ids" value="([0-9a-f-]{36})"/g)].map((m) => m[1] ?? '');
  assert.equal(ids.length, 2, queue.body);
  const response = await client.app.inject({
    method: 'POST',
    url: '/ky-duyet',
    remoteAddress: client.remoteAddress,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    },
    payload: new URLSearchParams([
      ['_csrf', PageClient.csrfFrom(queue.body)],
      ...ids.map((id) => ['ids', id]),
      ['idempotencyKey', /name="idempotencyKey" value="([^"]+)"/.exec(queue.body)?.[1] ?? ''],
      ['pin', chairman.pin],
      ['otp', await generate({ secret: chairman.totpSecret, epoch: Math.floor(Date.now() / 1000) })],
    ]).toString(),
  });
  assert.equal(response.statusCode, 303, response.body);
  assert.equal(response.headers.location, '/ky-duyet?da-ky=2');
  const states = await db.selectFrom('signature_requests').select('state').execute();
  assert.deepEqual(
    states.map((s) => s.state),
    ['awaiting_seal', 'awaiting_seal'],
  );
});
