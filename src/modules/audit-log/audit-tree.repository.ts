// Storage of the Merkle tree (tiles, checkpoints, integration state). Plain functions taking the database
// or a transaction first (shared/STYLE.md).
import { sql } from 'kysely';
import type { DbExecutor, Trx } from '../../database.ts';
import type { Tile, TileData } from '../../lib/tlog/index.ts';
import type { AuditCheckpoint } from './audit-event.table.ts';

const toBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
const toBytes = (value: Uint8Array) => new Uint8Array(value.buffer, value.byteOffset, value.byteLength);

/** Tiles as stored (possibly wider than asked: a wider tile's prefix is the narrower one); missing → undefined. */
export async function readStoredTiles(
  db: DbExecutor,
  tiles: readonly Tile[],
): Promise<(Uint8Array | undefined)[]> {
  if (tiles.length === 0) {
    return [];
  }
  const keys = sql.join(tiles.map((t) => sql`(${t.level}::smallint, ${t.index}::bigint)`));
  const result = await sql<{ level: number; idx: number; hashes: Uint8Array }>`
    select level, idx, hashes from audit_tiles where (level, idx) in (${keys})`.execute(db);
  const byKey = new Map(result.rows.map((row) => [`${row.level}/${row.idx}`, toBytes(row.hashes)]));
  return tiles.map((t) => byKey.get(`${t.level}/${t.index}`));
}

export async function upsertTiles(trx: Trx, tiles: readonly TileData[]): Promise<void> {
  if (tiles.length === 0) {
    return;
  }
  await trx
    .insertInto('audit_tiles')
    .values(tiles.map((t) => ({ level: t.level, idx: t.index, hashes: toBuffer(t.hashes) })))
    .onConflict((oc) =>
      oc.columns(['level', 'idx']).doUpdateSet({ hashes: (eb) => eb.ref('excluded.hashes') }),
    )
    .execute();
}

/** Takes the integration lock (the single state row) and returns the size the tiles hold. */
export async function lockTreeState(trx: Trx): Promise<number> {
  const row = await trx
    .selectFrom('audit_tree_state')
    .select('size')
    .where('id', '=', 1)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return Number(row.size);
}

export async function setTreeSize(trx: Trx, size: number): Promise<void> {
  await trx.updateTable('audit_tree_state').set({ size }).where('id', '=', 1).execute();
}

export async function readTreeSize(db: DbExecutor): Promise<number> {
  const row = await db.selectFrom('audit_tree_state').select('size').where('id', '=', 1).executeTakeFirst();
  return Number(row?.size ?? 0);
}

/** Sequenced entries from `fromSeq` on, in sequence order (the integrator's and the verifier's input). */
export async function readEntries(
  db: DbExecutor,
  fromSeq: number,
  limit: number,
): Promise<{ seq: number; entry: string }[]> {
  const rows = await db
    .selectFrom('audit_events')
    .select(['seq', 'entry'])
    .where('seq', '>=', fromSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows as { seq: number; entry: string }[];
}

export async function insertCheckpoint(
  trx: Trx,
  checkpoint: { size: number; rootHash: Uint8Array; note: string },
): Promise<void> {
  await trx
    .insertInto('audit_checkpoints')
    .values({ size: checkpoint.size, root_hash: toBuffer(checkpoint.rootHash), note: checkpoint.note })
    .execute();
}

export async function findLatestCheckpoint(db: DbExecutor): Promise<AuditCheckpoint | undefined> {
  const row = await db
    .selectFrom('audit_checkpoints')
    .selectAll()
    .orderBy('size', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && { ...row, size: Number(row.size), root_hash: toBytes(row.root_hash) };
}

export async function findCheckpoint(db: DbExecutor, size: number): Promise<AuditCheckpoint | undefined> {
  const row = await db
    .selectFrom('audit_checkpoints')
    .selectAll()
    .where('size', '=', size)
    .executeTakeFirst();
  return row && { ...row, size: Number(row.size), root_hash: toBytes(row.root_hash) };
}

/** Every checkpoint, oldest first (the verifier checks them all). */
export async function listCheckpoints(db: DbExecutor): Promise<AuditCheckpoint[]> {
  const rows = await db.selectFrom('audit_checkpoints').selectAll().orderBy('size').execute();
  return rows.map((row) => ({ ...row, size: Number(row.size), root_hash: toBytes(row.root_hash) }));
}

/** The counter of the sequencer: how many events were ever sequenced (pending ones aside). */
export async function readNextSeq(db: DbExecutor): Promise<number> {
  const result = await sql<{ next_seq: number }>`select next_seq from audit_head where id = 1`.execute(db);
  return Number(result.rows[0]?.next_seq ?? 0);
}

/** Committed events still awaiting the sequencer (`seq` NULL; the partial index keeps this cheap). */
export async function countPendingEvents(db: DbExecutor): Promise<number> {
  const result = await sql<{ n: string | number }>`
    select count(*) as n from audit_events where seq is null`.execute(db);
  return Number(result.rows[0]?.n ?? 0);
}
