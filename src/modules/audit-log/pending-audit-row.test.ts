// The entry pendingAuditRow writes by hand (in its sorted key order, for speed on the intake's path) is
// byte for byte the canonical JSON of the event object, with PENDING_SEQ where `seq` goes: for missing and
// null members, non-ASCII text, control characters and nested details.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type AuditEventInput, canonicalJson, PENDING_SEQ, pendingAuditRow } from './append-audit-event.ts';

/** The entry as canonicalJson gives it for the whole object, a placeholder then swapped for PENDING_SEQ. */
function canonicalEntry(event: AuditEventInput, at: Date, stateDigest: string | null): string {
  const placeholder = 'seq-placeholder-7f3a';
  return canonicalJson({
    v: 1,
    seq: placeholder,
    at: at.toISOString(),
    actor: { type: event.actor.type, id: event.actor.id },
    unit: event.unitId,
    action: event.action,
    subject: { type: event.subjectType, id: event.subjectId },
    request: event.requestId,
    state: stateDigest,
    details: event.details ?? {},
  }).replace(`"${placeholder}"`, PENDING_SEQ);
}

const at = new Date('2026-02-13T01:02:03.004Z');
const base: AuditEventInput = {
  actor: { type: 'staff', id: '5d0c2f4e-0b7f-4a53-9d6e-1c3b2a190001' },
  action: 'dossier.received',
  unitId: '5d0c2f4e-0b7f-4a53-9d6e-1c3b2a190002',
  subjectType: 'dossier',
  subjectId: '5d0c2f4e-0b7f-4a53-9d6e-1c3b2a190003',
  requestId: 'req-1',
  at,
};
const CASES: readonly AuditEventInput[] = [
  base,
  { ...base, state: { b: 1, a: [{ y: 'Đăng ký khai sinh', x: null }], c: new Date(0), d: undefined } },
  { ...base, actor: { type: 'anonymous', id: null }, unitId: null, subjectId: null, requestId: null },
  // Members a JavaScript caller left out (undefined) are left out of the entry, as canonicalJson does.
  { ...base, unitId: undefined as unknown as null, requestId: undefined as unknown as null },
  {
    ...base,
    details: {
      z: 'Thôn 1, "xã" Thử\n\u0001\u2028',
      code: 'H99.01-260213-0001',
      nested: { b: [1, 2, { d: true, c: 'é' }], a: {} },
      count: 3,
      skipped: undefined,
    },
  },
];

test('pendingAuditRow writes the canonical entry of the event, PENDING_SEQ at `seq`', () => {
  for (const event of CASES) {
    const row = pendingAuditRow(event);
    assert.equal(row.entry, canonicalEntry(event, at, row.state_digest));
    assert.equal(row.entry.split(PENDING_SEQ).length, 2, 'exactly one seq slot');
  }
});

test('canonicalJson sorts keys by UTF-16 code units, drops undefined members, keeps array holes as null', () => {
  assert.equal(canonicalJson({ b: 1, a: 2, B: 3, ă: 4 }), '{"B":3,"a":2,"b":1,"ă":4}');
  assert.equal(canonicalJson({ a: undefined, b: [undefined, null] }), '{"b":[null,null]}');
  assert.equal(canonicalJson([]), '[]');
  assert.equal(canonicalJson({}), '{}');
  assert.equal(canonicalJson(undefined), 'null');
});
