// Factories create their own prerequisites (shared/STYLE.md), with unique values, so tests never share
// rows and never need truncation.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '../../src/database.ts';
import type { DossierRow } from '../../src/modules/dossiers/insert-dossiers.ts';
import { createStaff } from '../../src/modules/identity/create-staff.ts';
import type { Role } from '../../src/modules/identity/roles.ts';
import { createUnit } from '../../src/modules/organisation/create-unit.ts';
import type { Unit, UnitKind } from '../../src/modules/organisation/unit.table.ts';

let counter = 0;
const unique = () => `${randomBytes(3).toString('hex').toUpperCase()}${++counter}`;

export async function makeUnit(
  db: Db,
  options: { parent?: Unit; kind?: UnitKind; name?: string } = {},
): Promise<Unit> {
  const suffix = unique();
  const parentCode = options.parent?.identifier_code;
  return createUnit({
    db,
    requestId: null,
    parentId: options.parent?.id ?? null,
    kind: options.kind ?? (options.parent ? 'commune' : 'province'),
    name: options.name ?? `Đơn vị thử ${suffix}`,
    sealName: `ĐƠN VỊ THỬ ${suffix}`,
    identifierCode: parentCode
      ? `${parentCode}.${suffix}`
      : `H${String(counter % 100).padStart(2, '0')}.${suffix}`,
  });
}

export const TEST_PASSWORD = 'correct-horse-battery';

export async function makeStaff(
  db: Db,
  options: { unit?: Unit; role?: Role; username?: string; fullName?: string; password?: string } = {},
): Promise<{ id: string; username: string; password: string; unit: Unit }> {
  const unit = options.unit ?? (await makeUnit(db));
  const username = options.username ?? `user.${unique().toLowerCase()}`;
  const password = options.password ?? TEST_PASSWORD;
  const { id } = await createStaff({
    db,
    actor: null,
    requestId: null,
    username,
    fullName: options.fullName ?? 'Nguyễn Văn Thử',
    title: 'Chuyên viên',
    password,
    unitId: unit.id,
    role: options.role ?? 'specialist',
  });
  return { id, username, password, unit };
}

/** A dossier row as the intake writes it (insertDossier), status 2, for tests that write one directly. */
export function dossierRow(options: {
  readonly unitId: string;
  readonly code: string;
  readonly at?: Date;
  readonly applicant?: { readonly phone: string } & Record<string, unknown>;
}): DossierRow {
  return {
    id: randomUUID(),
    code: options.code,
    unit_id: options.unitId,
    procedure_code: 'TEST',
    procedure_version_id: randomUUID(),
    procedure_name: 'Thủ tục thử',
    channel: 'counter',
    status: 2,
    applicant: JSON.stringify(options.applicant ?? {}),
    applicant_phone_digits: options.applicant?.phone ?? '0912345678',
    applicant_identifier: '001190012345',
    documents: '[]',
    fee_vnd: 0,
    received_at: options.at ?? new Date(),
    due_at: null,
    derivation_vi: null,
    derivation_en: null,
    derivation: '[]',
    refusal_reasons: null,
    received_by: null,
  };
}
