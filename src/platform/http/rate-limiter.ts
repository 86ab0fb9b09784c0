// A fixed-window counter per key (client address), kept in memory. One process sees only its own
// traffic; behind several app processes each keeps its own window, which bounds abuse to N × limit.
// Account lockout, the defence that matters for passwords, lives in the database.
export interface RateLimiter {
  /** Counts one hit; returns the seconds to wait when over the limit, or 0 when allowed. */
  hit(key: string, now?: number): number;
}

export function createRateLimiter(options: {
  limit: number;
  windowSeconds: number;
  maxKeys?: number;
}): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  const maxKeys = options.maxKeys ?? 10_000;
  const windowMs = options.windowSeconds * 1000;
  return {
    hit(key, now = Date.now()) {
      let window = windows.get(key);
      if (!window || now - window.start >= windowMs) {
        if (windows.size >= maxKeys) {
          // Drop the oldest windows rather than grow without bound under a flood of addresses.
          for (const [k, w] of windows) {
            if (now - w.start >= windowMs || windows.size >= maxKeys) {
              windows.delete(k);
            }
            if (windows.size < maxKeys / 2) {
              break;
            }
          }
        }
        window = { start: now, count: 0 };
        windows.set(key, window);
      }
      window.count += 1;
      if (window.count > options.limit) {
        return Math.max(1, Math.ceil((window.start + windowMs - now) / 1000));
      }
      return 0;
    },
  };
}
