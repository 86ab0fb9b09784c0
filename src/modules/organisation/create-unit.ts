import { randomUUID } from 'node:crypto';
import type { Db } from '../../database.ts';
import { AppError } from '../../platform/errors.ts';
import { appendAuditEvent } from '../audit-log/append-audit-event.ts';
import { findUnitById, insertUnit } from './unit.repository.ts';
import type { Unit, UnitKind } from './unit.table.ts';

// Decision 20/2020 (amended by 09/2025): ≤ 35 characters of '.', digits and capitals, dot-separated groups.
const IDENTIFIER = /^[A-Y][0-9]{2}(\.[0-9A-Z]{1,})*$/;
const EXCHANGE = /^[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.[A-Z][0-9]{2}$/;

export interface CreateUnitOptions {
  readonly db: Db;
  readonly requestId: string | null;
  readonly parentId: string | null;
  readonly kind: UnitKind;
  readonly name: string;
  readonly sealName: string;
  readonly identifierCode: string;
  readonly exchangeCode?: string | null;
}

/** Adds a unit to the tree (demo seed, and later the province administrator's page). */
export async function createUnit(options: CreateUnitOptions): Promise<Unit> {
  const fields: Record<string, string> = {};
  if (!IDENTIFIER.test(options.identifierCode) || options.identifierCode.length > 35) {
    fields.identifierCode = 'identifierInvalid';
  }
  if (options.exchangeCode && !EXCHANGE.test(options.exchangeCode)) {
    fields.exchangeCode = 'exchangeCodeInvalid';
  }
  if (!options.name.trim()) {
    fields.name = 'required';
  }
  if (Object.keys(fields).length > 0) {
    throw new AppError('VALIDATION_FAILED', 'The unit could not be created.', { fields });
  }
  const parent = options.parentId ? await findUnitById(options.db, options.parentId) : null;
  if (options.parentId && !parent) {
    throw new AppError('VALIDATION_FAILED', 'Unknown parent unit.', { fields: { parentId: 'unknownUnit' } });
  }
  return options.db.transaction().execute(async (trx) => {
    const unit = await insertUnit(trx, {
      id: randomUUID(),
      parent: parent ?? null,
      kind: options.kind,
      name: options.name.trim(),
      sealName: options.sealName.trim(),
      identifierCode: options.identifierCode,
      exchangeCode: options.exchangeCode ?? null,
    });
    await appendAuditEvent(trx, {
      actor: { type: 'system', id: null },
      action: 'organisation.unit_created',
      unitId: unit.id,
      subjectType: 'unit',
      subjectId: unit.id,
      requestId: options.requestId,
      state: unit,
    });
    return unit;
  });
}
