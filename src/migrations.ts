// Every migration of every module, in the order they apply. Names are stable forever once released:
// `<4-digit order>-<module>-<what>`; Kysely applies them in name order.
import type { Migration } from 'kysely';
import * as auditEvents from './modules/audit-log/migrations/0001-audit-events.ts';
import * as auditTree from './modules/audit-log/migrations/0004-audit-log-tree.ts';
import * as auditSequencer from './modules/audit-log/migrations/0015-audit-pending-sequencer.ts';
import * as calendar from './modules/calendar/migrations/0007-calendar.ts';
import * as catalogue from './modules/catalogue/migrations/0005-catalogue.ts';
import * as certification from './modules/certification/migrations/0014-certification.ts';
import * as citizens from './modules/citizen-identity/migrations/0001-citizens.ts';
import * as devOidcKeys from './modules/dev-oidc/migrations/0001-dev-oidc-keys.ts';
import * as dossiers from './modules/dossiers/migrations/0008-dossiers.ts';
import * as dossiersOnline from './modules/dossiers/migrations/0010-dossiers-online.ts';
import * as staff from './modules/identity/migrations/0001-staff.ts';
import * as notifications from './modules/notifications/migrations/0012-notifications.ts';
import * as units from './modules/organisation/migrations/0001-units.ts';
import * as signatureRequests from './modules/signature-requests/migrations/0009-signature-requests.ts';
import * as signing from './modules/signing/migrations/0008-signing.ts';
import * as workflow from './modules/workflow/migrations/0011-dossiers-workflow.ts';
import * as workflowResults from './modules/workflow/migrations/0013-workflow-results.ts';
import * as workflowResultRegister from './modules/workflow/migrations/0019-result-register.ts';

export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-organisation-units': units,
  '0002-identity-staff': staff,
  '0003-audit-log-events': auditEvents,
  '0004-audit-log-tree': auditTree,
  '0005-catalogue-procedures': catalogue,
  '0006-citizen-identity': citizens,
  '0006-citizen-dev-oidc-keys': devOidcKeys,
  '0007-calendar-holidays-office-hours': calendar,
  '0008-dossiers-intake': dossiers,
  '0008-signing-pki-credentials': signing,
  '0009-signing-signature-requests': signatureRequests,
  '0010-dossiers-online': dossiersOnline,
  '0011-dossiers-workflow': workflow,
  '0012-notifications': notifications,
  '0013-workflow-results': workflowResults,
  '0014-certification': certification,
  '0015-audit-log-pending-sequencer': auditSequencer,
  '0019-workflow-result-register': workflowResultRegister,
};
