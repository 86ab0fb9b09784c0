// `xaso audit verify` (issue 4 §7): recompute the Merkle tree from the stored events and hold it against
// every stored checkpoint, whose signatures are checked with the log's verifier key (kept outside the
// database). Any UPDATE, DELETE, reordering, insertion or truncation of audit_events, even by a superuser
// with triggers off, changes a leaf, a root or the sequence, and the first bad entry index is named.
import { timingSafeEqual } from 'node:crypto';
import { sql } from 'kysely';
import type { DbExecutor } from '../../database.ts';
import {
  isTlogError,
  leafHashOfText,
  type NoteVerifier,
  openNote,
  parseCheckpoint,
  RootChecker,
  TILE_WIDTH,
} from '../../lib/tlog/index.ts';
import { canonicalJson } from './append-audit-event.ts';
import type { AuditEvent } from './audit-event.table.ts';
import {
  countPendingEvents,
  listCheckpoints,
  readNextSeq,
  readStoredTiles,
  readTreeSize,
} from './audit-tree.repository.ts';

export type AuditProblemKind =
  /** An index with no stored event (deleted, or renumbered away). */
  | 'missing_entry'
  /** An entry whose bytes no longer hash to the leaf the log committed to. */
  | 'modified_entry'
  /** An entry that names another position than its own (moved). */
  | 'misplaced_entry'
  /** The columns shown to people disagree with the logged entry they are derived from. */
  | 'column_mismatch'
  /** The tree of the first n stored entries does not have the root of the signed checkpoint of size n. */
  | 'root_mismatch'
  /** A checkpoint whose signature does not verify, or whose text disagrees with its row. */
  | 'bad_checkpoint'
  /** Fewer entries are stored than the signed checkpoints cover. */
  | 'truncated'
  /** The sequencer's counter disagrees with the stored entries (an event added or removed behind it). */
  | 'sequence_mismatch';

export interface AuditProblem {
  readonly kind: AuditProblemKind;
  /** The entry index concerned, when one can be named. */
  readonly index: number | undefined;
  /** For a root mismatch: the first index of the range between two checkpoints where a change must be. */
  readonly from?: number;
  readonly message: string;
}

/** Wall-clock time of each phase of a verification (the benchmark prints them). */
export interface VerificationPhases {
  /** Reading the checkpoints and checking their signatures. */
  checkpoints: number;
  /**
   * Waiting for events and tiles from the database: the next batch is fetched, and parsed by the driver,
   * while one is checked, so only what did not overlap counts here.
   */
  read: number;
  /** This thread's work on the events (leaf hashes, tiles, columns), with the driver's parsing meanwhile. */
  entries: number;
  /** Waiting for the tree worker (interior nodes, checkpoint roots): only when it is behind. */
  tree: number;
}

export interface AuditVerification {
  readonly isIntact: boolean;
  readonly entries: number;
  readonly checkpoints: number;
  /** The latest signed checkpoint's size and root (hex), if any. */
  readonly latest: { size: number; rootHash: string } | undefined;
  /** Entries stored after the latest checkpoint (not yet integrated: covered by no signature yet). */
  readonly pending: number;
  /** Events stored without a sequence number yet (the sequencer has not reached them): not verified. */
  readonly unsequenced: number;
  /** Where the time went (wall clock, ms): see VerificationPhases. */
  readonly phasesMs: VerificationPhases;
  /** The smallest entry index named by a problem. */
  readonly firstBadIndex: number | undefined;
  readonly problems: readonly AuditProblem[];
}

const BATCH = TILE_WIDTH * 32;
const HASH_BYTES = 32;
const YIELD_EVERY = 512;
const MAX_PROBLEMS = 50;

/** The columns must say what the logged entry says (append-audit-event.ts builds both from one input). */
/** Is `leaf` the hash stored at `offset` of the tile? (Public data: no constant-time need; no copies.) */
function isLeafAt(tile: Uint8Array, offset: number, leaf: Uint8Array): boolean {
  for (let i = 0; i < 32; i++) {
    if (tile[offset + i] !== leaf[i]) {
      return false;
    }
  }
  return true;
}

