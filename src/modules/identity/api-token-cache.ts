// A short per-process memory of resolved bearer tokens (issue 6 benchmark: every API request starts with its
// token, one database round trip of the few an intake needs). An entry lives API_TOKEN_CACHE_MS at most, so
// a change made by ANOTHER server process (a token revoked, an account disabled, a role taken away) takes
// effect there within that time; in this process every such change empties the memory as soon as it has
// committed (forgetApiTokenActors), so here it takes effect at once. The token's own expiry is checked on
// every use.
import type { StaffActor } from './actor.ts';

/** How long a resolved token is trusted without asking the database again. */
export const API_TOKEN_CACHE_MS = 5_000;
const MAX_ENTRIES = 10_000;

interface Entry {
  readonly actor: StaffActor;
  readonly expiresAt: Date;
  /** Epoch ms of the database answer. */
  readonly storedAt: number;
}

const entries = new Map<string, Entry>();
/** Bumped by every forget: a lookup that started before a change never stores its (older) answer after it. */
let generation = 0;

/** The actor of a token hash resolved less than API_TOKEN_CACHE_MS ago and not expired at `now`. */
export function recallApiTokenActor(tokenHash: string, now: Date): StaffActor | undefined {
  const entry = entries.get(tokenHash);
  if (!entry) {
    return undefined;
  }
  if (now.getTime() - entry.storedAt > API_TOKEN_CACHE_MS || entry.expiresAt <= now) {
    entries.delete(tokenHash);
    return undefined;
  }
  return entry.actor;
}

/** The generation to hand back to rememberApiTokenActor: take it BEFORE asking the database. */
export function apiTokenCacheGeneration(): number {
  return generation;
}

export function rememberApiTokenActor(
  tokenHash: string,
  actor: StaffActor,
  expiresAt: Date,
  askedAtGeneration: number,
  now: Date,
): void {
  if (askedAtGeneration !== generation) {
    return;
  }
  if (entries.size >= MAX_ENTRIES) {
    entries.clear();
  }
  entries.set(tokenHash, { actor, expiresAt, storedAt: now.getTime() });
}

/** Forget every resolved token: call after committing a change to who may do what (identity module). */
export function forgetApiTokenActors(): void {
  generation += 1;
  entries.clear();
}
