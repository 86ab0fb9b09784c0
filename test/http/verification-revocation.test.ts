// The public verification page and revocation (issue 5 §5): a signer certificate our CA issued is checked
// against the data our CRL and OCSP responder answer from. After the demo leader's certificate is revoked,
// a signature timestamped before the revocation stands, one timestamped after it fails, one without a
// timestamp is indeterminate; a certificate from an outside CA says "not checked". Vietnamese and English.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { signPdf } from '../../src/lib/pdf/index.ts';
import { createKeySigner, createTimestampRequest, parseTimestampResponse } from '../../src/lib/pki/index.ts';
import { openPrivateKey } from '../../src/modules/signing/key-envelope.ts';
import { revokeCredential } from '../../src/modules/signing/manage-credential.ts';
import { openTimestampAuthority } from '../../src/modules/signing/pki-responders.ts';
import { findCredential } from '../../src/modules/signing/signing.repository.ts';
import { basePdf } from '../fixtures/pdf/corpus.ts';
import { getTestPki } from '../fixtures/pki/test-pki.ts';
import { makePerson, makeSigningUnit, SIGNING_PIN } from '../fixtures/signature-requests.ts';
import { PageClient } from '../helpers/http.ts';
import { postMultipart } from '../helpers/multipart.ts';
import { createTestApp, testConfig } from '../helpers/test-app.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'xaso-verify-revocation-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));
const config = testConfig({ DATA_DIR: dataDir });
const { app, db } = await createTestApp({ config });
const kek = config.secrets.keyEncryption;
const people = await makeSigningUnit(db, kek);
const admin = await makePerson(db, kek, people.unit, 'unit_admin', 'Quản Trị Viên');
const row = await findCredential(db, people.leader.credentialId ?? '');
assert.ok(row);
// The leader's own key, opened as the signing service would (KEK + PIN), to sign at chosen moments.
const leaderSigner = createKeySigner({
  privateKey: openPrivateKey(
    { encryptedKey: row.encrypted_key, wrappedDataKey: row.wrapped_data_key, pinSalt: row.pin_salt },
    kek,
    row.id,
    SIGNING_PIN,
  ),
  certificate: new Uint8Array(Buffer.from(row.certificate, 'base64')),
  chain: row.chain.map((b64) => new Uint8Array(Buffer.from(b64, 'base64'))),
});
const t0 = Date.now();
const revokedAt = new Date(t0 - 60_000);

/** A B-T signature whose timestamp (our TSA) says `at`; or B-B (no timestamp) when `at` is undefined. */
async function signedAt(at: Date | undefined): Promise<Uint8Array> {
  if (!at) {
    return signPdf(await basePdf(1), leaderSigner, { level: 'B-B' });
  }
  const tsa = await openTimestampAuthority({ db, keyEncryptionKey: kek, clock: () => at });
  const timestamp = async (digest: Uint8Array) => {
    const request = createTimestampRequest(digest);
    return parseTimestampResponse(await tsa.respond(request), { request }).token;
  };
  return signPdf(await basePdf(1), leaderSigner, { level: 'B-T', timestamp, signingTime: at });
}

let address = 0;
async function verifyPage(pdf: Uint8Array, lang: 'vi' | 'en' = 'vi') {
  const client = new PageClient(app, `10.9.7.${++address}`);
  if (lang === 'en') {
    client.cookies.set('xaso_lang', 'en');
  }
  const form = await client.get('/xac-minh');
  const response = await postMultipart(client, '/xac-minh', {
    _csrf: PageClient.csrfFrom(form.body),
    file: { filename: 'signed.pdf', type: 'application/pdf', bytes: pdf },
  });
  assert.equal(response.statusCode, 200, response.body);
  return response.body;
}

test('our CA: not revoked, then revoked with the time and the order of signature and revocation', async () => {
  const before = await signedAt(new Date(t0 - 120_000));
  const beforePage = await verifyPage(before);
  assert.match(beforePage, /Chưa bị thu hồi/);
  assert.match(beforePage, /Hợp lệ/);

  await revokeCredential({
    db,
    actor: admin.actor,
    requestId: null,
    credentialId: row.id,
    reason: 'keyCompromise',
    now: revokedAt,
  });
  const afterRevocation = await signedAt(new Date(t0));
  const withoutTimestamp = await signedAt(undefined);

  const stillValid = await verifyPage(before);
  assert.match(stillValid, /đã bị thu hồi lúc/);
  assert.match(stillValid, /được tạo trước thời điểm đó \(theo dấu thời gian\) nên vẫn có giá trị/);
  assert.match(stillValid, /Hợp lệ/);
  assert.match(await verifyPage(before, 'en'), /was made before that \(per its timestamp\), so it stands/);

  const afterPage = await verifyPage(afterRevocation);
  assert.match(afterPage, /được tạo SAU thời điểm thu hồi/);
  assert.match(afterPage, /Không hợp lệ/);
  assert.doesNotMatch(afterPage, /Hợp lệ<\/strong>/);
  assert.match(await verifyPage(afterRevocation, 'en'), /made AFTER the revocation/);

  const unprovable = await verifyPage(withoutTimestamp);
  assert.match(unprovable, /không có dấu thời gian nên không chứng minh được/);
  assert.match(unprovable, /Chưa xác định được/);
  assert.match(await verifyPage(withoutTimestamp, 'en'), /has no timestamp, so nothing proves/);
});

test('a certificate from an outside CA: revocation "not checked", said honestly', async () => {
  const outside = await getTestPki();
  const page = await verifyPage(await signPdf(await basePdf(1), outside.leader.signer, { level: 'B-B' }));
  assert.match(page, /Chưa kiểm tra: chứng thư do tổ chức bên ngoài cấp/);
  assert.match(await verifyPage(await signPdf(await basePdf(1), outside.leader.signer), 'en'), /Not checked/);
});
