// The history of one subject (a dossier, a document) as pages show it (issue 4 §6): each event with a mark
// saying whether the log proves it. "Verified" means the latest checkpoint carries a valid signature by the
// log's key and the event's inclusion proof leads from its entry bytes to that checkpoint's root; a later
// event, or one still pending (no `seq` yet), awaits its checkpoint (a few seconds); anything else is a
// failed check, shown as such. Newest first: pending events, then by `seq`.
//
// No authorisation here and no entry bytes out: callers authorise the subject first (staff of the dossier's
// unit, or the applicant's code + phone check) and get only non-personal fields.
import { sql } from 'kysely';
import type { DbExecutor } from '../../database.ts';
import {
  leafHashOfText,
  type NoteVerifier,
  openNote,
  parseCheckpoint,
  verifyInclusion,
} from '../../lib/tlog/index.ts';
import { type AuditAction, READ_ACTIONS } from './audit-actions.ts';
import type { AuditCheckpoint, AuditEvent } from './audit-event.table.ts';
import { findLatestCheckpoint } from './audit-tree.repository.ts';
import { proveAuditInclusion } from './prove-audit-inclusion.ts';

export type HistoryMark = 'verified' | 'pending' | 'failed';

export interface HistoryEntry {
  /** The event's place in the log; null while pending (committed, awaiting the sequencer: a few seconds). */
  readonly seq: number | null;
  readonly occurredAt: Date;
  readonly action: string;
  readonly actorType: AuditEvent['actor_type'];
  readonly actorId: string | null;
  /** For a read: what was opened (`details.view`, e.g. page, receipt, receipt-pdf). */
  readonly view?: string | undefined;
  readonly mark: HistoryMark;
}

export interface SubjectHistory {
  /** State changes (received, status changes, …), newest first: never crowded out by reads. */
  readonly changes: readonly HistoryEntry[];
  /** The most recent reads (`dossier.viewed`), newest first. */
  readonly reads: readonly HistoryEntry[];
  /** How many reads there are in all. */
  readonly readCount: number;
}

type Row = Pick<
  AuditEvent,
  'seq' | 'occurred_at' | 'action' | 'actor_type' | 'actor_id' | 'entry' | 'details'
>;

/** The signed root to check against, or why there is none ('failed': a checkpoint whose signature fails). */
function signedRoot(
  latest: AuditCheckpoint | undefined,
  verifier: NoteVerifier,
): { size: number; rootHash: Uint8Array } | 'failed' | undefined {
  if (!latest) {
    return undefined;
  }
  try {
    const checkpoint = parseCheckpoint(openNote(latest.note, [verifier]).text);
    return checkpoint.origin === verifier.name && checkpoint.size === latest.size ? checkpoint : 'failed';
  } catch {
    return 'failed';
  }
}

async function markOf(
  db: DbExecutor,
  row: Row,
  root: ReturnType<typeof signedRoot>,
  size: number,
): Promise<HistoryMark> {
  if (row.seq === null || Number(row.seq) >= size) {
    return 'pending';
  }
  const seq = Number(row.seq);
  if (root === 'failed' || root === undefined) {
    return 'failed';
  }
  try {
    const { proof } = await proveAuditInclusion({ db, index: seq, size: root.size });
    verifyInclusion({
      index: seq,
      size: root.size,
      leafHash: leafHashOfText(row.entry),
      proof,
      rootHash: root.rootHash,
    });
    return 'verified';
  } catch {
    return 'failed';
  }
}

export async function readSubjectHistory(options: {
  db: DbExecutor;
  subjectType: string;
  subjectId: string;
  verifier: NoteVerifier;
  /** Reads listed (the rest are only counted); default 20. */
  maxReads?: number;
  /** State changes listed; default 500 (a dossier has a handful). */
  maxChanges?: number;
}): Promise<SubjectHistory> {
  const { db } = options;
  const reads = [...READ_ACTIONS] as AuditAction[];
  const base = db
    .selectFrom('audit_events')
    .where('subject_type', '=', options.subjectType)
    .where('subject_id', '=', options.subjectId);
  const columns = ['seq', 'occurred_at', 'action', 'actor_type', 'actor_id', 'entry', 'details'] as const;
  const [changeRows, readRows, counted] = await Promise.all([
    base
      .select(columns)
      .where('action', 'not in', reads)
      .orderBy(sql`seq desc nulls first`)
      .orderBy('id', 'desc')
      .limit(options.maxChanges ?? 500)
      .execute(),
    base
      .select(columns)
      .where('action', 'in', reads)
      .orderBy(sql`seq desc nulls first`)
      .orderBy('id', 'desc')
      .limit(options.maxReads ?? 20)
      .execute(),
    base.select(db.fn.countAll<string>().as('n')).where('action', 'in', reads).executeTakeFirst(),
  ]);
  const latest = await findLatestCheckpoint(db);
  const root = signedRoot(latest, options.verifier);
  const size = latest?.size ?? 0;
  const entries = async (rows: Row[]) => {
    const out: HistoryEntry[] = [];
    for (const row of rows) {
      out.push({
        seq: row.seq === null ? null : Number(row.seq),
        occurredAt: new Date(row.occurred_at),
        action: row.action,
        actorType: row.actor_type,
        actorId: row.actor_id,
        view: typeof row.details?.view === 'string' ? row.details.view : undefined,
        mark: await markOf(db, row, root, size),
      });
    }
    return out;
  };
  return {
    changes: await entries(changeRows),
    reads: await entries(readRows),
    readCount: Number(counted?.n ?? 0),
  };
}
