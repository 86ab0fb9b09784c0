// Dossier code per Circular 04/2025 (adding Art. 13.3 to Circular 03/2025), shared/DOMAIN.md:
// `<deciding body identifier>-YYMMDD-<seq>`, the sequence per body and per Vietnam day, at least 4 digits.
import { sql } from 'kysely';
import type { Db } from '../../database.ts';
import { vietnamDate } from '../catalogue/vietnam-date.ts';

/**
 * Takes the next code of the deciding body for the Vietnam day of `at`. The code must never repeat but need
 * not be gapless (shared/DOMAIN.md), so numbers come from the counter row in BLOCKS reserved by their own
 * short statement, outside any intake transaction (reserveCodeBlock), and are handed out from memory:
 * - a quiet office gets blocks of one number, so its codes are consecutive and a reservation per intake;
 * - when a block ran out within a second of its reservation the next one doubles (up to 64), so a busy
 *   body reserves once per many intakes instead of once per intake;
 * - numbers of a block left unused for 10 s, or when the process stops, are a gap, never a duplicate; with
 *   several server processes each hands out its own blocks, so codes stay unique but are not in time order
 *   across processes.
 *
 * @throws Error when called inside a transaction (the reservation's relaxed commit would spread to it)
 */
export async function takeDossierCode(
  db: Db,
  body: { readonly id: string; readonly identifier_code: string },
  at: Date,
): Promise<string> {
  if (db.isTransaction) {
    throw new Error('takeDossierCode runs in its own transaction, before the intake opens one');
  }
  const day = vietnamDate(at);
  let blocks = BLOCKS.get(db);
  if (!blocks) {
    blocks = new Map();
    BLOCKS.set(db, blocks);
  }
  const key = `${body.id} ${day}`;
  for (;;) {
    const block = blocks.get(key);
    const now = performance.now();
    if (block && block.next <= block.last && now - block.reservedAt < BLOCK_IDLE_MS) {
      return formatDossierCode(body.identifier_code, day, block.next++);
    }
    if (block?.reserving) {
      await block.reserving;
      continue;
    }
    const size =
      block && now - block.reservedAt < BLOCK_GROWTH_MS ? Math.min(block.size * 2, MAX_BLOCK_SIZE) : 1;
    const reserving = reserveCodeBlock(db, body.id, day, size).then(
      (last) => {
        blocks.set(key, { next: last - size + 1, last, size, reservedAt: performance.now() });
      },
      (error: unknown) => {
        blocks.delete(key);
        throw error;
      },
    );
    forgetIdleBlocks(blocks, now);
    blocks.set(key, { next: 1, last: 0, size, reservedAt: block?.reservedAt ?? 0, reserving });
    await reserving;
  }
}

export interface CodeBlock {
  next: number;
  readonly last: number;
  readonly size: number;
  /** performance.now() of the reservation. */
  readonly reservedAt: number;
  /** A reservation in flight for this body and day: wait for it instead of reserving again. */
  readonly reserving?: Promise<void>;
}

const MAX_BLOCK_SIZE = 64;
const BLOCK_GROWTH_MS = 1_000;
const BLOCK_IDLE_MS = 10_000;
/** Per database handle (each test database and each app has its own), per `<body id> <day>`. */
const BLOCKS = new WeakMap<Db, Map<string, CodeBlock>>();
/** Past this many bodies and days held, the idle ones (their numbers already a gap) are dropped. */
const MAX_HELD_BLOCKS = 256;

/** Drops blocks idle for BLOCK_IDLE_MS (yesterday's among them) once more than MAX_HELD_BLOCKS are held. */
export function forgetIdleBlocks(blocks: Map<string, CodeBlock>, now: number): void {
  if (blocks.size < MAX_HELD_BLOCKS) {
    return;
  }
  for (const [key, block] of blocks) {
    if (!block.reserving && now - block.reservedAt >= BLOCK_IDLE_MS) {
      blocks.delete(key);
    }
  }
}

/**
 * Reserves the next `size` numbers of a body's day: one statement, committed asynchronously
 * (`synchronous_commit` off for its transaction only), so the counter row is locked for this statement and
 * not across a WAL flush, and intakes at one body never queue behind each other's commit. That is safe: a
 * dossier carrying a number commits synchronously AFTER this commit, and flushing its commit record flushes
 * this earlier one too; a crash can lose only numbers that no committed dossier holds (`dossiers.code` is
 * unique besides). Returns the last number of the block.
 */
async function reserveCodeBlock(db: Db, unitId: string, day: string, size: number): Promise<number> {
  const result = await sql<{ last_seq: number }>`
    with relaxed as (select set_config('synchronous_commit', 'off', true)),
    seq as (
      insert into dossier_code_counters (unit_id, day, last_seq) values (${unitId}, ${day}, ${size})
      on conflict (unit_id, day) do update set last_seq = dossier_code_counters.last_seq + ${size}
      returning last_seq
    )
    select seq.last_seq from seq, relaxed`.execute(db);
  const last = result.rows[0]?.last_seq;
  if (last === undefined) {
    throw new Error('the code counter returned no number');
  }
  return Number(last);
}

/** `G06.01`, `2026-02-13`, 7 → `G06.01-260213-0007` (more digits once past 9999). */
export function formatDossierCode(identifierCode: string, day: string, seq: number): string {
  const yymmdd = `${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}`;
  return `${identifierCode}-${yymmdd}-${String(seq).padStart(4, '0')}`;
}

/** A well-formed dossier code (before any lookup), so junk never reaches the database. */
export const DOSSIER_CODE_PATTERN = /^[A-Za-z0-9.]{1,40}-\d{6}-\d{4,9}$/;

/**
 * The dossier code in what a citizen typed or a scanner typed from the receipt's QR code (which holds the
 * lookup URL, `…/tra-cuu?code=<code>`): the `code` parameter of a URL, else the text itself, trimmed.
 */
export function dossierCodeFromInput(input: string): string {
  const text = input.trim();
  if (/^https?:\/\//i.test(text)) {
    try {
      return (new URL(text).searchParams.get('code') ?? '').trim().toUpperCase();
    } catch {
      return '';
    }
  }
  return text.toUpperCase();
}
