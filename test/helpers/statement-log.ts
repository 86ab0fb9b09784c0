// Counts the statements a database handle sends (issue 5 and 6 "Speed": count round trips in a test, not
// timings). BEGIN and COMMIT go through the connection, not the plugin: each transaction adds 2.
import type { KyselyPlugin, RootOperationNode } from 'kysely';
import type { Db } from '../../src/database.ts';
import { preparedStatementName } from '../../src/platform/db/prepared-statements.ts';

/** The table a statement reads (first) or updates, or a raw statement's prepared name or start. */
function describe(node: RootOperationNode): string {
  const n = node as unknown as {
    kind: string;
    from?: {
      froms: {
        table?: { identifier: { name: string } };
        node?: { table?: { identifier: { name: string } } };
      }[];
    };
    table?: { table?: { identifier: { name: string } } };
    sqlFragments?: readonly string[];
  };
  const from = n.from?.froms[0];
  const table = (from?.table ?? from?.node?.table ?? n.table?.table)?.identifier.name; // maybe aliased
  const raw = n.sqlFragments?.[0];
  if (table !== undefined || raw === undefined) {
    return table ?? n.kind;
  }
  return preparedStatementName(raw) ?? raw.trim().replace(/\s+/g, ' ').slice(0, 40);
}

/** `db` with a plugin appending each statement's description to `statements` (empty it between runs). */
export function logStatements(db: Db): { db: Db; statements: string[] } {
  const statements: string[] = [];
  const plugin: KyselyPlugin = {
    transformQuery(args) {
      statements.push(describe(args.node));
      return args.node;
    },
    async transformResult(args) {
      return args.result;
    },
  };
  return { db: db.withPlugin(plugin), statements };
}
