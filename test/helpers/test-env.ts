// The one place tests read the environment (shared/STYLE.md: config parsed once, every problem reported at
// once, frozen; no process.env reads scattered through the code). The app's own configuration never comes
// from here: tests build it with testConfig (test-app.ts) from explicit values, and the processes tests
// start (the CLI, the server, Go) get childEnv: the system's essentials and what the test names, so a
// developer's DATABASE_URL, XASO_* or NODE_ENV cannot change what a test checks.
//
//   XASO_TEST_ENGINE   `pglite` (default) or `postgres` (scripts/test.ts sets it for its second pass)
//   TEST_DATABASE_URL  the PostgreSQL server the `postgres` engine creates its databases on (required by it)
//   CI                 `true` on CI (.ci/run): a missing system tool fails instead of skipping (tools.ts)
import process from 'node:process';

export interface TestEnv {
  readonly engine: 'pglite' | 'postgres';
  /** Set exactly when the engine is `postgres`. */
  readonly databaseUrl: string | undefined;
  readonly isCi: boolean;
}

function parseTestEnv(env: NodeJS.ProcessEnv): TestEnv {
  const problems: string[] = [];
  const engine = env.XASO_TEST_ENGINE || 'pglite';
  if (engine !== 'pglite' && engine !== 'postgres') {
    problems.push(`XASO_TEST_ENGINE must be pglite or postgres, not "${engine}"`);
  }
  const databaseUrl = env.TEST_DATABASE_URL || undefined;
  if (engine === 'postgres' && !databaseUrl) {
    problems.push(
      'XASO_TEST_ENGINE=postgres needs TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test)',
    );
  }
  if (databaseUrl && !URL.canParse(databaseUrl)) {
    problems.push('TEST_DATABASE_URL is not a URL');
  }
  if (problems.length > 0) {
    throw new Error(`Invalid test environment:\n  ${problems.join('\n  ')}`);
  }
  return Object.freeze({
    engine: engine as TestEnv['engine'],
    databaseUrl: engine === 'postgres' ? databaseUrl : undefined,
    isCi: env.CI === 'true',
  });
}

export const testEnv: TestEnv = parseTestEnv(process.env);

/** What a child process needs of the system to run (find programs, a home, temporary files, the locale). */
const INHERITED = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'LC_ALL', 'TZ'] as const;
const inherited: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(
    INHERITED.flatMap((name) => (process.env[name] === undefined ? [] : [[name, process.env[name]]])),
  ),
);

/** The environment for a process a test starts: the system's essentials and exactly `variables`. */
export function childEnv(variables: Readonly<Record<string, string>> = {}): Record<string, string> {
  return { ...inherited, ...variables };
}
