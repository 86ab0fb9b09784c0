// initdb in WebAssembly takes seconds, tens of seconds on a loaded machine. An empty cluster made once and
// dumped (at `npm install` by scripts/prepare.ts, or on first use by the tests) is loaded instead into every
// new data folder and every test database: the same files initdb would write, in a fraction of the time.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';

/** node_modules/.cache/xaso/pglite-<version>.tar.gz, beside the PGlite package it was made by. */
export function pgliteTemplateFile(): string {
  // The package does not export its package.json: read it next to the resolved entry point (dist/).
  const entry = new URL(import.meta.resolve('@electric-sql/pglite'));
  const packageJson = new URL('../package.json', entry);
  const { version } = JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string };
  const nodeModules = dirname(dirname(dirname(fileURLToPath(packageJson))));
  return join(nodeModules, '.cache', 'xaso', `pglite-${version}.tar.gz`);
}

/** The dumped empty cluster, when one was made. */
export function readPgliteTemplate(): Blob | undefined {
  const file = pgliteTemplateFile();
  return existsSync(file) ? new Blob([readFileSync(file)]) : undefined;
}

/** The dumped empty cluster, made now (and kept, when the folder is writable) if there is none. */
export async function ensurePgliteTemplate(): Promise<Blob> {
  const existing = readPgliteTemplate();
  if (existing) {
    return existing;
  }
  const pglite = await PGlite.create('memory://');
  const dump = await pglite.dumpDataDir('gzip');
  await pglite.close();
  const file = pgliteTemplateFile();
  try {
    mkdirSync(dirname(file), { recursive: true });
    // Several processes may race here: each writes its own file and the rename is atomic.
    const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(partial, new Uint8Array(await dump.arrayBuffer()));
    renameSync(partial, file);
  } catch {
    // A read-only installation: use the dump for this process only.
  }
  return dump;
}
