// PGlite is single-process: two processes on one data folder would corrupt it. The server (or a command)
// holding the folder writes its pid in a lock file; another process refuses with a clear message.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../errors.ts';

export interface DataDirLock {
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function acquireDataDirLock(dir: string): DataDirLock {
  const file = join(dir, 'xaso.lock');
  if (existsSync(file)) {
    const pid = Number(readFileSync(file, 'utf8').trim());
    if (Number.isInteger(pid) && pid !== process.pid && isAlive(pid)) {
      throw new AppError(
        'DATA_DIR_IN_USE',
        `The embedded database in ${dir} is in use by process ${pid} (probably a running xaso server). ` +
          'Stop it first, or use DATABASE_URL to work on PostgreSQL, which allows several processes.',
      );
    }
  }
  writeFileSync(file, `${process.pid}\n`);
  return {
    release() {
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
