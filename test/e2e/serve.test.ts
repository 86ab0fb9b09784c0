// `npm start` end to end: a fresh data folder becomes ready within 15 s with demo data, a second process
// on the same folder is refused with a clear message, and SIGTERM shuts down cleanly (issue 2).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { REPO_ROOT, type ServerProcess, startServerProcess } from '../helpers/server-process.ts';
import { childEnv } from '../helpers/test-env.ts';

let server: ServerProcess | undefined;

/** Runs `xaso <args>` as `npx xaso` would, to completion. */
function runXaso(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['src/cli.ts', ...args], {
    cwd: REPO_ROOT,
    env: childEnv({ LOG_LEVEL: 'silent', ...env }),
    encoding: 'utf8',
    timeout: 30_000,
  });
}
after(async () => {
  await server?.stop();
});

test('a fresh data folder is ready within 15 s, Vietnamese first, with the demo seeded', async () => {
  // The business clock starts in March 2027 (XASO_CLOCK_START): the register opens on that month.
  server = await startServerProcess({
    env: { XASO_DEMO: 'true', LOG_LEVEL: 'info' },
    clockStart: new Date('2027-03-10T09:00:00+07:00'),
  });
  assert.ok(server.readyAfterMs < 15_000, `ready after ${server.readyAfterMs} ms`);
  const home = await fetch(`${server.baseUrl}/`);
  assert.equal(home.status, 200);
  assert.match(await home.text(), /<html lang="vi"/);
  assert.match(server.output(), /XASO_SESSION_SECRET is not set/, 'the generated-secret warning is logged');
  const secrets = JSON.parse(readFileSync(join(server.dataDir, 'secrets.json'), 'utf8'));
  assert.equal(Buffer.from(secrets.session, 'base64').length, 32);

  // The demo leader of Bình Ca can get a token and is a leader there.
  const token = await fetch(`${server.baseUrl}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'binhca.chutich', password: 'demo-xaso-2026' }),
  });
  assert.equal(token.status, 200);
  const { access_token } = (await token.json()) as { access_token: string };
  const me = await fetch(`${server.baseUrl}/api/v1/me`, {
    headers: { authorization: `Bearer ${access_token}` },
  });
  const body = (await me.json()) as { roles: { role: string; unitName: string }[] };
  assert.ok(
    body.roles.some((r) => r.role === 'leader' && /Bình Ca/.test(r.unitName)),
    JSON.stringify(body),
  );
  const register = await fetch(`${server.baseUrl}/chung-thuc`, {
    headers: { authorization: `Bearer ${access_token}` },
  });
  assert.equal(register.status, 200);
  assert.match(await register.text(), /name="thang"[^>]*value="2027-03"|value="2027-03"[^>]*name="thang"/);
});

test('a second process on the held data folder is refused with a clear message', () => {
  assert.ok(server, 'the server of the first test runs');
  const result = runXaso(['migrate'], { DATA_DIR: server.dataDir });
  assert.equal(result.status, 1, result.stderr);
  assert.match(result.stderr, /in use by process \d+/);
  assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
});

test('SIGTERM shuts the server down cleanly and releases the data folder', async () => {
  assert.ok(server);
  const code = await server.stop();
  assert.equal(code, 0, server.output());
  assert.equal(
    existsSync(join(server.dataDir, 'pglite', 'xaso.lock')) || existsSync(join(server.dataDir, 'xaso.lock')),
    false,
  );
  const again = runXaso(['migrate'], { DATA_DIR: server.dataDir });
  assert.equal(again.status, 0, again.stderr);
  assert.match(again.stdout, /up to date/);
});

test('bad configuration lists every problem and exits 2 without a stack trace', () => {
  const result = runXaso(['serve'], { PORT: 'abc', XASO_DEMO: 'maybe', DATA_DIR: '/tmp/xaso-never-created' });
  assert.equal(result.status, 2);
  assert.match(result.stderr, /PORT/);
  assert.match(result.stderr, /XASO_DEMO/);
  assert.doesNotMatch(result.stderr, /\n\s+at /);
});

test('`xaso demo credentials --json` prints the demo accounts', () => {
  const result = runXaso(['demo', 'credentials', '--json']);
  assert.equal(result.status, 0, result.stderr);
  const accounts = JSON.parse(result.stdout) as {
    username: string;
    password: string;
    role: string;
    unit: string;
  }[];
  const roles = new Set(accounts.map((a) => a.role));
  for (const role of ['receptionist', 'specialist', 'leader', 'clerk', 'unit_admin', 'auditor']) {
    assert.ok(roles.has(role), role);
  }
  assert.ok(accounts.some((a) => a.username === 'binhca.chutich' && a.password === 'demo-xaso-2026'));
});
