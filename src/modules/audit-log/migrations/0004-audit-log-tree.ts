// The Merkle tree over audit_events (issue 4 §3): C2SP tlog-tiles stored as rows, the signed checkpoints,
// and the integration state. Triggers make audit_events and checkpoints append-only for the application;
// a superuser can still switch them off (session_replication_role = replica), which is why detection rests
// on `xaso audit verify` against checkpoints signed with a key the database does not hold.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('audit_tiles')
    .addColumn('level', 'smallint', (c) => c.notNull())
    .addColumn('idx', 'bigint', (c) => c.notNull())
    .addColumn('hashes', 'bytea', (c) => c.notNull())
    .addPrimaryKeyConstraint('audit_tiles_pk', ['level', 'idx'])
    .addCheckConstraint(
      'audit_tiles_width',
      sql`octet_length(hashes) between 32 and 8192 and octet_length(hashes) % 32 = 0`,
    )
    .execute();
  await db.schema
    .createTable('audit_checkpoints')
    .addColumn('size', 'bigint', (c) => c.primaryKey())
    .addColumn('root_hash', 'bytea', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable('audit_cosignatures')
    .addColumn('size', 'bigint', (c) => c.notNull().references('audit_checkpoints.size'))
    .addColumn('witness', 'text', (c) => c.notNull())
    .addColumn('signature_line', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('audit_cosignatures_pk', ['size', 'witness'])
    .execute();
  await db.schema
    .createTable('audit_witnesses')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('verifier_key', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('audit_tree_state')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addCheckConstraint('audit_tree_state_single_row', sql`id = 1`)
    .execute();
  await sql`insert into audit_tree_state (id, size) values (1, 0)`.execute(db);
  await sql`
    create function audit_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit log: % on % is not allowed (append-only)', tg_op, tg_table_name;
    end $$`.execute(db);
  for (const table of ['audit_events', 'audit_checkpoints']) {
    await sql`
      create trigger ${sql.raw(`${table}_append_only`)} before update or delete on ${sql.raw(table)}
      for each row execute function audit_append_only()`.execute(db);
    await sql`
      create trigger ${sql.raw(`${table}_no_truncate`)} before truncate on ${sql.raw(table)}
      for each statement execute function audit_append_only()`.execute(db);
  }
}
