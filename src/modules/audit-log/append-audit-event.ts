import { createHash } from 'node:crypto';
import { type RawBuilder, sql, type Transaction } from 'kysely';
import type { Database } from '../../database.ts';
import type { AuditAction } from './audit-actions.ts';

export interface AuditActor {
  readonly type: 'staff' | 'citizen' | 'system' | 'anonymous';
  readonly id: string | null;
}

export interface AuditEventInput {
  readonly actor: AuditActor;
  readonly action: AuditAction;
  readonly unitId: string | null;
  readonly subjectType: string;
  readonly subjectId: string | null;
  readonly requestId: string | null;
  /** The subject's new state; only its SHA-256 enters the log. */
  readonly state?: unknown;
  /** Non-personal details (ids, codes, counts). Personal data must be left out by the caller. */
  readonly details?: Readonly<Record<string, unknown>>;
  readonly at?: Date;
}

/** Deterministic JSON: keys sorted, so the same event always yields the same entry bytes. */
export function canonicalJson(value: unknown): string {
  if (typeof value === 'string') {
    return JSON.stringify(value);
  }
  if (value === null || typeof value !== 'object') {
    return JSON.stringify(value ?? null);
  }
  if (value instanceof Date) {
    return JSON.stringify(value.toISOString());
  }
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      out += i === 0 ? canonicalJson(value[i]) : `,${canonicalJson(value[i])}`;
    }
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  // The default sort compares UTF-16 code units, as `<` does.
  const keys = Object.keys(record).sort();
  let out = '{';
  for (const key of keys) {
    const v = record[key];
    if (v !== undefined) {
      out += `${out.length === 1 ? '' : ','}${JSON.stringify(key)}:${canonicalJson(v)}`;
    }
  }
  return `${out}}`;
}

/**
 * What a pending entry holds where its `seq` goes: U+0001, which canonical JSON never contains (JSON.stringify
 * escapes every control character), so the sequencer's `replace(entry, chr(1), seq::text)` touches exactly
 * that spot and the sequenced entry is byte for byte what a JSON number `seq` there would give.
 */
export const PENDING_SEQ = '\u0001';

/**
 * Appends one audit event inside the caller's transaction, so a rolled-back change leaves no event and a
 * committed change always has one. The event is inserted pending (`seq` NULL): no counter row, no lock, so
 * concurrent writers never queue on each other. The single sequencer (sequence-audit-events.ts, run by the
 * integrator loop) later gives every committed pending event its gapless `seq` (shared/AUDIT-LOG.md: a
 * pending table plus one batch sequencer; `bigserial` alone leaves gaps and misorders).
 */
export async function appendAuditEvent(trx: Transaction<Database>, event: AuditEventInput): Promise<void> {
  await auditEventInsert(event).execute(trx);
}

/**
 * The same pending insert as appendAuditEvent, as an SQL fragment for a data-modifying CTE: a use case whose
 * whole change is ONE statement (`with changed as (…), audited as (${auditEventInsert(…)}) select …`) commits
 * the change and its event atomically without opening a transaction (one round trip instead of four).
 */
export function auditEventInsert(event: AuditEventInput): RawBuilder<unknown> {
  const row = pendingAuditRow(event);
  return sql`
    insert into audit_events (occurred_at, actor_type, actor_id, unit_id, action, subject_type, subject_id,
      request_id, state_digest, details, entry)
    values (${row.occurred_at}, ${row.actor_type}, ${row.actor_id}, ${row.unit_id}, ${row.action},
      ${row.subject_type}, ${row.subject_id}, ${row.request_id}, ${row.state_digest},
      ${JSON.stringify(row.details)}::jsonb, ${row.entry})`;
}

/** The columns of a pending audit event (`seq` NULL), as auditEventInsert writes them. */
export interface PendingAuditRow {
  readonly occurred_at: Date;
  readonly actor_type: AuditActor['type'];
  readonly actor_id: string | null;
  readonly unit_id: string | null;
  readonly action: AuditAction;
  readonly subject_type: string;
  readonly subject_id: string | null;
  readonly request_id: string | null;
  readonly state_digest: string | null;
  readonly details: Readonly<Record<string, unknown>>;
  /** The canonical entry, PENDING_SEQ where the sequencer puts `seq`. */
  readonly entry: string;
}

/**
 * The pending event's columns, for a statement that writes several events from one parameter (the
 * intake's group commit, insert-dossiers.ts); auditEventInsert is the one-event fragment of the same row.
 */
export function pendingAuditRow(event: AuditEventInput): PendingAuditRow {
  const occurredAt = event.at ?? new Date();
  const stateDigest =
    event.state === undefined ? null : createHash('sha256').update(canonicalJson(event.state)).digest('hex');
  const details = event.details ?? {};
  // The canonical JSON of {v: 1, seq, at, actor, unit, action, subject, request, state, details}, written in
  // its sorted key order with PENDING_SEQ for `seq` (the test compares it with canonicalJson of the object).
  const entry =
    `{"action":${JSON.stringify(event.action)}${member('actor', { type: event.actor.type, id: event.actor.id })}` +
    `${member('at', occurredAt.toISOString())}${member('details', details)}${member('request', event.requestId)}` +
    `,"seq":${PENDING_SEQ}${member('state', stateDigest)}` +
    `${member('subject', { type: event.subjectType, id: event.subjectId })}${member('unit', event.unitId)},"v":1}`;
  return {
    occurred_at: occurredAt,
    actor_type: event.actor.type,
    actor_id: event.actor.id,
    unit_id: event.unitId,
    action: event.action,
    subject_type: event.subjectType,
    subject_id: event.subjectId,
    request_id: event.requestId,
    state_digest: stateDigest,
    details,
    entry,
  };
}

/** `,"key":value` as canonicalJson writes a member after the first (nothing for an undefined value). */
function member(key: string, value: unknown): string {
  return value === undefined ? '' : `,"${key}":${canonicalJson(value)}`;
}
