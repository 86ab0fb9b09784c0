// Demo signing credentials (issue 5 §6): each demo leader gets a personal certificate (RSA-2048 for the
// chairman of Bình Ca, P-256 for the others, which keeps the first start fast), each demo clerk keeps
// their unit's seal (P-256); all with DEMO_PIN and a confirmed TOTP whose secret
// `xaso demo credentials --json` prints. Issued by the development CA, which this creates if needed.
import type { Db } from '../../database.ts';
import { findStaffByUsername } from '../identity/staff.repository.ts';
import { ensureDevelopmentPki } from '../signing/ensure-development-pki.ts';
import { issueCredential } from '../signing/issue-credential.ts';
import { enrolTotp } from '../signing/totp.ts';
import { DEMO_ACCOUNTS, DEMO_PIN, demoTotpSecret, isDemoSigner } from './demo-data.ts';

export async function seedDemoSigning(options: {
  db: Db;
  keyEncryptionKey: Uint8Array;
  unitIds: ReadonlyMap<string, string>;
  publicUrl?: string;
}): Promise<void> {
  await ensureDevelopmentPki(options);
  // Key generation runs in libuv's pool: the accounts are seeded side by side.
  await Promise.all(
    DEMO_ACCOUNTS.filter(isDemoSigner).map(async (account) => {
      const staff = await findStaffByUsername(options.db, account.username);
      const unitId = options.unitIds.get(account.unit);
      if (!staff || !unitId) {
        return;
      }
      await issueCredential({
        db: options.db,
        keyEncryptionKey: options.keyEncryptionKey,
        actor: null,
        requestId: null,
        kind: account.role === 'clerk' ? 'seal' : 'personal',
        unitId,
        holderStaffId: staff.id,
        pin: DEMO_PIN,
        keyAlgorithm: account.username === 'binhca.chutich' ? 'rsa-2048' : 'ec-p256',
        ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
      });
      await enrolTotp({
        db: options.db,
        keyEncryptionKey: options.keyEncryptionKey,
        staffId: staff.id,
        username: staff.username,
        requestId: null,
        secret: demoTotpSecret(account.username),
        confirmed: true,
      });
    }),
  );
}
