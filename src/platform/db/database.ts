// The database handle: Kysely over PGlite (embedded, a data folder) or PostgreSQL (DATABASE_URL).
// One SQL dialect for both: write PostgreSQL 15 SQL; PGlite is a newer PostgreSQL compiled to WASM.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { AppError } from '../errors.ts';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.ts';
import { createPglitePool } from './pglite-pool.ts';
import { readPgliteTemplate } from './pglite-template.ts';
import { withPreparedStatements } from './prepared-statements.ts';

export interface DatabaseHandle<DB> {
  readonly db: Kysely<DB>;
  readonly engine: 'pglite' | 'postgres';
  close(): Promise<void>;
}

const INT8 = 20;
const DATE = 1082;
/** bigint counts and sequences as JS numbers (all ours stay below 2^53); dates as 'YYYY-MM-DD' strings. */
const parseInt8 = (value: string) => {
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : value;
};

export interface OpenDatabaseOptions {
  /** postgres:// URL; when absent, PGlite. */
  readonly url?: string | undefined;
  /** PGlite data folder; absent means in memory (tests). */
  readonly pgliteDir?: string | undefined;
  /**
   * An empty cluster dumped earlier (pglite-template.ts), loaded instead of running initdb into a new data
   * folder or memory. A new data folder uses the one made at install time when this is not given.
   */
  readonly pgliteTemplate?: Blob | undefined;
  /** PostgreSQL pool size. */
  readonly poolSize?: number;
  /**
   * Told when an idle pooled connection dies (server restart, failover, an administrator's kill). The pool
   * drops that connection and opens a new one when needed; without a listener the error would crash the process.
   */
  readonly onIdleConnectionError?: (error: Error) => void;
}

export async function openDatabase<DB>(options: OpenDatabaseOptions): Promise<DatabaseHandle<DB>> {
  if (options.url) {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
          if (oid === INT8) {
            return parseInt8;
          }
          if (oid === DATE) {
            return (value: string) => value;
          }
          return pg.types.getTypeParser(oid, format);
        }) as typeof pg.types.getTypeParser,
      },
    });
    pool.on(
      'error',
      options.onIdleConnectionError ??
        ((error) => process.stderr.write(`xaso: an idle database connection closed: ${error.message}\n`)),
    );
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: withPreparedStatements(pool) }) });
    return { db, engine: 'postgres', close: () => db.destroy() };
  }

  let lock: DataDirLock | undefined;
  if (options.pgliteDir) {
    mkdirSync(options.pgliteDir, { recursive: true });
    lock = acquireDataDirLock(options.pgliteDir);
  }
  const isNewFolder = options.pgliteDir !== undefined && !existsSync(join(options.pgliteDir, 'PG_VERSION'));
  const template = options.pgliteTemplate ?? (isNewFolder ? readPgliteTemplate() : undefined);
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(options.pgliteDir ?? 'memory://', {
      ...(template ? { loadDataDir: template } : {}),
      parsers: { [INT8]: parseInt8, [DATE]: (value: string) => value, [pgliteTypes.JSONB]: JSON.parse },
    });
  } catch (cause) {
    lock?.release();
    throw new AppError(
      'DATABASE_UNAVAILABLE',
      `Could not open the embedded database in ${options.pgliteDir}`,
      {
        cause,
      },
    );
  }
  const pool = createPglitePool(pglite);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: pool as unknown as pg.Pool }) });
  return {
    db,
    engine: 'pglite',
    async close() {
      await db.destroy();
      await pglite.close();
      lock?.release();
    },
  };
}

export function pgliteDirFor(dataDir: string): string {
  return join(dataDir, 'pglite');
}
