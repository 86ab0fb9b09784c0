import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createSettableClock, createShiftedClock, systemClock } from './clock.ts';

test('the settable clock stays where it is put; the shifted clock starts where it is told', () => {
  const morning = new Date('2026-12-08T02:00:00Z');
  const clock = createSettableClock(morning);
  assert.deepEqual(clock.now(), morning);
  const read = clock.now();
  read.setTime(0);
  assert.deepEqual(clock.now(), morning, 'a caller cannot move it by changing what it read');
  const afternoon = new Date('2026-12-08T08:30:00Z');
  clock.set(afternoon);
  assert.deepEqual(clock.now(), afternoon);
  // Started at `morning` when the system read `origin`: it runs on from there, whatever the system time.
  const origin = systemClock.now().getTime();
  const shifted = createShiftedClock(morning, origin);
  const elapsed = shifted.now().getTime() - morning.getTime();
  assert.ok(elapsed >= 0 && elapsed <= systemClock.now().getTime() - origin);
});
