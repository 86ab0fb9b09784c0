import { createHash, randomBytes } from 'node:crypto';
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
  if (value === null || typeof value !== 'object') {
    return JSON.stringify(value ?? null);
  }
  if (value instanceof Date) {
    return JSON.stringify(value.toISOString());
  }
  if (Array.isArray(value)) {
    return `[${value.map(canonicalJson).join(',')}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
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
  const occurredAt = event.at ?? new Date();
  const stateDigest =
    event.state === undefined ? null : createHash('sha256').update(canonicalJson(event.state)).digest('hex');
  const details = event.details ?? {};
  // A random placeholder cannot occur elsewhere in the JSON: the entry is prefix || seq || suffix.
  const placeholder = randomBytes(12).toString('hex');
  const template = canonicalJson({
    v: 1,
    seq: placeholder,
    at: occurredAt.toISOString(),
    actor: { type: event.actor.type, id: event.actor.id },
    unit: event.unitId,
    action: event.action,
    subject: { type: event.subjectType, id: event.subjectId },
    request: event.requestId,
    state: stateDigest,
    details,
  });
  const entry = template.replace(`"${placeholder}"`, PENDING_SEQ);
  return sql`
    insert into audit_events (occurred_at, actor_type, actor_id, unit_id, action, subject_type, subject_id,
      request_id, state_digest, details, entry)
    values (${occurredAt}, ${event.actor.type}, ${event.actor.id}, ${event.unitId}, ${event.action},
      ${event.subjectType}, ${event.subjectId}, ${event.requestId}, ${stateDigest},
      ${JSON.stringify(details)}::jsonb, ${entry})`;
}
