// Issue 4 §1, the other way round: every use case file that writes rows (Kysely insertInto / updateTable /
// deleteFrom, or a repository's insert…/update…/delete…/upsert…) appends its audit event itself (in its
// transaction, or as auditEventInsert / pendingAuditRow in the same statement as its change), or is named
// here with why its writes are covered or are not a change of anyone's state. A new writer without either
// fails. (Repositories, migrations, tests and the demo seed, which calls use cases, are not use cases.)
import assert from 'node:assert/strict';
import { globSync, readFileSync } from 'node:fs';
import { test } from 'node:test';

const WRITES = /\.(insertInto|updateTable|deleteFrom)\(|\b(insert|update|delete|upsert)[A-Z]\w*\(/;

const NOT_AUDITED_HERE: Record<string, string> = {
  'src/modules/identity/resolve-session.ts':
    "slides a session's idle expiry on use (sign-in and out are events)",
  'src/modules/citizen-identity/resolve-citizen-session.ts':
    "slides a citizen session's idle expiry on use (sign-in and out are events)",
  'src/modules/citizen-identity/start-citizen-sign-in.ts':
    'stores the pending OIDC state and nonce; the callback appends citizen.signed_in or sign_in_refused',
  'src/modules/dossiers/set-dossier-due-date.ts': "a step inside the caller's audited transaction",
  'src/modules/dossiers/change-dossier-status.ts': "a step inside the caller's audited transaction",
  'src/modules/dossiers/insert-dossiers.ts':
    "writes the event its caller built (receiveDossier's pendingAuditRow) in the same statement, or runs inside the caller's audited transaction (submitOnlineDossier)",
  'src/modules/workflow/apply-extension.ts': "a step inside extendCertification's audited transaction",
  'src/modules/workflow/number-result.ts':
    "takes the result's number inside the seal's completion, audited in the seal's transaction",
  'src/modules/workflow/record-decided-finish.ts':
    "a step inside the certification's completion, audited in the seal's transaction",
  'src/modules/certification/assign-certification-number.ts':
    "takes the register number inside certifyPaper's audited transaction",
  'src/modules/workflow/hand-over-dossier.ts': "writes inside runWorkflowAction's transaction, which appends",
  'src/modules/workflow/request-supplement.ts':
    "writes inside runWorkflowAction's transaction, which appends",
  'src/modules/audit-log/integrate-audit-log.ts':
    'the log itself: tiles and signed checkpoints, recomputed and checked by `xaso audit verify`',
  'src/modules/audit-log/post-to-witnesses.ts':
    "the log itself: witnesses' cosignatures, each verifiable with the witness's key",
  'src/modules/catalogue/seed-catalogue.ts':
    'appends through insertProcedureWithAudit / insertAdoptionWithAudit',
};

test('every use case that writes rows appends its audit event, or is named with its reason', () => {
  const files = globSync('src/modules/**/*.ts').filter(
    (f) => !/\.test\.ts$|\.repository\.ts$|\/migrations\/|\/demo\//.test(f),
  );
  const unaudited = files
    .filter((f) => {
      const source = readFileSync(f, 'utf8');
      return WRITES.test(source) && !/appendAuditEvent|auditEventInsert|pendingAuditRow/.test(source);
    })
    .sort();
  assert.deepEqual(unaudited, Object.keys(NOT_AUDITED_HERE).sort());
});
