// Counts the statements a database handle sends (issue 5 and 6 "Speed": count round trips in a test, not
// timings). BEGIN and COMMIT go through the connection, not the plugin: each transaction adds 2.
import type { KyselyPlugin, RootOperationNode } from 'kysely';
import type { Db } from '../../src/database.ts';
import { preparedStatementName } from '../../src/platform/db/prepared-statements.ts';

/** A raw statement's text, with raw pieces inlined and parameters as `?`. */
function rawText(fragments: readonly string[], parameters: readonly unknown[]): string {
  return fragments
    .map((fragment, i) => {
      const parameter = parameters[i] as { kind?: string; sqlFragments?: readonly string[] } | undefined;
      const inlined =
        parameter === undefined
          ? ''
          : parameter.kind === 'RawNode' && parameter.sqlFragments?.length === 1
            ? parameter.sqlFragments[0]
            : '?';
      return fragment + inlined;
    })
    .join('');
}

/**
 * The table a statement reads (first) or updates, the name of a named prepared statement
 * (platform/db/prepared-statements.ts), or the start of another raw statement.
 */
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
    parameters?: readonly unknown[];
  };
  const from = n.from?.froms[0];
  const table = (from?.table ?? from?.node?.table ?? n.table?.table)?.identifier.name; // maybe aliased
  if (table) {
    return table;
  }
  if (!n.sqlFragments) {
    return n.kind;
  }
  const text = rawText(n.sqlFragments, n.parameters ?? []).trim();
  return preparedStatementName(text) ?? text.replace(/\s+/g, ' ').slice(0, 40);
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
