import type { auditVi } from './audit.vi.ts';

// English messages: Audit history on dossier pages, offline proofs (issue 4).
export const auditEn = {
  'audit.exportAll': 'Every event you may read, from the start of the log:',
  'audit.exportCsv': 'Download as a table (CSV)',
  'audit.pendingEvents':
    '{pending} more events are committed and await their number in the log (a few seconds).',
  'audit.history.title': 'Dossier history',
  'audit.history.lead':
    'Every step is recorded in a log that cannot be altered unnoticed. "Verified": the record is in a signed checkpoint of the log and its proof checks. A downloaded proof can be checked with nothing but the log\'s public key.',
  'audit.history.changes': 'Steps (newest first)',
  'audit.history.none': 'No step recorded yet.',
  'audit.history.time': 'Time',
  'audit.history.action': 'Event',
  'audit.history.actor': 'By',
  'audit.history.check': 'Verification',
  'audit.history.proof': 'Proof',
  'audit.history.download': 'Download proof',
  'audit.history.downloadOf': 'of event {seq}',
  'audit.history.verified': 'Verified',
  'audit.history.pending': 'Pending',
  'audit.history.failed': 'Verification failed',
  'audit.history.pendingProof': 'In a few seconds',
  'audit.history.reads': 'Staff views of this dossier: {count}',
  'audit.history.readsCaption': 'Most recent views ({shown} of {count})',
  'audit.history.key': "The log's public key",
  'audit.history.checkpoint': 'Latest checkpoint',
  'audit.history.actor.staff': 'Staff',
  'audit.history.actor.citizen': 'Citizen',
  'audit.history.actor.system': 'System',
  'audit.history.actor.anonymous': 'Unknown',
  'audit.history.action.dossier.received': 'Dossier received',
  'audit.history.action.dossier.refused': 'Dossier refused at intake',
  'audit.history.action.dossier.viewed': 'Dossier viewed',
  'audit.history.view.page': 'Dossier viewed',
  'audit.history.view.receipt': 'Receipt viewed',
  'audit.history.view.receipt-pdf': 'Receipt downloaded (PDF)',
} as const satisfies Record<keyof typeof auditVi, string>;
