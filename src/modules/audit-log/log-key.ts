// The log's Ed25519 signing key (C2SP signed-note). It must live outside the database: a database
// superuser who held it could rewrite history and re-sign it (shared/AUDIT-LOG.md). So it is generated
// once into DATA_DIR/secrets.json, next to the other generated secrets, as a Go-style signer key string
// whose key name is the log's checkpoint origin (`<public host and path>/log`, tlog-tiles §Parameters).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  generateNoteKey,
  type NoteSigner,
  type NoteVerifier,
  parseSignerKey,
  parseVerifierKey,
} from '../../lib/tlog/index.ts';

const FIELD = 'auditLogKey';

/** `https://xa.example.gov.vn/` → `xa.example.gov.vn/log`. */
export function logOriginFor(publicUrl: string): string {
  const url = new URL(publicUrl);
  return `${url.host}${url.pathname.replace(/\/$/, '')}/log`;
}

function secretsFile(dataDir: string): string {
  return join(dataDir, 'secrets.json');
}

/** The signer key stored in DATA_DIR/secrets.json, if any (the verifier reads it without creating one). */
export function readLogSignerKey(dataDir: string): string | undefined {
  const file = secretsFile(dataDir);
  if (!existsSync(file)) {
    return undefined;
  }
  const stored = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  return stored[FIELD] || undefined;
}

/** The log's signer, generated on first use (mode 0600, like the other generated secrets). */
export function loadOrCreateLogSigner(options: { dataDir: string; publicUrl: string }): NoteSigner {
  const existing = readLogSignerKey(options.dataDir);
  if (existing) {
    return parseSignerKey(existing);
  }
  const file = secretsFile(options.dataDir);
  const stored = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
  const key = generateNoteKey(logOriginFor(options.publicUrl));
  stored[FIELD] = key.signerKey;
  mkdirSync(options.dataDir, { recursive: true });
  writeFileSync(file, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600 });
  return parseSignerKey(key.signerKey);
}

/** The log's verifier (public key), read on first use: pages check "verified" marks with it. */
export function lazyLogVerifier(options: { dataDir: string; publicUrl: string }): () => NoteVerifier {
  let verifier: NoteVerifier | undefined;
  return () => {
    verifier ??= parseVerifierKey(loadOrCreateLogSigner(options).verifierKey);
    return verifier;
  };
}
