// Tables of the signing module (issue 5): certificate authorities, signing credentials with their keys
// under envelope encryption, TOTP second factors and signature activation data (SAD). Binary values
// (DER, ciphertext) are stored as base64 text so both engines (PGlite, PostgreSQL) read them the same.
import type { ColumnType, Generated, Selectable } from 'kysely';

export type AuthorityRole = 'root' | 'issuing' | 'tsa' | 'ocsp';

/** A CA, TSA or OCSP responder certificate; the development PKI's keys are stored wrapped by the KEK. */
export interface SigningAuthorityTable {
  /** Stable slug used in URLs (`/pki/crl/<id>.crl`), e.g. `demo-issuing`. */
  id: string;
  role: AuthorityRole;
  /** The issuer's id (null for a root). */
  parent_id: string | null;
  name: string;
  certificate: string;
  /** AES-256-GCM ciphertext of the PKCS#8 key (null for an imported CA whose key stays elsewhere). */
  encrypted_key: string | null;
  /** The data key wrapped by the KEK (null when encrypted_key is null). */
  wrapped_data_key: string | null;
  /** The issuing CA new credentials are issued from (exactly one may be set). */
  is_default_issuer: Generated<boolean>;
  crl_number: Generated<number>;
  created_at: ColumnType<Date, never, never>;
}

export type CredentialKind = 'personal' | 'seal';
export type CredentialStatus = 'active' | 'revoked' | 'superseded';

/** A signing credential: certificate + server-held key that only its holder can activate (PIN + OTP). */
export interface SigningCredentialTable {
  id: string;
  kind: CredentialKind;
  /** Who may activate it: the official (personal) or the clerk keeping the unit's seal. */
  holder_staff_id: string;
  unit_id: string;
  /** Issuer authority id, or null for an imported PKCS#12 credential (its chain is in `chain`). */
  authority_id: string | null;
  certificate: string;
  /** JSON array of base64 DER, issuer first. */
  chain: ColumnType<string[], string, string>;
  /** Lowercase hex of the serial INTEGER content (the form CRL/OCSP functions take). */
  serial: string;
  /** 'rsa-2048', 'ec-prime256v1' (describeCertificate form). */
  key_algorithm: string;
  not_before: Date;
  not_after: Date;
  encrypted_key: string;
  /** Data key wrapped by the PIN-derived key, then by the KEK (key-envelope.ts). */
  wrapped_data_key: string;
  /** PIN key derivation and salt, `scrypt$N$r$p$<base64 salt>` (key-envelope.ts). */
  pin_salt: string;
  failed_pins: Generated<number>;
  locked_at: Date | null;
  status: Generated<CredentialStatus>;
  revoked_at: Date | null;
  revocation_reason: string | null;
  /** The credential this one renewed. */
  renews_id: string | null;
  created_at: ColumnType<Date, never, never>;
}

/** A staff member's TOTP second factor (RFC 6238); the secret is encrypted with the KEK. */
export interface SigningTotpTable {
  staff_id: string;
  encrypted_secret: string;
  confirmed_at: Date | null;
  /** Last accepted time step: a code is accepted once (replay protection). */
  last_step: number | null;
  created_at: ColumnType<Date, never, never>;
}

/** Signature activation data (CSC credentials/authorize): single-use, short-lived, bound to hashes. */
export interface SigningSadTable {
  /** SHA-256 of the SAD (the SAD itself is never stored). */
  id_hash: string;
  credential_id: string;
  staff_id: string;
  /** JSON array of the authorised hashes, base64, in request order. */
  hashes: ColumnType<string[], string, string>;
  /** Data key wrapped by a key derived from the SAD, then by the KEK: the SAD is needed to sign. */
  wrapped_data_key: string;
  expires_at: Date;
  used_at: Date | null;
  /** Signatures returned on first use (JSON base64 array), replayed on an identical retry. */
  signatures: ColumnType<string[] | null, string | null, string | null>;
  created_at: ColumnType<Date, never, never>;
}

export type SigningAuthority = Selectable<SigningAuthorityTable>;
export type SigningCredential = Selectable<SigningCredentialTable>;
export type SigningSad = Selectable<SigningSadTable>;

export interface SigningTables {
  signing_authorities: SigningAuthorityTable;
  signing_credentials: SigningCredentialTable;
  signing_totp: SigningTotpTable;
  signing_sads: SigningSadTable;
}
