// `xaso audit verify [--data DIR | --database-url URL] [--verifier-key KEY] [--json]` (issue 4 §7):
// recomputes the tree from the stored events and checks every stored checkpoint; exit 0 only when intact.
// The verifier key comes from --verifier-key (e.g. a copy of /log/verifier-key kept elsewhere) or from
// the log key in DATA_DIR/secrets.json; never from the database being checked. Events still pending (committed,
// not yet numbered by the sequencer: a few seconds) are counted, not verified: until sequenced and signed
// into a checkpoint they are not tamper-evident.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Database } from '../database.ts';
import { isTlogError, parseSignerKey, parseVerifierKey } from '../lib/tlog/index.ts';
import { readLogSignerKey } from '../modules/audit-log/log-key.ts';
import { verifyAuditLog } from '../modules/audit-log/verify-audit-log.ts';
import { openDatabase, pgliteDirFor } from '../platform/db/database.ts';

type Io = { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream };

const USAGE =
  'usage: xaso audit verify [--data DIR | --database-url URL] [--verifier-key KEY] [--json]\n' +
  '       xaso audit witness add <submission URL> <witness verifier key>\n';

/** The verifier streams: its working set is a few batches. A capped heap keeps V8 from growing lazily. */
const VERIFY_HEAP_FLAGS = ['--max-old-space-size=64', '--max-semi-space-size=4'];

/** Runs the verification in a child with a capped heap (issue 4 §9: ≤ 200 MB for 1M entries). */
function verifyWithCappedHeap(args: readonly string[], io: Io): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        ...VERIFY_HEAP_FLAGS,
        fileURLToPath(new URL('../cli.ts', import.meta.url)),
        'audit',
        'verify',
        ...args,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stdout.pipe(io.stdout, { end: false });
    child.stderr.pipe(io.stderr, { end: false });
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
}

async function verify(args: readonly string[], io: Io): Promise<number> {
  // A process whose heap is already capped (the child, or NODE_OPTIONS) verifies in place.
  if (!process.execArgv.some((flag) => flag.startsWith('--max-old-space-size'))) {
    return verifyWithCappedHeap(args, io);
  }
  const { values } = parseArgs({
    args: [...args],
    options: {
      data: { type: 'string' },
      'database-url': { type: 'string' },
      'verifier-key': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    strict: true,
  });
  let url = values['database-url'];
  let dataDir = values.data;
  if (url === undefined && dataDir === undefined) {
    const { loadConfig } = await import('../config.ts');
    const config = loadConfig();
    url = config.databaseUrl;
    dataDir = config.dataDir;
  }
  const signerKey = dataDir ? readLogSignerKey(dataDir) : undefined;
  const verifierKey =
    values['verifier-key'] ?? (signerKey ? parseSignerKey(signerKey).verifierKey : undefined);
  if (!verifierKey) {
    io.stderr.write(
      'xaso: no verifier key: pass --verifier-key with the log key published at /log/verifier-key\n',
    );
    return 2;
  }
  const verifier = parseVerifierKey(verifierKey.trim());
  const database = await openDatabase<Database>(
    url ? { url } : { pgliteDir: pgliteDirFor(dataDir as string) },
  );
  try {
    const result = await verifyAuditLog({ db: database.db, verifiers: [verifier] });
    if (values.json) {
      io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    } else if (result.isIntact) {
      io.stdout.write(
        `audit log intact: ${result.entries} entries, ${result.checkpoints} signed checkpoints` +
          (result.latest ? `, latest ${result.latest.size} (root ${result.latest.rootHash})` : '') +
          '\n',
      );
      if (result.pending > 0) {
        io.stdout.write(`${result.pending} newer entries are not in a signed checkpoint yet\n`);
      }
      if (result.unsequenced > 0) {
        io.stdout.write(
          `${result.unsequenced} committed events await the sequencer (not verified, not yet tamper-evident)\n`,
        );
      }
    } else {
      io.stdout.write(`AUDIT LOG TAMPERED: first bad entry index ${result.firstBadIndex ?? 'unknown'}\n`);
      for (const problem of result.problems) {
        io.stdout.write(`  - [${problem.kind}] ${problem.message}\n`);
      }
    }
    return result.isIntact ? 0 : 1;
  } finally {
    await database.close();
  }
}

/** Registers a C2SP tlog-witness the server will post its checkpoints to (DATA_DIR / DATABASE_URL). */
async function addWitness(args: readonly string[], io: Io): Promise<number> {
  const [url, verifierKey] = args;
  if (!url || !verifierKey || !/^https?:\/\//.test(url)) {
    io.stderr.write(USAGE);
    return 2;
  }
  const { openAppDatabase } = await import('../main.ts');
  const { loadConfig } = await import('../config.ts');
  const { addAuditWitness } = await import('../modules/audit-log/add-audit-witness.ts');
  const database = await openAppDatabase(loadConfig());
  try {
    const name = await addAuditWitness({ db: database.db, url, verifierKey });
    io.stdout.write(`witness ${name} added: new checkpoints are posted to ${url}/add-checkpoint\n`);
    return 0;
  } finally {
    await database.close();
  }
}

export async function runAuditCommand(args: readonly string[], io: Io): Promise<number> {
  const [subcommand, ...rest] = args;
  if (subcommand === 'witness' && rest[0] === 'add') {
    try {
      return await addWitness(rest.slice(1), io);
    } catch (error) {
      if (isTlogError(error)) {
        io.stderr.write(`xaso: ${error.message}\n`);
        return 2;
      }
      throw error;
    }
  }
  if (subcommand === 'verify') {
    try {
      return await verify(rest, io);
    } catch (error) {
      if (isTlogError(error)) {
        io.stderr.write(`xaso: ${error.message}\n`);
        return 2;
      }
      if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
        io.stderr.write(`xaso: ${(error as Error).message}\n${USAGE}`);
        return 2;
      }
      throw error;
    }
  }
  io.stderr.write(USAGE);
  return 2;
}