/** An event row as the verifier reads it: the time and details as text (no per-row objects). */
type EventText = Omit<AuditEvent, 'occurred_at' | 'details'> & {
  occurred_at: string;
  /** jsonb as PostgreSQL prints it. */
  details: string;
};

function columnMismatch(row: EventText, entry: Record<string, unknown>): string | undefined {
  const actor = (entry.actor ?? {}) as Record<string, unknown>;
  const subject = (entry.subject ?? {}) as Record<string, unknown>;
  const expected: [string, unknown, unknown][] = [
    ['occurred_at', row.occurred_at, entry.at],
    ['actor_type', row.actor_type, actor.type],
    ['actor_id', row.actor_id, actor.id],
    ['unit_id', row.unit_id, entry.unit],
    ['action', row.action, entry.action],
    ['subject_type', row.subject_type, subject.type],
    ['subject_id', row.subject_id, subject.id],
    ['request_id', row.request_id, entry.request],
    ['state_digest', row.state_digest, entry.state],
  ];
  const differs = expected.find(([, column, logged]) => column !== logged)?.[0];
  if (differs) {
    return differs;
  }
  return canonicalJson(JSON.parse(row.details)) === canonicalJson(entry.details) ? undefined : 'details';
}

const json = JSON.stringify;

/**
 * The fast path of the column check: is `row.entry` exactly the canonical entry append-audit-event.ts builds
 * from these columns (keys sorted, version 1)? Its pieces are compared in place, where parsing the entry
 * costs a JSON.parse and objects per row. Only a yes is trusted: any other answer (a changed column, another
 * entry version, other spacing) goes through the parsing check, which names the difference.
 */
function isCanonicalEntryOf(row: EventText, seq: number): boolean {
  const { entry } = row;
  let at = 0;
  const next = (text: string): boolean => {
    if (!entry.startsWith(text, at)) {
      return false;
    }
    at += text.length;
    return true;
  };
  /** A key (with what precedes it) and its value as JSON. */
  const field = (key: string, value: string | null): boolean => next(key) && next(json(value));
  return (
    field('{"action":', row.action) &&
    field(',"actor":{"id":', row.actor_id) &&
    field(',"type":', row.actor_type) &&
    field('},"at":', row.occurred_at) &&
    next(',"details":') &&
    // jsonb prints `{}` as the canonical form does; other details are put in canonical form first.
    (next(row.details) || next(canonicalJson(JSON.parse(row.details)))) &&
    field(',"request":', row.request_id) &&
    next(',"seq":') &&
    next(String(seq)) &&
    field(',"state":', row.state_digest) &&
    field(',"subject":{"id":', row.subject_id) &&
    field(',"type":', row.subject_type) &&
    field('},"unit":', row.unit_id) &&
    next(',"v":1}') &&
    at === entry.length
  );
}

/** The slow path: the entry parsed, its position and (when asked) the columns checked field by field. */
function parsedEntryProblem(
  row: EventText,
  seq: number,
  checkColumns: boolean,
): { kind: AuditProblemKind; message: string } | undefined {
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(row.entry) as Record<string, unknown>;
  } catch {
    return { kind: 'modified_entry', message: `entry ${seq} is not valid JSON` };
  }
  if (typeof parsed !== 'object' || parsed === null) {
    return { kind: 'modified_entry', message: `entry ${seq} is not a JSON object` };
  }
  if (parsed.seq !== seq) {
    return { kind: 'misplaced_entry', message: `entry ${seq} says it is entry ${String(parsed.seq)}` };
  }
  const column = checkColumns ? columnMismatch(row, parsed) : undefined;
  return column
    ? { kind: 'column_mismatch', message: `entry ${seq}: column ${column} differs from the logged entry` }
    : undefined;
}

