import type { ReceivedDocument } from './dossier.table.ts';
import type { DossierChannel, DossierStatus } from './dossier-status.ts';

/**
 * The audit details every intake writes (counter, API, online, kiosk): what was taken in, never who. The
 * personal data enters the log only through the digest of the whole record (the event's `state`).
 */
export function intakeAuditDetails(intake: {
  readonly code: string;
  readonly procedure: { readonly code: string; readonly versionId: string };
  readonly channel: DossierChannel;
  readonly status: DossierStatus;
  readonly documents: readonly ReceivedDocument[];
}): Record<string, string | number> {
  return {
    code: intake.code,
    procedureCode: intake.procedure.code,
    procedureVersionId: intake.procedure.versionId,
    channel: intake.channel,
    status: intake.status,
    documents: intake.documents.length,
    files: intake.documents.reduce((sum, document) => sum + document.files.length, 0),
  };
}
