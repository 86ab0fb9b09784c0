import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Certificate authorities, TSA and OCSP responder (issue 5 §1).
  await db.schema
    .createTable('signing_authorities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('root', 'issuing', 'tsa', 'ocsp')`))
    .addColumn('parent_id', 'text', (c) => c.references('signing_authorities.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('certificate', 'text', (c) => c.notNull())
    .addColumn('encrypted_key', 'text')
    .addColumn('wrapped_data_key', 'text')
    .addColumn('is_default_issuer', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('crl_number', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('signing_authorities_one_default')
    .on('signing_authorities')
    .column('is_default_issuer')
    .unique()
    .where(sql.ref('is_default_issuer'), '=', true)
    .execute();
  // Signing credentials with envelope-encrypted keys (issue 5 §2).
  await db.schema
    .createTable('signing_credentials')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('personal', 'seal')`))
    .addColumn('holder_staff_id', 'uuid', (c) => c.notNull().references('staff.id'))
    .addColumn('unit_id', 'uuid', (c) => c.notNull().references('units.id'))
    .addColumn('authority_id', 'text', (c) => c.references('signing_authorities.id'))
    .addColumn('certificate', 'text', (c) => c.notNull())
    .addColumn('chain', 'jsonb', (c) => c.notNull())
    .addColumn('serial', 'text', (c) => c.notNull())
    .addColumn('key_algorithm', 'text', (c) => c.notNull())
    .addColumn('not_before', 'timestamptz', (c) => c.notNull())
    .addColumn('not_after', 'timestamptz', (c) => c.notNull())
    .addColumn('encrypted_key', 'text', (c) => c.notNull())
    .addColumn('wrapped_data_key', 'text', (c) => c.notNull())
    .addColumn('pin_salt', 'text', (c) => c.notNull())
    .addColumn('failed_pins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_at', 'timestamptz')
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('active').check(sql`status in ('active', 'revoked', 'superseded')`),
    )
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('revocation_reason', 'text')
    .addColumn('renews_id', 'uuid', (c) => c.references('signing_credentials.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('signing_credentials_holder')
    .on('signing_credentials')
    .column('holder_staff_id')
    .execute();
  await db.schema
    .createIndex('signing_credentials_serial')
    .on('signing_credentials')
    .columns(['authority_id', 'serial'])
    .execute();
  await db.schema
    .createTable('signing_totp')
    .addColumn('staff_id', 'uuid', (c) => c.primaryKey().references('staff.id'))
    .addColumn('encrypted_secret', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'timestamptz')
    .addColumn('last_step', 'integer')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable('signing_sads')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('credential_id', 'uuid', (c) => c.notNull().references('signing_credentials.id'))
    .addColumn('staff_id', 'uuid', (c) => c.notNull().references('staff.id'))
    .addColumn('hashes', 'jsonb', (c) => c.notNull())
    .addColumn('wrapped_data_key', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .addColumn('signatures', 'jsonb')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}
