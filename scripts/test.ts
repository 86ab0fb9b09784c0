// `npm test`: the whole suite on the embedded engine (PGlite), then the database-backed tests again on
// PostgreSQL when TEST_DATABASE_URL is set (.ci/run sets it). Test files run in parallel, each in its
// own fresh database. Tests needing a missing system tool skip with a message naming what to install.
import { spawnSync } from 'node:child_process';
import { globSync } from 'node:fs';

const all = [...globSync('src/**/*.test.ts'), ...globSync('test/**/*.test.ts')].sort();
// The framework-free libraries never touch a database: once is enough for them, and so for browser tests.
const databaseBacked = all.filter((file) => !file.startsWith('src/lib/') && !file.startsWith('test/e2e/'));
const only = process.argv.slice(2);

function run(engine: 'pglite' | 'postgres', files: readonly string[], concurrency = 2): number {
  const selected = only.length > 0 ? files.filter((f) => only.some((o) => f.includes(o))) : files;
  if (selected.length === 0) {
    return 0;
  }
  console.log(
    `\n── ${selected.length} test files on ${engine === 'pglite' ? 'PGlite (embedded)' : 'PostgreSQL'} ──\n`,
  );
  const result = spawnSync(process.execPath, ['--test', `--test-concurrency=${concurrency}`, ...selected], {
    stdio: 'inherit',
    env: { ...process.env, XASO_TEST_ENGINE: engine },
  });
  return result.status ?? 1;
}

// End-to-end files start real servers and a browser, and one measures start-up time: one at a time.
const endToEnd = all.filter((file) => file.startsWith('test/e2e/'));
let status = run(
  'pglite',
  all.filter((file) => !endToEnd.includes(file)),
);
status = run('pglite', endToEnd, 1) || status;
if (process.env.TEST_DATABASE_URL) {
  status = run('postgres', databaseBacked) || status;
} else {
  console.log('\nTEST_DATABASE_URL is not set: the PostgreSQL pass was skipped (CI runs it).');
}
process.exit(status);
