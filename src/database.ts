// The whole schema as Kysely sees it: each module declares its own tables; this file only joins them.
import type { Kysely, Transaction } from 'kysely';
import type { AuditLogTables } from './modules/audit-log/audit-event.table.ts';
import type { CalendarTables } from './modules/calendar/calendar.table.ts';
import type { CatalogueTables } from './modules/catalogue/procedure.table.ts';
import type { CertificationTables } from './modules/certification/certification.table.ts';
import type { CitizenIdentityTables } from './modules/citizen-identity/citizen.table.ts';
import type { DevOidcTables } from './modules/dev-oidc/dev-oidc-key.table.ts';
import type { DossierTables } from './modules/dossiers/dossier.table.ts';
import type { IdentityTables } from './modules/identity/staff.table.ts';
import type { NotificationTables } from './modules/notifications/notification.table.ts';
import type { OrganisationTables } from './modules/organisation/unit.table.ts';
import type { SignatureRequestTables } from './modules/signature-requests/signature-request.table.ts';
import type { SigningTables } from './modules/signing/signing.table.ts';
import type { WorkflowTables } from './modules/workflow/workflow.table.ts';

export interface Database
  extends OrganisationTables,
    IdentityTables,
    AuditLogTables,
    CitizenIdentityTables,
    DevOidcTables,
    CalendarTables,
    SigningTables,
    SignatureRequestTables,
    CatalogueTables,
    DossierTables,
    NotificationTables,
    WorkflowTables,
    CertificationTables {}

export type Db = Kysely<Database>;
/** What repositories take as their first argument: the database or an open transaction. */
export type DbExecutor = Kysely<Database> | Transaction<Database>;
export type Trx = Transaction<Database>;
