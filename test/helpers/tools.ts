// System tools some tests need (chromium, pdfsig, qpdf, openssl, certutil). Locally a missing tool skips
// the test with a message naming the Debian package; on CI (CI=true) `.ci/run` installs them all, so a
// missing tool there fails the test instead of silently skipping it (issue 2 §10).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { TestContext } from 'node:test';
import { testEnv } from './test-env.ts';

function isInstalled(command: string): boolean {
  if (command.startsWith('/')) {
    return existsSync(command);
  }
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** True when `command` can run; otherwise skips `t` (or fails it on CI) and returns false. */
export function requireTool(t: TestContext, command: string, debianPackage: string): boolean {
  if (isInstalled(command)) {
    return true;
  }
  const message = `${command} is not installed: apt-get install ${debianPackage} (CI installs it)`;
  if (testEnv.isCi) {
    throw new Error(message);
  }
  t.skip(message);
  return false;
}
