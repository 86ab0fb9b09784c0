import { type Kysely, sql } from 'kysely';

// The electronic certification register (issue 7 §3, shared/DOMAIN.md "Certification at the commune"): one
// counter row per commune, type and year (the next number is taken under its row lock, so numbers are
// gapless and unique), and one register entry per paper certified, with the signature request that signs it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('certification_counters')
    .addColumn('unit_id', 'uuid', (c) => c.notNull().references('units.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('certification_counters_pk', ['unit_id', 'kind', 'year'])
    .addCheckConstraint('certification_counters_kind_check', sql`kind in ('copy', 'signature')`)
    .execute();
  await db.schema
    .createTable('certifications')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('unit_id', 'uuid', (c) => c.notNull().references('units.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('book', 'integer', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('dossier_id', 'uuid', (c) => c.notNull().references('dossiers.id'))
    .addColumn('requester_name', 'text', (c) => c.notNull())
    .addColumn('paper_title', 'text', (c) => c.notNull())
    .addColumn('copies', 'integer', (c) => c.notNull())
    .addColumn('pages', 'integer', (c) => c.notNull())
    .addColumn('fee_vnd', 'integer', (c) => c.notNull())
    .addColumn('signer_staff_id', 'uuid', (c) => c.notNull().references('staff.id'))
    .addColumn('signer_name', 'text', (c) => c.notNull())
    .addColumn('signer_title', 'text', (c) => c.notNull())
    .addColumn('officer_staff_id', 'uuid', (c) => c.notNull().references('staff.id'))
    .addColumn('officer_name', 'text', (c) => c.notNull())
    .addColumn('original_sha256', 'text', (c) => c.notNull())
    .addColumn('signature_request_id', 'uuid', (c) => c.notNull().references('signature_requests.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('certified_at', 'timestamptz', (c) => c.notNull())
    .addColumn('completed_at', 'timestamptz')
    .addCheckConstraint('certifications_kind_check', sql`kind in ('copy', 'signature')`)
    .addCheckConstraint('certifications_state_check', sql`state in ('awaiting_signature', 'completed')`)
    .addCheckConstraint('certifications_copies_check', sql`copies between 1 and 100 and pages >= 1`)
    .addUniqueConstraint('certifications_number_unique', ['unit_id', 'kind', 'year', 'seq'])
    .execute();
  await db.schema
    .createIndex('certifications_register_idx')
    .on('certifications')
    .columns(['unit_id', 'kind', 'certified_at'])
    .execute();
  await db.schema
    .createIndex('certifications_dossier_idx')
    .on('certifications')
    .column('dossier_id')
    .execute();
}
