// The shared machinery of the audit coverage tests (issue 4 §1): every state-changing use case appends its
// event in the SAME transaction as the change. For one action, `exercise` runs the use case twice on the
// real engine:
//   1. with that action's append refused inside the database (a trigger raises, as any statement of the
//      transaction might): the use case must fail with the refusal and leave every table exactly as it was;
//   2. normally: exactly one event of that action is appended, with the expected actor, unit and subject,
//      and the transaction that appended it also wrote the changed row (its xmin).
// Events are seen through the trigger itself (a capture table), never through `seq`: the append may leave
// `seq` to a background sequencer. Where the trigger sits is decided in ONE place, `installAuditRefusal`.
import assert from 'node:assert/strict';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../src/database.ts';
import type { AuditAction } from '../../src/modules/audit-log/audit-actions.ts';
import { COVERAGE_PLAN, type CoverageFile } from './plan.ts';

/**
 * The table every audit append inserts into inside the business transaction. Re-point here (and only here)
 * when appends go elsewhere first (e.g. a pending table drained by a sequencer).
 */
export const APPEND_TABLE = 'audit_events';

/** Tables of this machinery, left out of the database digest. */
const OWN_TABLES = ['audit_coverage_refused', 'audit_coverage_appended'];

/**
 * Tables a refused run may change by design, outside the business transaction: the dossier code counters,
 * bumped in their own statement before the intake's transaction (a failed intake leaves a gap in the codes,
 * never a duplicate: ARCHITECTURE.md, test/http/dossier-code.test.ts).
 */
const CHANGED_BEFORE_BY_DESIGN = ['dossier_code_counters'];

/**
 * Installs the trigger on the append table: an armed action's insert raises; any other insert is copied to
 * `audit_coverage_appended` (in the same transaction, so its xmin is the business transaction's).
 */
export async function installAuditRefusal(db: Kysely<Database>): Promise<void> {
  await sql`create table audit_coverage_refused (action text primary key)`.execute(db);
  await sql`create table audit_coverage_appended (action text not null, actor_type text, actor_id text,
    unit_id text, subject_type text, subject_id text)`.execute(db);
  await sql`create function audit_coverage_refuse() returns trigger language plpgsql as $$
    begin
      if exists (select 1 from audit_coverage_refused where action = new.action) then
        raise exception 'audit coverage: % refused', new.action;
      end if;
      insert into audit_coverage_appended values (new.action, new.actor_type, new.actor_id::text,
        new.unit_id::text, new.subject_type, new.subject_id::text);
      return new;
    end $$`.execute(db);
  await sql`create trigger audit_coverage_refuse before insert on ${sql.table(APPEND_TABLE)}
    for each row execute function audit_coverage_refuse()`.execute(db);
}

/** What the one event of an action must say. `null` ids are asserted null; omitted parts are not checked. */
export interface ExpectedEvent {
  readonly actor?: { readonly type: string; readonly id: string | null };
  readonly unit?: string | null;
  readonly subject?: { readonly type: string; readonly id?: string | null };
}

export interface ExerciseOptions<T> {
  /** The error code the use case throws by design after appending (a failed sign-in). */
  readonly rejects?: string;
  /** The event's actor, unit and subject; a function receives the normal run's result. */
  readonly expect?: ExpectedEvent | ((result: T | undefined) => ExpectedEvent);
  /** How many events of the action one normal run appends (default 1). */
  readonly count?: number;
  /**
   * Changes committed in their own transactions before the refused one, each with its own event (the
   * authorisation and the signHash of a remote signing): in the refused run these tables may change, and
   * only these events are appended, in this order.
   */
  readonly before?: { readonly actions: readonly AuditAction[]; readonly tables: readonly string[] };
}

/** A refused append as the caller sees it: the database error, or a 500 from an HTTP route. */
const REFUSAL = /audit coverage: .+ refused|^500 /;

