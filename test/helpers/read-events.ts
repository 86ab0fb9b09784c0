// Staff reads of personal data as audit events (issue 4 §1): the `register.viewed` events of one register
// (lists naming applicants) with the check that one says what a view showed and nothing personal, and the
// `dossier.viewed` events of one dossier and one kind of view.
import assert from 'node:assert/strict';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/database.ts';
import type { DossierViewKind } from '../../src/modules/dossiers/record-dossier-view.ts';
import type { RegisterName } from '../../src/modules/dossiers/record-register-view.ts';

export function registerViews(db: Kysely<Database>, register: RegisterName) {
  return db
    .selectFrom('audit_events')
    .selectAll()
    .where('action', '=', 'register.viewed')
    .where('subject_id', '=', register)
    .orderBy('id')
    .execute();
}

type RegisterEvent = Awaited<ReturnType<typeof registerViews>>[number];

/** The event names the viewer, the unit, the dossiers listed (including `codes`), and none of `personal`. */
export function assertRegisterView(
  event: RegisterEvent | undefined,
  expected: {
    staffId: string;
    unitId: string;
    codes: readonly string[];
    filter?: Record<string, unknown>;
    /** How many dossiers were listed, when the test knows. */
    count?: number;
    personal: readonly string[];
  },
): { filter: Record<string, unknown>; dossiers: string[]; count: number } {
  assert.ok(event, 'a register.viewed event');
  assert.equal(event.actor_type, 'staff');
  assert.equal(event.actor_id, expected.staffId);
  assert.equal(event.unit_id, expected.unitId);
  assert.equal(event.subject_type, 'register');
  assert.equal(event.state_digest, null);
  assert.ok(event.request_id, 'the request id');
  const details = event.details as { filter: Record<string, unknown>; dossiers: string[]; count: number };
  for (const code of expected.codes) {
    assert.ok(details.dossiers.includes(code), `the code ${code} listed`);
  }
  assert.equal(details.count, details.dossiers.length);
  if (expected.count !== undefined) {
    assert.equal(details.count, expected.count);
  }
  if (expected.filter) {
    assert.deepEqual(details.filter, expected.filter);
  }
  for (const value of expected.personal) {
    assert.ok(!event.entry.includes(value), `no personal data (${value}) in the event`);
  }
  return details;
}

/** The `dossier.viewed` events of a dossier (by its code) and one kind of view, oldest first. */
export async function dossierViews(db: Kysely<Database>, code: string, view: DossierViewKind) {
  const events = await db
    .selectFrom('audit_events')
    .selectAll()
    .where('action', '=', 'dossier.viewed')
    .where('subject_type', '=', 'dossier')
    .orderBy('id')
    .execute();
  return events.filter((e) => {
    const details = e.details as { code?: string; view?: string };
    return details.code === code && details.view === view;
  });
}
