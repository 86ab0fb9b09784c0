// A pending table plus a single sequencer (issue 4 §2): business transactions only INSERT their event with
// `seq` NULL (no hot row, no lock); the sequencer numbers every committed pending event in one statement
// (sequence-audit-events.ts). `id` (an identity, never reused) is the insertion order the sequencer numbers
// by; `seq` stays unique and gapless over the sequenced rows. A pending entry holds U+0001 where the number
// goes (canonical JSON escapes every control character, so it occurs nowhere else).
//
// The append-only trigger now lets exactly one UPDATE through: a pending row receiving its number, its
// entry becoming the same bytes with U+0001 replaced by that number, every other column unchanged.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger audit_events_append_only on audit_events`.execute(db);
  await sql`alter table audit_events add column id bigint`.execute(db);
  await sql`update audit_events set id = seq`.execute(db);
  await sql`alter table audit_events alter column id set not null`.execute(db);
  await sql`alter table audit_events alter column id add generated always as identity`.execute(db);
  await sql`
    select setval(pg_get_serial_sequence('audit_events', 'id'),
      (select coalesce(max(id) + 1, 1) from audit_events), false)`.execute(db);
  await sql`alter table audit_events drop constraint audit_events_pkey`.execute(db);
  await sql`alter table audit_events add constraint audit_events_pkey primary key (id)`.execute(db);
  await sql`alter table audit_events alter column seq drop not null`.execute(db);
  await sql`alter table audit_events add constraint audit_events_seq_key unique (seq)`.execute(db);
  await sql`create index audit_events_pending_idx on audit_events (id) where seq is null`.execute(db);
  await sql`
    alter table audit_events add constraint audit_events_pending_entry
      check ((seq is null) = (strpos(entry, chr(1)) > 0))`.execute(db);
  await sql`
    create function audit_events_sequence_only() returns trigger language plpgsql as $$
    begin
      if tg_op = 'UPDATE' and old.seq is null and new.seq is not null and new.id = old.id
        and new.entry = replace(old.entry, chr(1), new.seq::text)
        and (new.occurred_at, new.actor_type, new.actor_id, new.unit_id, new.action, new.subject_type,
          new.subject_id, new.request_id, new.state_digest, new.details)
          is not distinct from (old.occurred_at, old.actor_type, old.actor_id, old.unit_id, old.action,
          old.subject_type, old.subject_id, old.request_id, old.state_digest, old.details) then
        return new;
      end if;
      raise exception 'audit log: % on % is not allowed (append-only; only the sequencer numbers a pending event)',
        tg_op, tg_table_name;
    end $$`.execute(db);
  await sql`
    create trigger audit_events_append_only before update or delete on audit_events
    for each row execute function audit_events_sequence_only()`.execute(db);
}
