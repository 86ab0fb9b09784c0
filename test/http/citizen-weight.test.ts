// The citizen pages weigh ≤ 50 KB transferred (issue 6 "Done when"), measured over real HTTP with the
// compression a browser asks for: each page's own bytes (headers and encoded body) plus every stylesheet,
// script and image it loads, as on a first visit with an empty cache. And compression never touches
// streams or PDFs.
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { DEMO_CITIZENS } from '../../src/modules/demo/demo-citizens.ts';
import { chooseEncoding, registerCompression } from '../../src/platform/http/compression.ts';
import { PageClient } from '../helpers/http.ts';
import { signInCitizen } from './citizen-flow.ts';
import { minimalPdf, multipart, PROCEDURE_CODE, receiveByApi, setUpDossierTests } from './dossier-setup.ts';

const { app, config, commune, staffWithToken } = await setUpDossierTests();
const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
const LIMIT = 50 * 1024;
const ACCEPT = 'gzip, deflate, br';

interface Transfer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  /** Bytes on the wire: status line and headers, and the body as encoded. */
  readonly wireBytes: number;
  readonly text: string;
}

function transfer(
  path: string,
  options: { cookie?: string; method?: string; form?: Record<string, string> } = {},
): Promise<Transfer> {
  const body = options.form ? new URLSearchParams(options.form).toString() : undefined;
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${baseUrl}${path}`,
      {
        method: options.method ?? 'GET',
        headers: {
          'accept-encoding': ACCEPT,
          ...(options.cookie ? { cookie: options.cookie } : {}),
          ...(body ? { 'content-type': 'application/x-www-form-urlencoded', origin: baseUrl } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const raw = Buffer.concat(chunks);
          const encoding = res.headers['content-encoding'];
          const decoded =
            encoding === 'br' ? brotliDecompressSync(raw) : encoding === 'gzip' ? gunzipSync(raw) : raw;
          const headerBytes = res.rawHeaders.reduce((sum, h) => sum + Buffer.byteLength(h) + 2, 0) + 17;
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            wireBytes: headerBytes + raw.length,
            text: decoded.toString('utf8'),
          });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** A page and everything it loads (stylesheets, scripts, images), in bytes transferred. */
async function pageWeight(path: string, options: Parameters<typeof transfer>[1] = {}): Promise<number> {
  const page = await transfer(path, options);
  assert.equal(page.status, 200, `${path}: ${page.text.slice(0, 300)}`);
  assert.match(String(page.headers['content-encoding']), /^(br|gzip)$/, `${path} is compressed`);
  const assets = [...page.text.matchAll(/<(?:link[^>]+href|script[^>]+src|img[^>]+src)="(\/[^"]+)"/g)].map(
    (m) => m[1] ?? '',
  );
  let total = page.wireBytes;
  for (const asset of new Set(assets.filter((a) => !a.includes('/ho-so/')))) {
    const loaded = await transfer(
      asset.replaceAll('&amp;', '&'),
      options.cookie ? { cookie: options.cookie } : {},
    );
    assert.equal(loaded.status, 200, asset);
    total += loaded.wireBytes;
  }
  return total;
}

const cookieOf = (client: PageClient) => [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');

test('every citizen page, signed out and in, weighs at most 50 KB transferred', async (t) => {
  const weights: Record<string, number> = {};
  const measure = async (label: string, path: string, options: Parameters<typeof transfer>[1] = {}) => {
    weights[label] = await pageWeight(path, options);
  };
  const { token } = await staffWithToken('receptionist');
  const { code: counterCode } = await receiveByApi(app, { token, unitId: commune.id, phone: '0912349999' });

  await measure('landing /cong-dan', '/cong-dan');
  await measure('lookup /tra-cuu', `/tra-cuu?code=${encodeURIComponent(counterCode)}`);
  await measure('kiosk /kiosk', '/kiosk');
  const kioskHome = await transfer('/kiosk');
  const pre = String(kioskHome.headers['set-cookie'] ?? '').split(';')[0] ?? '';
  const csrf = PageClient.csrfFrom(kioskHome.text);
  await measure('kiosk lookup result', '/kiosk/tra-cuu', {
    method: 'POST',
    cookie: pre,
    form: { _csrf: csrf, code: counterCode, phone: '9999' },
  });

  const [citizen] = DEMO_CITIZENS;
  assert.ok(citizen);
  const browser = new PageClient(app, '10.11.0.1');
  await signInCitizen(browser, config, citizen.sub);
  const cookie = cookieOf(browser);
  const formPath = `/cong-dan/nop-ho-so?unit=${commune.id}&procedure=${encodeURIComponent(PROCEDURE_CODE)}`;
  await measure('my page /cong-dan', '/cong-dan', { cookie });
  await measure('procedure picker', '/cong-dan/nop-ho-so', { cookie });
  await measure('online form', formPath, { cookie });
  await measure('kiosk form', formPath.replace('/cong-dan', '/kiosk'), { cookie });
  const form = await browser.get(formPath);
  const { payload, contentType } = multipart({
    _csrf: PageClient.csrfFrom(form.body),
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
    url: '/cong-dan/nop-ho-so',
    payload,
    headers: { 'content-type': contentType, cookie },
  });
  assert.equal(submitted.statusCode, 303, submitted.body);
  const dossierPath = new URL(String(submitted.headers.location), baseUrl).pathname;
  await measure('my dossier (awaiting)', dossierPath, { cookie });
  const accepted = await app.inject({
    method: 'POST',
    url: `/api/v1/dossiers${dossierPath.slice('/cong-dan/ho-so'.length)}/accept`,
    headers: { authorization: `Bearer ${token}` },
  });
  assert.equal(accepted.statusCode, 200, accepted.body);
  await measure('my dossier (received)', dossierPath, { cookie });
  await measure('receipt page', `${dossierPath}/bien-nhan`, { cookie });
  t.diagnostic(JSON.stringify(weights));
  for (const [label, bytes] of Object.entries(weights)) {
    assert.ok(bytes <= LIMIT, `${label}: ${bytes} bytes > ${LIMIT}`);
  }
});

test('compression picks br, then gzip, honours q=0, and leaves PDFs and streams alone', async () => {
  assert.equal(chooseEncoding('gzip, deflate, br'), 'br');
  assert.equal(chooseEncoding('gzip'), 'gzip');
  assert.equal(chooseEncoding('br;q=0, gzip;q=0.5'), 'gzip');
  assert.equal(chooseEncoding('identity'), undefined);
  assert.equal(chooseEncoding(undefined), undefined);
  assert.equal(chooseEncoding('*'), 'br');

  const bare = Fastify();
  registerCompression(bare);
  const text = 'xã số '.repeat(2000);
  bare.get('/stream', async (_request, reply) => reply.type('text/plain').send(Readable.from([text])));
  bare.get('/pdf', async (_request, reply) => reply.type('application/pdf').send(Buffer.from(text)));
  bare.get('/page', async (_request, reply) => reply.type('text/html; charset=utf-8').send(text));
  const headers = { 'accept-encoding': ACCEPT };
  const stream = await bare.inject({ url: '/stream', headers });
  assert.equal(stream.headers['content-encoding'], undefined);
  assert.equal(stream.body, text);
  const pdf = await bare.inject({ url: '/pdf', headers });
  assert.equal(pdf.headers['content-encoding'], undefined);
  assert.equal(pdf.body, text);
  const page = await bare.inject({ url: '/page', headers });
  assert.equal(page.headers['content-encoding'], 'br');
  assert.equal(page.headers.vary, 'accept-encoding');
  assert.equal(brotliDecompressSync(page.rawPayload).toString(), text);
  assert.ok(page.rawPayload.length < Buffer.byteLength(text) / 10);
  const plain = await bare.inject({ url: '/page' });
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.equal(plain.body, text);
  await bare.close();
});
