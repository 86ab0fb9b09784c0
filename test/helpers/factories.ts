// Factories create their own prerequisites (shared/STYLE.md), with unique values, so tests never share
// rows and never need truncation.
import { randomBytes } from 'node:crypto';
import type { Db } from '../../src/database.ts';
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
