// Working calendars per unit, kept in memory (issue 6 "a per-unit working-calendar cache"): intake needs the
// receiving unit's calendar for every dossier, and building it costs three queries plus the lunar defaults.
// The use cases that change holiday tables or office hours clear it after their commit. Another app process
// learns of a change within TTL_MS at the latest: holiday decisions and office hours are set days ahead, so
// a minute's delay across processes changes no due date in practice.
import type { DbExecutor } from '../../database.ts';

const TTL_MS = 60_000;
const MAX_UNITS = 5_000;

interface Entry<T> {
  readonly value: Promise<T>;
  readonly until: number;
}

// Per database handle, so two databases in one process (tests, tools) never share entries.
const caches = new WeakMap<object, Map<string, Entry<unknown>>>();

/** The cached value for the unit, or `load()` (shared by concurrent callers) kept for TTL_MS. */
export function cachedPerUnit<T>(
  db: DbExecutor,
  unitId: string,
  load: () => Promise<T>,
  now = Date.now(),
): Promise<T> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const hit = cache.get(unitId) as Entry<T> | undefined;
  if (hit && hit.until > now) {
    return hit.value;
  }
  if (cache.size >= MAX_UNITS) {
    cache.clear();
  }
  const value = load();
  cache.set(unitId, { value, until: now + TTL_MS });
  // A failed load (unknown unit, a lost connection) is not remembered.
  value.catch(() => cache.delete(unitId));
  return value;
}

/** Forget every unit's calendar (a holiday table or office hours changed, which units below inherit). */
export function invalidateWorkingCalendars(db: DbExecutor): void {
  caches.delete(db);
}
