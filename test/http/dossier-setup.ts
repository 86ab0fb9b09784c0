// Shared set-up of the dossier HTTP tests: a province defining a procedure, a commune adopting it, a
// receptionist there, an app whose DATA_DIR (blobs) is a fresh temp folder, and real upload files.
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { crc32, deflateSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../src/database.ts';
import { adoptProcedure } from '../../src/modules/catalogue/adopt-procedure.ts';
import { seedProcedures } from '../../src/modules/catalogue/catalogue-seed-data.ts';
import { createProcedure } from '../../src/modules/catalogue/create-procedure.ts';
import type { ProcedureContent } from '../../src/modules/catalogue/procedure.types.ts';
import { CITIZEN_SESSION_COOKIE } from '../../src/modules/citizen-identity/authenticate-citizen.ts';
import {
  insertCitizenSession,
  upsertCitizen,
} from '../../src/modules/citizen-identity/citizen.repository.ts';
import type { CitizenActor } from '../../src/modules/citizen-identity/citizen-actor.ts';
import { issueApiToken } from '../../src/modules/identity/issue-api-token.ts';
import type { Role } from '../../src/modules/identity/roles.ts';
import { newSecretToken } from '../../src/modules/identity/secret-token.ts';
import type { Clock } from '../../src/platform/clock.ts';
import { makeStaff, makeUnit } from '../helpers/factories.ts';
import { createTestApp, testConfig } from '../helpers/test-app.ts';

export const PROCEDURE_CODE = 'TEST.DOSSIER';

/** A minimal one-page PDF with a correct cross-reference table (qpdf --check passes it). */
export function minimalPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 72 72] >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A 1×1 grey PNG (RFC 2083). */
export function minimalPng(): Buffer {
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.from([0, 0x80]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A small real JPEG (rendered by pdftoppm from minimalPdf). */
export const JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEACgAKAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/2wBDAQkJCQwLDBgNDRgyIRwhMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjL/wAARCAAKAAoDASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwD3+iiigD//2Q==',
  'base64',
);

/**
 * `env` adds to the test configuration (e.g. PUBLIC_URL for a browser test on a known port); `clock` is the
 * app's business clock (a settable one for a journey at chosen hours).
 */
export async function setUpDossierTests(env: Record<string, string> = {}, options: { clock?: Clock } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'xaso-dossier-'));
  after(() => rmSync(dataDir, { recursive: true, force: true }));
  const { app, db, config } = await createTestApp({
    config: testConfig({ DATA_DIR: dataDir, ...env }),
    ...options,
  });
  const province = await makeUnit(db);
  const commune = await makeUnit(db, { parent: province });
  const found = seedProcedures({ householdBusinessFeeVnd: 100000 }).find(
    (p) => p.content.statutoryTime.kind === 'workingDays' && p.content.documents.length >= 2,
  );
  assert.ok(found);
  const content: ProcedureContent = found.content;
  const { id } = await createProcedure({
    db,
    actor: null,
    requestId: null,
    unitId: province.id,
    code: PROCEDURE_CODE,
    effectiveFrom: '2025-01-01',
    content,
  });
  await adoptProcedure({
    db,
    actor: null,
    requestId: null,
    procedureId: id,
    unitId: commune.id,
    effectiveFrom: '2025-01-01',
  });
  async function staffWithToken(role: Role, unit = commune) {
    const staff = await makeStaff(db, { unit, role });
    const { accessToken } = await issueApiToken({
      db,
      username: staff.username,
      password: staff.password,
      requestId: null,
    });
    return { ...staff, token: accessToken };
  }
  /** Receives one dossier through the API with this receptionist's token; returns its id and code. */
  async function receiveThroughApi(token: string, phone?: string): Promise<{ id: string; code: string }> {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/dossiers',
      headers: { authorization: `Bearer ${token}` },
      payload: {
        unitId: commune.id,
        procedureCode: PROCEDURE_CODE,
        applicant: applicantJson(phone),
        documents: [{ index: 0, files: [{ contentBase64: minimalPdf().toString('base64') }] }],
      },
    });
    assert.equal(response.statusCode, 201, response.body);
    return response.json() as { id: string; code: string };
  }
  return { app, db, config, dataDir, province, commune, content, staffWithToken, receiveThroughApi };
}

