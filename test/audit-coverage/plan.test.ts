// Every action of the closed list is trigger-checked by a file of this folder, or has a written reason
// naming the test that asserts its event instead (issue 4 §1 "every module that exists writes its events").
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { AUDIT_ACTIONS } from '../../src/modules/audit-log/audit-actions.ts';
import { COVERAGE_PLAN } from './plan.ts';

test('the plan names every audit action, and only those', () => {
  assert.deepEqual(Object.keys(COVERAGE_PLAN).sort(), Object.keys(AUDIT_ACTIONS).sort());
});

test('each entry is a test file of this folder, or a reason naming an existing test', () => {
  for (const [action, where] of Object.entries(COVERAGE_PLAN)) {
    if (typeof where === 'string') {
      assert.ok(existsSync(new URL(`./${where}.test.ts`, import.meta.url)), `${action}: ${where}.test.ts`);
      continue;
    }
    const named = where.reason.match(/(?:src|test)\/[\w./-]+\.test\.ts/g) ?? [];
    assert.ok(named.length > 0, `${action}: the reason names the test asserting the event`);
    for (const file of named) {
      assert.ok(existsSync(new URL(`../../${file}`, import.meta.url)), `${action}: ${file} exists`);
    }
  }
});
