// The kiosk (issue 6 §3 "Kiosk"): look up without login by the receipt's QR content (a scanner types the
// lookup URL), then the phone digits; sign in to submit (channel kiosk); the session cookie lives only as
// long as the kiosk's inactivity limit and "finish" is a POST (no cross-site GET can reset anything).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_CITIZENS } from '../../src/modules/demo/demo-citizens.ts';
import { KIOSK_IDLE_SECONDS } from '../../src/web/kiosk-session.ts';
import { PageClient } from '../helpers/http.ts';
import { localPath, signInCitizen } from './citizen-flow.ts';
import { minimalPdf, multipart, PROCEDURE_CODE, receiveByApi, setUpDossierTests } from './dossier-setup.ts';

const { app, db, config, commune, staffWithToken } = await setUpDossierTests();
const receptionist = await staffWithToken('receptionist');
let address = 0;
const kiosk = () => new PageClient(app, `10.10.0.${++address}`);

const counterDossier = async () =>
  (await receiveByApi(app, { token: receptionist.token, unitId: commune.id, phone: '0912340000' })).code;

test('the kiosk page is in kiosk mode: large targets, reset without JavaScript, the small script', async () => {
  const page = await kiosk().get('/kiosk');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<body class="kiosk" data-kiosk-idle="300"/);
  assert.ok(
    page.body.includes(
      `<noscript><meta http-equiv="refresh" content="${KIOSK_IDLE_SECONDS + 5};url=/kiosk"></noscript>`,
    ),
  );
  assert.match(page.body, /<script src="\/assets\/kiosk.js" defer><\/script>/);
  assert.match(page.body, /action="\/kiosk\/tra-cuu"/);
  const script = await kiosk().get('/assets/kiosk.js');
  assert.equal(script.statusCode, 200);
  assert.match(String(script.headers['content-type']), /^text\/javascript/);
  assert.match(script.body, /BarcodeDetector/);
  // Other pages are not in kiosk mode.
  assert.doesNotMatch((await kiosk().get('/tra-cuu')).body, /kiosk\.js|http-equiv="refresh"/);
});

test('a scanned receipt QR (the lookup URL) finds the dossier after the phone digits', async () => {
  const code = await counterDossier();
  const browser = kiosk();
  const home = await browser.get('/kiosk');
  const csrf = PageClient.csrfFrom(home.body);
  const qrContent = `${config.publicUrl}/tra-cuu?code=${encodeURIComponent(code)}`;
  const step2 = await browser.post('/kiosk/tra-cuu', { _csrf: csrf, code: qrContent });
  assert.equal(step2.statusCode, 200);
  assert.match(step2.body, new RegExp(`name="code"[^>]*value="${code.replaceAll('.', '\\.')}"`));
  assert.match(step2.body, /name="phone"/);
  const wrong = await browser.post('/kiosk/tra-cuu', { _csrf: csrf, code, phone: '1111' });
  assert.equal(wrong.statusCode, 404);
  const found = await browser.post('/kiosk/tra-cuu', { _csrf: csrf, code: qrContent, phone: '0000' });
  assert.equal(found.statusCode, 200);
  assert.match(found.body, /Được tiếp nhận/);
  // A print button for the kiosk's printer, shown by the script (printing needs it).
  assert.match(found.body, /<button type="button" class="button" data-kiosk-print hidden>In<\/button>/);
  assert.doesNotMatch(found.body, /Trần Thị Nộp/);
});

test('a citizen signs in at the kiosk, submits (channel kiosk), and finishing is a POST that ends it', async () => {
  const [citizen] = DEMO_CITIZENS;
  assert.ok(citizen);
  const browser = kiosk();
  const landed = await signInCitizen(
    browser,
    config,
    citizen.sub,
    '/cong-dan/dang-nhap?next=%2Fkiosk%2Fnop-ho-so',
  );
  assert.equal(landed, '/kiosk/nop-ho-so');
  const picker = await app.inject({
    method: 'GET',
    url: `/kiosk/nop-ho-so?unit=${commune.id}&procedure=${PROCEDURE_CODE}`,
    remoteAddress: browser.remoteAddress,
    headers: { cookie: [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
  });
  assert.equal(picker.statusCode, 200);
  // The kiosk renews the citizen cookie for the inactivity limit only.
  const renewed = picker.cookies.find((c) => c.name === 'xaso_citizen') as { maxAge?: number } | undefined;
  assert.equal(renewed?.maxAge, KIOSK_IDLE_SECONDS);
  const { payload, contentType } = multipart({
    _csrf: PageClient.csrfFrom(picker.body),
    unit: commune.id,
    procedure: PROCEDURE_CODE,
    address: 'Thôn Bản Ca',
    phone: citizen.phone,
    email: '',
    'doc-0': 'yes',
    'file-0': { filename: 'a.pdf', type: 'application/pdf', bytes: minimalPdf() },
    action: 'submit',
  });
  const submitted = await app.inject({
    method: 'POST',
    url: '/kiosk/nop-ho-so',
    remoteAddress: browser.remoteAddress,
    payload,
    headers: {
      'content-type': contentType,
      cookie: [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    },
  });
  assert.equal(submitted.statusCode, 303, submitted.body);
  const location = localPath(submitted.headers.location, config);
  assert.match(location, /^\/kiosk\/ho-so\//);
  const code = decodeURIComponent(location.split('/')[3]?.split('?')[0] ?? '');
  const row = await db
    .selectFrom('dossiers')
    .select(['channel', 'status'])
    .where('code', '=', code)
    .executeTakeFirst();
  assert.deepEqual(row, { channel: 'kiosk', status: 1 });

  // No GET signs out; a POST without the form's token is refused; the kiosk's own POST ends the session.
  assert.equal((await browser.get('/kiosk/ket-thuc')).statusCode, 404);
  const home = await browser.get('/kiosk');
  assert.match(home.body, /data-kiosk-finish/);
  const forged = await browser.post('/kiosk/ket-thuc', {}, { origin: 'https://evil.example' });
  assert.equal(forged.statusCode, 403);
  const finished = await browser.post('/kiosk/ket-thuc', { _csrf: PageClient.csrfFrom(home.body) });
  assert.equal(finished.statusCode, 303);
  assert.equal(finished.headers.location, '/kiosk');
  const after = await browser.get('/kiosk/nop-ho-so');
  assert.equal(after.statusCode, 303);
  assert.equal(after.headers.location, '/kiosk');
});
