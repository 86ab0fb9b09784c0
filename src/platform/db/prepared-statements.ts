// Named prepared statements for hot paths on PostgreSQL. A statement whose SQL starts with
// `/* prepared: <name> */` is parsed once per pooled connection, then only bound and executed (the extended
// query protocol, PostgreSQL 15 docs §55.2.3); its plan is made anew for its first five executions (custom
// plans), then, as the generic plan costs no more here, made once and reused (PREPARE, plan_cache_mode
// `auto`); every other statement stays unnamed, parsed and planned on each call. The public lookup (issue 6 §5) is the reason: planning its timeline sub-select
// costs the server about three times as much as running it; the intake's one statement (a CTE of four
// inserts from JSON parameters, insert-dossiers.ts) is the other user. PGlite reads the marker as a comment.
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';

const MARKER = /^\/\* prepared: ([a-z][a-z0-9-]*) \*\//;

/** The statement name a query asks for with its leading marker, if any. */
export function preparedStatementName(sql: string): string | undefined {
  return MARKER.exec(sql)?.[1];
}

/**
 * The pg pool as Kysely's PostgresDialect uses it, with marked statements sent under their name. pg keeps
 * the names parsed on each connection and refuses one name for two texts, so a name cannot be reused for
 * another statement by mistake.
 */
export function withPreparedStatements(pool: pg.Pool): PostgresPool {
  // Kysely keeps one connection object per client it is given: hand it the same wrapper for a client.
  const wrappers = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const wrap = (client: pg.PoolClient): PostgresPoolClient => ({
    // Only the (sql, parameters) form: no cursor is configured in the dialect, so Kysely never passes one.
    query: ((sql: string, parameters: unknown[]) => {
      const name = preparedStatementName(sql);
      return name === undefined
        ? client.query(sql, parameters)
        : client.query({ name, text: sql, values: parameters });
    }) as unknown as PostgresPoolClient['query'],
    release: () => client.release(),
  });
  return {
    async connect() {
      const client = await pool.connect();
      let wrapper = wrappers.get(client);
      if (!wrapper) {
        wrapper = wrap(client);
        wrappers.set(client, wrapper);
      }
      return wrapper;
    },
    end: () => pool.end(),
  };
}
