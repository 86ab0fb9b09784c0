// PGlite is single-process: two processes on one data folder would corrupt it. The server (or a command)
// holding the folder writes its pid in a lock file, created exclusively; another process, or a second
// open within this process, refuses with a clear message. A lock left by a dead process is taken over.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppError } from '../errors.ts';

export interface DataDirLock {
  release(): void;
}

const heldHere = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function inUse(dir: string, holder: string): AppError {
  return new AppError(
    'DATA_DIR_IN_USE',
    `The embedded database in ${dir} is in use by ${holder} (probably a running xaso server). ` +
      'Stop it first, or use DATABASE_URL to work on PostgreSQL, which allows several processes.',
  );
}

function createExclusive(file: string): boolean {
  try {
    writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      return false;
    }
    throw error;
  }
}

export function acquireDataDirLock(dir: string): DataDirLock {
  const key = resolve(dir);
  if (heldHere.has(key)) {
    throw inUse(dir, 'this process');
  }
  const file = join(dir, 'xaso.lock');
  if (!createExclusive(file)) {
    let pid = Number.NaN;
    try {
      pid = Number(readFileSync(file, 'utf8').trim());
    } catch {
      // Vanished between the two calls: treat as stale.
    }
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
      throw inUse(dir, `process ${pid}`);
    }
    rmSync(file, { force: true });
    if (!createExclusive(file)) {
      throw inUse(dir, 'another process');
    }
  }
  heldHere.add(key);
  return {
    release() {
      heldHere.delete(key);
      try {
        if (readFileSync(file, 'utf8').trim() === String(process.pid)) {
          rmSync(file);
        }
      } catch {
        // Already gone: nothing to release.
      }
    },
  };
}