export async function verifyAuditLog(options: {
  db: DbExecutor;
  verifiers: readonly NoteVerifier[];
  /** The expected checkpoint origin (the log key's name when absent). */
  origin?: string;
  /** Also compare the derived columns with the entries (on by default). */
  checkColumns?: boolean;
}): Promise<AuditVerification> {
  const { db } = options;
  const problems: AuditProblem[] = [];
  const report = (kind: AuditProblemKind, index: number | undefined, message: string, from?: number) => {
    if (problems.length < MAX_PROBLEMS) {
      problems.push(from === undefined ? { kind, index, message } : { kind, index, message, from });
    }
  };
  const origin = options.origin ?? options.verifiers[0]?.name;
  const phases: VerificationPhases = { checkpoints: 0, read: 0, entries: 0, tree: 0 };
  let mark = performance.now();
  const elapsed = () => {
    const now = performance.now();
    const ms = now - mark;
    mark = now;
    return ms;
  };

  // 1. Every checkpoint: signed by the log key, and its text agrees with its row.
  const checkpoints = await listCheckpoints(db);
  for (const row of checkpoints) {
    try {
      const checkpoint = parseCheckpoint(openNote(row.note, options.verifiers).text);
      if (checkpoint.origin !== origin || checkpoint.size !== row.size) {
        report('bad_checkpoint', undefined, `checkpoint ${row.size}: origin or size differs from its row`);
      } else if (!timingSafeEqual(checkpoint.rootHash, row.root_hash)) {
        report('bad_checkpoint', undefined, `checkpoint ${row.size}: root hash differs from its row`);
      }
    } catch (error) {
      const why = isTlogError(error) ? error.message : String(error);
      report('bad_checkpoint', undefined, `checkpoint ${row.size}: ${why}`);
    }
  }

  // 2. Recompute the tree from the events, in sequence order, against the tiles and the checkpoints. This
  //    thread reads the events, checks them and hashes the leaves; a worker hashes the interior nodes and
  //    holds the roots against the checkpoints; the next batch is fetched meanwhile.
  phases.checkpoints = elapsed();
  const treeSize = await readTreeSize(db);
  const checker = new RootChecker(checkpoints.map((c) => ({ size: c.size, rootHash: c.root_hash })));
  let next = 0;
  let isBroken = false;
  const fetchBatch = async (
    from: number,
  ): Promise<{ rows: EventText[]; firstTile: number; tiles: (Uint8Array | undefined)[] }> => {
    const firstTile = Math.floor(from / TILE_WIDTH);
    const lastTile = Math.floor((from + BATCH - 1) / TILE_WIDTH);
    const tileList = Array.from({ length: lastTile - firstTile + 1 }, (_, i) => ({
      level: 0,
      index: firstTile + i,
      width: TILE_WIDTH,
    }));
    const [rows, tiles] = await Promise.all([
      // Text columns only: no Date or jsonb objects per row (streaming dominates the cost of verifying).
      sql<EventText>`
        select seq, entry, actor_type, actor_id, unit_id::text as unit_id, action, subject_type, subject_id,
          request_id, state_digest, details::text as details,
          to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as occurred_at
        from audit_events where seq >= ${from} order by seq limit ${BATCH}`
        .execute(db)
        .then((result) => result.rows),
      from < treeSize ? readStoredTiles(db, tileList) : Promise.resolve([]),
    ]);
    return { rows, firstTile, tiles };
  };
  try {
    let upcoming: ReturnType<typeof fetchBatch> | undefined = fetchBatch(0);
    while (!isBroken && upcoming) {
      const batch: { rows: EventText[]; firstTile: number; tiles: (Uint8Array | undefined)[] } =
        await upcoming;
      phases.read += elapsed();
      const { rows, firstTile, tiles } = batch;
      const lastSeq = Number(rows.at(-1)?.seq);
      upcoming = rows.length === BATCH ? fetchBatch(lastSeq + 1) : undefined;
      const leaves = new Uint8Array(rows.length * HASH_BYTES);
      let count = 0;
      for (const row of rows) {
        if (count % YIELD_EVERY === YIELD_EVERY - 1) {
          // Let the driver take in the next batch meanwhile, so the database is not held up by a full socket.
          await new Promise<void>((resolve) => setImmediate(resolve));
        }
        const seq = Number(row.seq);
        if (seq !== next) {
          report('missing_entry', next, `entry ${next} is missing (the next stored entry is ${seq})`);
          isBroken = true;
          break;
        }
        const leaf = leafHashOfText(row.entry);
        leaves.set(leaf, count * HASH_BYTES);
        count++;
        const tile = tiles[Math.floor(seq / TILE_WIDTH) - firstTile];
        const offset = (seq % TILE_WIDTH) * HASH_BYTES;
        if (seq < treeSize && tile && tile.length >= offset + HASH_BYTES) {
          if (!isLeafAt(tile, offset, leaf)) {
            report('modified_entry', seq, `entry ${seq} does not hash to the leaf the log committed to`);
          }
        }
        const isCanonical = options.checkColumns !== false && isCanonicalEntryOf(row, seq);
        const problem = isCanonical
          ? undefined
          : parsedEntryProblem(row, seq, options.checkColumns !== false);
        if (problem) {
          report(problem.kind, seq, problem.message);
        }
        next++;
      }
      phases.entries += elapsed();
      if (count > 0) {
        await checker.push(count === rows.length ? leaves : leaves.subarray(0, count * HASH_BYTES));
      }
      phases.tree += elapsed();
    }
    await upcoming?.catch(() => undefined);
    const { firstMismatch } = await checker.finish();
    phases.tree += elapsed();
    if (firstMismatch) {
      // Not subject to the cap: it is the one problem that says the signed history itself disagrees.
      problems.push({
        kind: 'root_mismatch',
        index: undefined,
        from: firstMismatch.previousSize,
        message:
          `the first ${firstMismatch.size} entries do not have the root of signed checkpoint ${firstMismatch.size}: ` +
          `an entry from ${firstMismatch.previousSize} to ${firstMismatch.size - 1} was changed`,
      });
    }
  } finally {
    await checker.close();
  }
  const latest = checkpoints.at(-1);
  if (latest && latest.size > next && !isBroken) {
    report(
      'truncated',
      next,
      `signed checkpoint ${latest.size} covers ${latest.size} entries but entry ${next} is missing`,
    );
  }
  const nextSeq = await readNextSeq(db);
  const unsequenced = await countPendingEvents(db);
  if (!isBroken && nextSeq !== next) {
    report(
      'sequence_mismatch',
      Math.min(nextSeq, next),
      `the sequencer issued ${nextSeq} entries but ${next} are stored in sequence`,
    );
  }
  // A precise index when one is known; else the start of the first range whose root does not match.
  let indexes = problems.map((p) => p.index).filter((i): i is number => i !== undefined);
  if (indexes.length === 0) {
    indexes = problems.map((p) => p.from).filter((i): i is number => i !== undefined);
  }
  return {
    isIntact: problems.length === 0,
    entries: next,
    checkpoints: checkpoints.length,
    latest: latest && { size: latest.size, rootHash: Buffer.from(latest.root_hash).toString('hex') },
    pending: Math.max(0, next - (latest?.size ?? 0)),
    unsequenced,
    phasesMs: {
      checkpoints: Math.round(phases.checkpoints),
      read: Math.round(phases.read),
      entries: Math.round(phases.entries),
      tree: Math.round(phases.tree),
    },
    firstBadIndex: indexes.length > 0 ? Math.min(...indexes) : undefined,
    problems: [...problems].sort(
      (a, b) =>
        (a.index ?? a.from ?? Number.MAX_SAFE_INTEGER) - (b.index ?? b.from ?? Number.MAX_SAFE_INTEGER),
    ),
  };
}
