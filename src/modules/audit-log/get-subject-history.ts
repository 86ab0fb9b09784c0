// The history of one subject (a dossier, an issued document, a staff account) as the audit log holds it,
// each event with its offline proof (C2SP tlog-proof, entry in `extra`) checked here against the log's
// verifier key: what a timeline shows as "verified" (issue 4 §5-6). Dossier and document pages call this.
import type { Db } from '../../database.ts';
import { type NoteVerifier, parseTlogProof, verifyTlogProof } from '../../lib/tlog/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { StaffActor } from '../identity/actor.ts';
import type { AuditEvent } from './audit-event.table.ts';
import { exportAuditProof } from './export-audit-proof.ts';
import { listAuditEvents, listPendingAuditEvents } from './list-audit-events.ts';

export interface SubjectHistoryItem {
  readonly event: AuditEvent;
  /**
   * The tlog-proof file, or undefined while the event awaits its checkpoint or, pending (`seq` null), its
   * number (a few seconds).
   */
  readonly proof: string | undefined;
  /** The proof verified with the log's key: the entry is in the signed, append-only log. */
  readonly isVerified: boolean;
}

export async function getSubjectHistory(options: {
  db: Db;
  actor: StaffActor;
  subjectType: string;
  subjectId: string;
  verifier: NoteVerifier;
}): Promise<SubjectHistoryItem[]> {
  const events = await listAuditEvents({
    db: options.db,
    actor: options.actor,
    subject: { type: options.subjectType, id: options.subjectId },
    limit: 1000,
  });
  const pending = await listPendingAuditEvents({
    db: options.db,
    actor: options.actor,
    subject: { type: options.subjectType, id: options.subjectId },
    limit: 1000,
  });
  const items: SubjectHistoryItem[] = [];
  for (const event of events) {
    let proof: string | undefined;
    try {
      proof = await exportAuditProof({ db: options.db, actor: options.actor, seq: event.seq });
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'INVALID_STATE')) {
        throw error;
      }
    }
    let isVerified = false;
    if (proof) {
      try {
        verifyTlogProof({
          proof,
          entry: parseTlogProof(proof).extra ?? new Uint8Array(),
          origin: options.verifier.name,
          verifiers: [options.verifier],
        });
        isVerified = new TextDecoder().decode(parseTlogProof(proof).extra) === event.entry;
      } catch {
        isVerified = false;
      }
    }
    items.push({ event, proof, isVerified });
  }
  return [...items, ...pending.map((event) => ({ event, proof: undefined, isVerified: false }))];
}
