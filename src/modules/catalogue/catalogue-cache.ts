// Catalogue reads kept in memory (issue 6: intake resolves the unit's place in the tree and the procedure in
// force on every dossier, two round trips that rarely change). Units are never updated (insert only), so a
// found unit's chain stays true; procedures, versions and adoptions are insert only too, and every insert
// (procedure.repository.ts) bumps the generation, which voids every entry in this process, and the use cases
// void it again after their commit (voidCatalogueCacheAfter). A load that began before a bump is not kept.
// Another app process learns of a new version or adoption within TTL_MS at the latest: versions and
// adoptions take effect from a date, set ahead, so a minute's delay changes no intake in practice. Inside a
// transaction callers read afresh.
import type { DbExecutor } from '../../database.ts';

const TTL_MS = 60_000;
const MAX_ENTRIES = 10_000;

interface Entry {
  readonly value: Promise<unknown>;
  readonly until: number;
  readonly generation: number;
}

let generation = 0;
// Per database handle, so two databases in one process (tests, tools) never share entries.
const caches = new WeakMap<object, Map<string, Entry>>();

/** The cached value for `key`, or `load()` (shared by concurrent callers); a miss (undefined) is not kept. */
export function cachedCatalogueRead<T>(
  db: DbExecutor,
  key: string,
  load: () => Promise<T | undefined>,
): Promise<T | undefined> {
  if (db.isTransaction) {
    return load();
  }
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && hit.until > now && hit.generation === generation) {
    return hit.value as Promise<T | undefined>;
  }
  if (cache.size >= MAX_ENTRIES) {
    cache.clear();
  }
  const started = generation;
  const value = load();
  const entries = cache;
  entries.set(key, { value, until: now + TTL_MS, generation: started });
  // A failed load or a miss is not remembered (the row may be created next).
  value.then(
    (found) => found === undefined && entries.delete(key),
    () => entries.delete(key),
  );
  return value;
}

/** Forget every cached catalogue read (a procedure, version or adoption was inserted). */
export function invalidateCatalogueCache(): void {
  generation += 1;
}

/**
 * The committed result of a catalogue change, voiding the cache once more after the commit: a load that ran
 * between the insert (which voided it first) and the commit read the old rows and must not be kept.
 */
export async function voidCatalogueCacheAfter<T>(committed: Promise<T>): Promise<T> {
  try {
    return await committed;
  } finally {
    invalidateCatalogueCache();
  }
}