export function applicantJson(phone = '0912345678') {
  return {
    fullName: 'Trần Thị Nộp',
    personalIdentifier: '001190012345',
    address: 'Thôn 1, xã Thử',
    phone,
    email: 'nop@example.vn',
  };
}

/**
 * Receives a dossier of PROCEDURE_CODE through the API with one scanned document (or refuses it at intake,
 * BM.03, with `refusalReasons`); its id and code.
 */
export async function receiveByApi(
  app: FastifyInstance,
  options: {
    token: string;
    unitId: string;
    applicant?: Record<string, unknown>;
    phone?: string;
    refusalReasons?: string;
  },
): Promise<{ id: string; code: string }> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    headers: { authorization: `Bearer ${options.token}` },
    payload: {
      unitId: options.unitId,
      procedureCode: PROCEDURE_CODE,
      applicant: options.applicant ?? applicantJson(options.phone),
      ...(options.refusalReasons === undefined
        ? { documents: [{ index: 0, files: [{ contentBase64: minimalPdf().toString('base64') }] }] }
        : { documents: [], refusalReasons: options.refusalReasons }),
    },
  });
  assert.equal(response.statusCode, 201, response.body);
  return response.json() as { id: string; code: string };
}

let citizenCount = 0;

/** A citizen as the OIDC sign-in would have recorded them (the flow itself is tested in citizen-sign-in). */
export async function makeCitizen(
  db: Db,
  options: { personalIdentifier?: string | null } = {},
): Promise<CitizenActor> {
  citizenCount++;
  const personalIdentifier =
    options.personalIdentifier === undefined
      ? `0011900${String(process.pid % 1000).padStart(3, '0')}${String(citizenCount).padStart(2, '0')}`
      : options.personalIdentifier;
  const row = await db
    .insertInto('citizens')
    .values({
      issuer: 'https://test.invalid',
      subject: `test-citizen-${randomUUID()}`,
      full_name: `Công Dân Thử ${citizenCount}`,
      personal_identifier: personalIdentifier,
      phone: '0912000111',
      email: null,
      last_signed_in_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    kind: 'citizen',
    citizenId: row.id,
    fullName: `Công Dân Thử ${citizenCount}`,
    personalIdentifier,
    phone: '0912000111',
    email: null,
  };
}

export type Part = string | { filename: string; type: string; bytes: Buffer };

/** A multipart/form-data body as a browser sends it (RFC 7578), empty file inputs included. */
export function multipart(fields: Record<string, Part | Part[]>): { payload: Buffer; contentType: string } {
  const boundary = `----xaso${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    for (const part of Array.isArray(value) ? value : [value]) {
      if (typeof part === 'string') {
        chunks.push(
          Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${part}\r\n`),
        );
      } else {
        chunks.push(
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${part.filename}"\r\nContent-Type: ${part.type}\r\n\r\n`,
          ),
          part.bytes,
          Buffer.from('\r\n'),
        );
      }
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** A signed-in citizen with this personal identifier: the `Cookie` header value of their session. */
export async function citizenCookie(db: Db, personalIdentifier: string): Promise<string> {
  const citizen = await upsertCitizen(
    db,
    { issuer: 'https://test.invalid', subject: `sub-${personalIdentifier}-${Math.random()}` },
    { fullName: 'Công Dân', personalIdentifier, phone: null, email: null },
    new Date(),
  );
  const { token, hash } = newSecretToken('xc');
  await insertCitizenSession(db, {
    idHash: hash,
    citizenId: citizen.id,
    idleExpiresAt: new Date(Date.now() + 600_000),
    expiresAt: new Date(Date.now() + 3_600_000),
  });
  return `${CITIZEN_SESSION_COOKIE}=${token}`;
}
