// The server process: load config → open the database → migrate → seed the demo → buildApp → listen.
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import type { Database } from './database.ts';
import { MIGRATIONS } from './migrations.ts';
import { startAuditIntegrator } from './modules/audit-log/audit-integrator.ts';
import { loadOrCreateLogSigner } from './modules/audit-log/log-key.ts';
import { seedDemo } from './modules/demo/seed-demo.ts';
import { createNotificationChannels } from './modules/notifications/create-notification-channels.ts';
import { startNotificationWorker } from './modules/notifications/notification-worker.ts';
import { ensureDevelopmentPki } from './modules/signing/ensure-development-pki.ts';
import { createFileSystemBlobStore } from './platform/blob-store/file-system-blob-store.ts';
import { type DatabaseHandle, openDatabase, pgliteDirFor } from './platform/db/database.ts';
import { migrateToLatest } from './platform/db/migrate.ts';

export async function openAppDatabase(config: Config): Promise<DatabaseHandle<Database>> {
  return openDatabase<Database>(
    config.databaseUrl ? { url: config.databaseUrl } : { pgliteDir: pgliteDirFor(config.dataDir) },
  );
}

export async function startServer(
  config: Config,
): Promise<{ app: FastifyInstance; stop: () => Promise<void> }> {
  const database = await openAppDatabase(config);
  let app: FastifyInstance;
  try {
    await migrateToLatest(database.db as never, MIGRATIONS);
    app = await buildApp({ config, db: database.db });
  } catch (error) {
    await database.close();
    throw error;
  }
  for (const name of config.generatedSecrets) {
    app.log.warn(
      `${name} is not set: using a secret generated into ${config.dataDir}/secrets.json. Production must set it.`,
    );
  }
  if (database.engine === 'pglite') {
    app.log.info(`embedded database in ${pgliteDirFor(config.dataDir)} (set DATABASE_URL for PostgreSQL)`);
  }
  // The development PKI (issue 5 §1) on first start, so CRL, OCSP and TSA answer from the beginning.
  await ensureDevelopmentPki({ db: database.db, keyEncryptionKey: config.secrets.keyEncryption });
  const signing = {
    keyEncryptionKey: config.secrets.keyEncryption,
    publicUrl: config.publicUrl,
    // Signing (issue 5 §4): demo signature requests store their PDFs with the other uploads.
    blobStore: createFileSystemBlobStore(join(config.dataDir, 'blobs')),
  };
  if (config.demo && (await seedDemo({ db: database.db, signing }))) {
    app.log.info('demo data seeded: `npx xaso demo credentials` lists the accounts');
  }
  await app.listen({ port: config.port, host: config.host });
  // Signed checkpoints follow the committed events within about a second (issue 4 §3).
  const integrator = startAuditIntegrator({
    db: database.db,
    signer: loadOrCreateLogSigner(config),
    onError: (error) => app.log.error({ err: error }, 'audit log integration failed'),
    onWitnessFailure: (outcome) => app.log.warn(outcome, 'audit log witness did not cosign'),
  });
  // Citizen notifications (issue 7 §6): the outbox is sent after commit by this one worker.
  const notifier = startNotificationWorker({
    db: database.db,
    channels: createNotificationChannels(config.notifications, app.log),
    publicUrl: config.publicUrl,
    onError: (error) => app.log.error({ err: error }, 'notification delivery failed'),
  });

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      app.log.info('shutting down: finishing requests in flight');
      await app.close();
      await integrator.stop();
      await notifier.stop();
      await database.close();
    })();
    return stopping;
  };
  return { app, stop };
}
