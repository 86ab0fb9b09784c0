// Starts the real server (`node src/cli.ts serve`, as `npm start` does) in a child process on a free
// port and a temporary data folder, for end-to-end tests.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { childEnv } from './test-env.ts';

export const REPO_ROOT = new URL('../../', import.meta.url).pathname;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface ServerProcess {
  readonly child: ChildProcess;
  readonly baseUrl: string;
  readonly dataDir: string;
  readonly output: () => string;
  /** Milliseconds from spawn until /readyz answered 200. */
  readonly readyAfterMs: number;
  stop(): Promise<number | null>;
}

export async function startServerProcess(
  options: {
    dataDir?: string;
    env?: Record<string, string>;
    timeoutMs?: number;
    /** Where the server's business clock starts (XASO_CLOCK_START); it then runs at the system's pace. */
    clockStart?: Date;
  } = {},
): Promise<ServerProcess> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'xaso-e2e-'));
  const port = await freePort();
  const started = Date.now();
  const child = spawn(process.execPath, ['src/cli.ts', 'serve'], {
    cwd: REPO_ROOT,
    env: childEnv({
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      ...(options.clockStart ? { XASO_CLOCK_START: options.clockStart.toISOString() } : {}),
      ...options.env,
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = started + (options.timeoutMs ?? 90_000);
  let readyAfterMs = -1;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      const response = await fetch(`${baseUrl}/readyz`);
      if (response.status === 200) {
        readyAfterMs = Date.now() - started;
        break;
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
    }
    return exited;
  };
  if (readyAfterMs < 0) {
    await stop();
    throw new Error(`the server did not become ready:\n${output}`);
  }
  return { child, baseUrl, dataDir, output: () => output, readyAfterMs, stop };
}
