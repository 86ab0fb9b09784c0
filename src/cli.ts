// The `xaso` command (package.json bin → bin/xaso.js → here). Later issues add commands.
import { ConfigError, loadConfig } from './config.ts';
import { isAppError } from './platform/errors.ts';

const HELP = `xaso — the digital commune

Usage:
  xaso serve                      start the server (PORT, HOST, DATA_DIR, DATABASE_URL, XASO_DEMO)
  xaso migrate                    apply database migrations and exit
  xaso demo credentials [--json]  list the demo accounts
  xaso pdf sign|verify ...        PAdES signing and verification (xaso pdf help)
  xaso audit verify [--data DIR | --database-url URL] [--verifier-key KEY] [--json]
                                  check the audit log against its signed checkpoints
  xaso audit witness add URL KEY  post new checkpoints to a C2SP tlog-witness
  xaso help                       this text
`;

type Io = { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream };

async function serve(): Promise<number> {
  const { startServer } = await import('./main.ts');
  const { app, stop } = await startServer(loadConfig());
  const onSignal = (signal: string) => {
    app.log.info({ signal }, 'signal received');
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return -1; // keep running
}

async function migrate(io: Io): Promise<number> {
  const { openAppDatabase } = await import('./main.ts');
  const { migrateToLatest } = await import('./platform/db/migrate.ts');
  const { MIGRATIONS } = await import('./migrations.ts');
  const database = await openAppDatabase(loadConfig());
  try {
    const applied = await migrateToLatest(database.db as never, MIGRATIONS);
    io.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'database is up to date\n');
    return 0;
  } finally {
    await database.close();
  }
}

async function demo(args: readonly string[], io: Io): Promise<number> {
  if (args[0] !== 'credentials') {
    io.stderr.write('usage: xaso demo credentials [--json]\n');
    return 2;
  }
  const { demoCredentials } = await import('./modules/demo/demo-data.ts');
  const credentials = demoCredentials();
  if (args.includes('--json')) {
    io.stdout.write(`${JSON.stringify(credentials, null, 2)}\n`);
  } else {
    for (const c of credentials) {
      io.stdout.write(
        `${c.username.padEnd(20)} ${c.password}  ${c.role.padEnd(13)} ${c.unit} (${c.fullName})\n`,
      );
    }
  }
  return 0;
}

export async function runCli(
  argv: readonly string[],
  io: Io = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'serve':
        return await serve();
      case 'migrate':
        return await migrate(io);
      case 'demo':
        return await demo(rest, io);
      case 'pdf': {
        const { runPdfCommand } = await import('./cli/pdf-command.ts');
        return await runPdfCommand(rest, io);
      }
      case 'audit': {
        const { runAuditCommand } = await import('./cli/audit-command.ts');
        return await runAuditCommand(rest, io);
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.stdout.write(HELP);
        return command === undefined ? 2 : 0;
      default:
        io.stderr.write(`xaso: unknown command "${command}"\n\n${HELP}`);
        return 2;
    }
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr.write(`xaso: ${error.message}\n`);
      return 2;
    }
    if (isAppError(error)) {
      io.stderr.write(`xaso: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

if (import.meta.main) {
  const code = await runCli(process.argv.slice(2));
  if (code >= 0) {
    process.exitCode = code;
  }
}