export function auditCoverage(db: Kysely<Database>, file: CoverageFile) {
  const exercised = new Set<AuditAction>();

  /** A digest of every row of every table (this machinery's and `skip` aside): equal digests, equal rows. */
  async function databaseDigest(skip: readonly string[] = []): Promise<string> {
    const tables = await sql<{ name: string }>`
      select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db);
    const parts: string[] = [];
    for (const { name } of tables.rows.filter(
      (t) => ![...OWN_TABLES, ...CHANGED_BEFORE_BY_DESIGN, ...skip].includes(t.name),
    )) {
      const result = await sql<{ digest: string | null }>`
        select md5(string_agg(t::text, '|' order by t::text)) as digest from ${sql.table(name)} t`.execute(
        db,
      );
      parts.push(`${name}:${result.rows[0]?.digest ?? ''}`);
    }
    return parts.join('\n');
  }

  /** Tables (the append table and this machinery's aside) holding a row written by transaction `xid`. */
  async function tablesWrittenBy(xid: string): Promise<string[]> {
    const tables = await sql<{ name: string }>`
      select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(db);
    const written: string[] = [];
    for (const { name } of tables.rows) {
      if (name === APPEND_TABLE || OWN_TABLES.includes(name)) {
        continue;
      }
      const found = await sql<{ n: number }>`
        select count(*)::int as n from ${sql.table(name)} where xmin::text = ${xid}`.execute(db);
      if (Number(found.rows[0]?.n) > 0) {
        written.push(name);
      }
    }
    return written;
  }

  /**
   * Runs `run` twice: first with the append of `action` refused (must fail and change nothing), then
   * normally (must append exactly one `action` event, written by the same transaction as a row of `table`,
   * unless the change is a deletion or a read: table null).
   */
  async function exercise<T>(
    action: AuditAction,
    table: string | null,
    run: () => Promise<T>,
    options: ExerciseOptions<T> = {},
  ): Promise<T | undefined> {
    exercised.add(action);
    await sql`insert into audit_coverage_refused (action) values (${action})`.execute(db);
    await sql`delete from audit_coverage_appended`.execute(db);
    // With an earlier committed change (options.before), the log's tables move by its events only.
    const skip = options.before ? [...options.before.tables, APPEND_TABLE, 'audit_head'] : [];
    const before = await databaseDigest(skip);
    await assert.rejects(run(), (error: Error & { fields?: unknown }) => {
      // The refusal itself, not a validation problem of the test's input.
      assert.match(
        error.message,
        REFUSAL,
        `${action}: ${error.message} ${JSON.stringify(error.fields ?? '')}`,
      );
      return true;
    });
    assert.equal(await databaseDigest(skip), before, `${action}: a failed transaction leaves nothing behind`);
    const committed = await sql<{ action: string }>`select action from audit_coverage_appended`.execute(db);
    assert.deepEqual(
      committed.rows.map((r) => r.action),
      options.before?.actions ?? [],
      `${action}: the refused run committed no other event`,
    );
    await sql`delete from audit_coverage_refused`.execute(db);

    await sql`delete from audit_coverage_appended`.execute(db);
    let result: T | undefined;
    if (options.rejects) {
      await assert.rejects(run(), { code: options.rejects });
    } else {
      result = await run();
    }
    const events = await sql<{
      xid: string;
      actor_type: string;
      actor_id: string | null;
      unit_id: string | null;
      subject_type: string;
      subject_id: string | null;
    }>`select xmin::text as xid, actor_type, actor_id, unit_id, subject_type, subject_id
       from audit_coverage_appended where action = ${action}`.execute(db);
    assert.equal(events.rows.length, options.count ?? 1, `${action}: events appended by one run`);
    const expected = typeof options.expect === 'function' ? options.expect(result) : options.expect;
    for (const event of events.rows) {
      if (expected?.actor) {
        assert.deepEqual(
          { type: event.actor_type, id: event.actor_id },
          expected.actor,
          `${action}: the event's actor`,
        );
      }
      if (expected?.unit !== undefined) {
        assert.equal(event.unit_id, expected.unit, `${action}: the event's unit`);
      }
      if (expected?.subject) {
        assert.equal(event.subject_type, expected.subject.type, `${action}: the event's subject type`);
        if (expected.subject.id !== undefined) {
          assert.equal(event.subject_id, expected.subject.id, `${action}: the event's subject id`);
        }
      }
      if (table) {
        assert.ok(
          (await tablesWrittenBy(event.xid)).includes(table),
          `${action}: the event's transaction did not write ${table}`,
        );
      }
    }
    return result;
  }

  /** The actions this file exercised are exactly those the plan gives it. */
  function assertPlanDone(): void {
    const planned = Object.entries(COVERAGE_PLAN)
      .filter(([, where]) => where === file)
      .map(([action]) => action)
      .sort();
    assert.deepEqual([...exercised].sort(), planned);
  }

  return { exercise, assertPlanDone };
}

/** The actor part of an expected event for a staff member. */
export const staffActor = (id: string) => ({ type: 'staff', id });

/**
 * The one event: by a staff member, on a unit, about a subject (of this id, if given). An administrator's
 * change to an account (disable, enable, password, lockout) names the unit through which the administrator
 * manages it (getManageableStaff); what the member does on their own account (sessions, tokens, the second
 * factor) names no unit (null): an account spans the units it has roles on.
 */
export const by = (staffId: string, unit: string | null, type: string, id?: string): ExpectedEvent => ({
  actor: staffActor(staffId),
  unit,
  subject: id === undefined ? { type } : { type, id },
});
