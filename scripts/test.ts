// `npm test`: the whole suite on the embedded engine (PGlite), then the database-backed tests again on
// PostgreSQL when TEST_DATABASE_URL is set (.ci/run sets it). Test files run in parallel, each in its
// own fresh database. Tests needing a missing system tool skip with a message naming what to install;
// the skips are summed up at the end, and on CI (CI=true), where .ci/run installs every tool, such a skip
// fails the run instead of passing silently (issue 2 §10).
import { spawnSync } from 'node:child_process';
import { globSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const all = [...globSync('src/**/*.test.ts'), ...globSync('test/**/*.test.ts')].sort();
// The framework-free libraries never touch a database: once is enough for them, and so for browser tests.
const databaseBacked = all.filter((file) => !file.startsWith('src/lib/') && !file.startsWith('test/e2e/'));
const only = process.argv.slice(2);
const reports = mkdtempSync(join(tmpdir(), 'xaso-test-report-'));
const skips = new Map<string, number>();

function run(engine: 'pglite' | 'postgres', files: readonly string[], concurrency = 2): number {
  const selected = only.length > 0 ? files.filter((f) => only.some((o) => f.includes(o))) : files;
  if (selected.length === 0) {
    return 0;
  }
  console.log(
    `\n── ${selected.length} test files on ${engine === 'pglite' ? 'PGlite (embedded)' : 'PostgreSQL'} ──\n`,
  );
  const tap = join(reports, `${engine}-${skips.size}-${Date.now()}.tap`);
  const result = spawnSync(
    process.execPath,
    [
      '--test',
      `--test-concurrency=${concurrency}`,
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tap}`,
      ...selected,
    ],
    { stdio: 'inherit', env: { ...process.env, XASO_TEST_ENGINE: engine } },
  );
  for (const match of readFileSync(tap, 'utf8').matchAll(/# SKIP (.*)$/gm)) {
    const reason = match[1]?.trim() ?? '';
    skips.set(reason, (skips.get(reason) ?? 0) + 1);
  }
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
if (skips.size > 0) {
  console.log('\nSkipped tests, by reason:');
  for (const [reason, count] of skips) {
    console.log(`  ${String(count).padStart(3)} × ${reason}`);
  }
}
const missingTools = [...skips.keys()].filter((reason) => /not installed|apt-get install/.test(reason));
if (process.env.CI === 'true' && missingTools.length > 0) {
  console.log('\nCI installs every tool the tests need, so nothing may be skipped for a missing tool.');
  status = 1;
}
process.exit(status);
