// A pg-Pool-shaped adapter over PGlite so Kysely's one PostgresDialect drives both engines (one SQL dialect).
// PGlite is a single connection: `connect()` hands it to one user at a time, so a transaction never
// interleaves with another request's statements.
import type { PGlite } from '@electric-sql/pglite';

interface PoolClientLike {
  query(
    sql: string,
    parameters: readonly unknown[],
  ): Promise<{ command: string; rowCount: number; rows: unknown[] }>;
  release(): void;
}

export function createPglitePool(pglite: PGlite) {
  let tail: Promise<void> = Promise.resolve();

  const client = (release: () => void): PoolClientLike => ({
    async query(sql, parameters) {
      const result = await pglite.query(sql, parameters as unknown[], { rowMode: 'object' });
      // pg reports the statement's command tag; Kysely reads it to count affected rows. Leading comments
      // (a prepared statement's name, prepared-statements.ts) are not the command.
      const command = /^\s*(?:\/\*[\s\S]*?\*\/\s*)*(\w+)/.exec(sql)?.[1]?.toUpperCase() ?? 'SELECT';
      const rowCount = command === 'SELECT' ? result.rows.length : (result.affectedRows ?? 0);
      return { command, rowCount, rows: result.rows };
    },
    release,
  });

  return {
    connect(): Promise<PoolClientLike> {
      let release!: () => void;
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      const previous = tail;
      tail = previous.then(() => held);
      return previous.then(() => {
        let released = false;
        return client(() => {
          if (!released) {
            released = true;
            release();
          }
        });
      });
    },
    async end(): Promise<void> {
      await tail;
    },
  };
}
