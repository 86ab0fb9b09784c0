// Configuration: parsed once from the environment at start, every problem reported at once, then frozen
// (shared/STYLE.md: outline server/env.ts). Nothing else in src/ reads process.env.
import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  /** Unset: the embedded PGlite database in `<dataDir>/pglite`. */
  readonly databaseUrl: string | undefined;
  readonly demo: boolean;
  /** Public base URL used in QR codes and e-mails; defaults to http://localhost:<port>. */
  readonly publicUrl: string;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly secrets: {
    /** Signs session-bound CSRF tokens and other server-side MACs. */
    readonly session: Uint8Array;
    /** Key-encryption key that wraps the per-key data keys of signing keys (remote-signing issue). */
    readonly keyEncryption: Uint8Array;
  };
  /** True when a secret was generated into DATA_DIR because the environment did not set it. */
  readonly generatedSecrets: readonly string[];
  /** Citizen sign-in with OpenID Connect (issue 6 §3 "Online"; shared/DOMAIN.md "Citizen identity"). */
  readonly oidc: OidcConfig;
  /** Citizen notifications (issue 7 §6): SMTP e-mail and the SMS driver; each channel off when unset. */
  readonly notifications: NotificationConfig;
  /**
   * XASO_CLOCK_START (tests and demonstrations only, refused with NODE_ENV=production): the business clock
   * starts at this instant and runs on (src/platform/clock.ts); unset: the system time.
   */
  readonly clockStart: Date | undefined;
  /**
   * XASO_METRICS_TOKEN: the bearer token a Prometheus scraper sends to read `/metrics`; unset: `/metrics`
   * answers direct requests from the loopback address only (src/platform/http/metrics.ts).
   */
  readonly metricsToken: string | undefined;
}

export interface NotificationConfig {
  /** SMTP_URL: `smtp://[user:pass@]host[:port]` (STARTTLS when offered) or `smtps://…`; unset: no e-mail. */
  readonly smtpUrl: string | undefined;
  /** SMTP_FROM: the sender, e.g. `"Xã Bình Ca" <motcua@binhca.gov.vn>`; required with SMTP_URL. */
  readonly smtpFrom: string | undefined;
  /** SMS_DRIVER: `log` (development: written to the server log, the default) or `off`. */
  readonly smsDriver: 'log' | 'off';
}

export interface OidcConfig {
  /**
   * True when OIDC_ISSUER is unset: citizens sign in at the bundled provider mounted under `/dev-oidc`,
   * with demo citizens. DEVELOPMENT ONLY; NODE_ENV=production refuses to start this way.
   */
  readonly isBundled: boolean;
  /** The issuer identifier (VNeID / National Public Service Portal in production). */
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Where the provider sends the citizen back: `<PUBLIC_URL>/cong-dan/callback` unless set. */
  readonly redirectUri: string;
  /** The only JWS algorithm accepted on ID tokens: RS256 (OIDC Core §15.1) unless OIDC_ID_TOKEN_ALG says. */
  readonly idTokenAlg: 'RS256' | 'PS256' | 'ES256';
}

const ID_TOKEN_ALGS = ['RS256', 'PS256', 'ES256'] as const;

/** Path under which the bundled development provider is mounted (src/modules/dev-oidc). */
export const DEV_OIDC_PATH = '/dev-oidc';
export const DEV_OIDC_CLIENT_ID = 'xaso-dev';

export class ConfigError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

type Env = Readonly<Record<string, string | undefined>>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function parseBoolean(name: string, raw: string | undefined, fallback: boolean, problems: string[]): boolean {
  if (raw === undefined || raw === '') {
    return fallback;
  }
  const value = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(value)) {
    return true;
  }
  if (['0', 'false', 'no', 'off'].includes(value)) {
    return false;
  }
  problems.push(`${name} must be true or false (got "${raw}")`);
  return fallback;
}

function parseSecret(name: string, raw: string | undefined, problems: string[]): Uint8Array | undefined {
  if (raw === undefined || raw === '') {
    return undefined;
  }
  const bytes = Buffer.from(raw, 'base64');
  if (bytes.length < 32) {
    problems.push(`${name} must be at least 32 bytes, base64-encoded (e.g. \`openssl rand -base64 32\`)`);
    return undefined;
  }
  return new Uint8Array(bytes);
}

/**
 * Secrets absent from the environment are generated once into DATA_DIR/secrets.json so a development
 * server keeps its sessions and keys across restarts; production must set them (a warning says so).
 */
function loadOrCreateSecrets(dataDir: string, missing: readonly ('session' | 'keyEncryption')[]) {
  const file = join(dataDir, 'secrets.json');
  let stored: Record<string, string> = {};
  if (existsSync(file)) {
    try {
      stored = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
    } catch {
      throw new ConfigError([`${file} is not valid JSON: repair it, or delete it to generate new secrets`]);
    }
  }
  let changed = false;
  for (const name of missing) {
    if (!stored[name]) {
      stored[name] = randomBytes(32).toString('base64');
      changed = true;
    }
  }
  if (changed) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600 });
  }
  return (name: string) => new Uint8Array(Buffer.from(stored[name] ?? '', 'base64'));
}

export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  const problems: string[] = [];

  let port = 3000;
  if (env.PORT !== undefined && env.PORT !== '') {
    const parsed = Number(env.PORT);
    if (Number.isInteger(parsed) && parsed >= 0 && parsed <= 65535) {
      port = parsed;
    } else {
      problems.push(`PORT must be a whole number from 0 to 65535 (got "${env.PORT}")`);
    }
  }
  const host = env.HOST?.trim() || '0.0.0.0';
  const rawDataDir = env.DATA_DIR?.trim() || './data';
  const dataDir = isAbsolute(rawDataDir) ? rawDataDir : resolve(cwd, rawDataDir);

  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push(
      'DATABASE_URL must be a postgres:// or postgresql:// URL (leave it unset for the embedded database)',
    );
  }
  const demo = parseBoolean('XASO_DEMO', env.XASO_DEMO, true, problems);

  let publicUrl = env.PUBLIC_URL?.trim() || `http://localhost:${port}`;
  try {
    const url = new URL(publicUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      problems.push('PUBLIC_URL must be an http:// or https:// URL');
    }
    publicUrl = url.origin + url.pathname.replace(/\/$/, '');
  } catch {
    problems.push(`PUBLIC_URL is not a valid URL (got "${env.PUBLIC_URL}")`);
  }

  const logLevel = (env.LOG_LEVEL?.trim() || 'info') as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${env.LOG_LEVEL}")`);
  }

  const sessionSecret = parseSecret('XASO_SESSION_SECRET', env.XASO_SESSION_SECRET, problems);
  const kekSecret = parseSecret('XASO_KEY_ENCRYPTION_KEY', env.XASO_KEY_ENCRYPTION_KEY, problems);
  const oidc = parseOidc(env, publicUrl, problems);
  const notifications = parseNotifications(env, problems);
  const clockStart = parseClockStart(env, problems);
  const metricsToken = parseMetricsToken(env, problems);

  if (problems.length > 0) {
    throw new ConfigError(problems);
  }

  const missing: ('session' | 'keyEncryption')[] = [];
  if (!sessionSecret) {
    missing.push('session');
  }
  if (!kekSecret) {
    missing.push('keyEncryption');
  }
  const read = missing.length > 0 ? loadOrCreateSecrets(dataDir, missing) : () => new Uint8Array();
  const generatedSecrets = missing.map((name) =>
    name === 'session' ? 'XASO_SESSION_SECRET' : 'XASO_KEY_ENCRYPTION_KEY',
  );

  const session = sessionSecret ?? read('session');
  return Object.freeze({
    port,
    host,
    dataDir,
    databaseUrl,
    demo,
    publicUrl,
    logLevel,
    secrets: Object.freeze({
      session,
      keyEncryption: kekSecret ?? read('keyEncryption'),
    }),
    generatedSecrets: Object.freeze(generatedSecrets),
    oidc: Object.freeze({
      ...oidc,
      // The bundled provider's client secret is derived from the session secret: nothing to configure.
      clientSecret:
        oidc.clientSecret ??
        createHmac('sha256', session).update('dev-oidc client secret').digest('base64url'),
    }),
    notifications: Object.freeze(notifications),
    clockStart,
    metricsToken,
  });
}

/** XASO_METRICS_TOKEN: 32 or more visible ASCII characters (a bearer token in a header), e.g. `openssl rand -hex 32`. */
function parseMetricsToken(env: Env, problems: string[]): string | undefined {
  const raw = env.XASO_METRICS_TOKEN?.trim();
  if (!raw) {
    return undefined;
  }
  if (raw.length < 32 || !/^[\x21-\x7e]+$/.test(raw)) {
    problems.push(
      'XASO_METRICS_TOKEN must be 32 or more visible ASCII characters without spaces (e.g. `openssl rand -hex 32`)',
    );
    return undefined;
  }
  return raw;
}

/** XASO_CLOCK_START: an ISO 8601 instant with its offset, e.g. `2026-12-08T09:00:00+07:00`. */
function parseClockStart(env: Env, problems: string[]): Date | undefined {
  const raw = env.XASO_CLOCK_START?.trim();
  if (!raw) {
    return undefined;
  }
  if (env.NODE_ENV?.trim() === 'production') {
    problems.push('XASO_CLOCK_START is for tests and demonstrations: production runs on the system time');
  }
  const at = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(raw)
    ? new Date(raw)
    : null;
  if (!at || Number.isNaN(at.getTime())) {
    problems.push(`XASO_CLOCK_START must be an ISO 8601 instant with its offset (got "${raw}")`);
    return undefined;
  }
  return at;
}

/** SMTP_URL / SMTP_FROM / SMS_DRIVER (issue 7 §6). */
function parseNotifications(env: Env, problems: string[]): NotificationConfig {
  const smtpUrl = env.SMTP_URL?.trim() || undefined;
  const smtpFrom = env.SMTP_FROM?.trim() || undefined;
  if (smtpUrl !== undefined) {
    try {
      const url = new URL(smtpUrl);
      if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
        problems.push('SMTP_URL must be an smtp:// or smtps:// URL');
      }
    } catch {
      problems.push('SMTP_URL is not a valid URL (e.g. smtp://user:password@mail.example.vn:587)');
    }
    if (smtpFrom === undefined) {
      problems.push('SMTP_FROM must be set with SMTP_URL (the sender address of citizen e-mails)');
    }
  }
  if (smtpFrom !== undefined && !/^(.*<)?[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+>?$/.test(smtpFrom)) {
    problems.push(`SMTP_FROM must be an e-mail address, optionally with a name (got "${smtpFrom}")`);
  }
  const smsDriver = (env.SMS_DRIVER?.trim() || 'log') as NotificationConfig['smsDriver'];
  if (smsDriver !== 'log' && smsDriver !== 'off') {
    problems.push(`SMS_DRIVER must be log or off (got "${env.SMS_DRIVER}")`);
  }
  return { smtpUrl, smtpFrom, smsDriver };
}

/**
 * OIDC_ISSUER / OIDC_CLIENT_ID / OIDC_CLIENT_SECRET / OIDC_REDIRECT_URI. Unset issuer = the bundled
 * development provider, which NODE_ENV=production refuses: production must name the real issuer.
 */
function parseOidc(env: Env, publicUrl: string, problems: string[]) {
  const issuer = env.OIDC_ISSUER?.trim() || undefined;
  const isProduction = env.NODE_ENV?.trim() === 'production';
  let redirectUri = env.OIDC_REDIRECT_URI?.trim() || `${publicUrl}/cong-dan/callback`;
  if (env.OIDC_REDIRECT_URI?.trim()) {
    try {
      redirectUri = new URL(redirectUri).href;
    } catch {
      problems.push(`OIDC_REDIRECT_URI is not a valid URL (got "${env.OIDC_REDIRECT_URI}")`);
    }
  }
  if (issuer === undefined) {
    if (isProduction) {
      problems.push(
        'OIDC_ISSUER must be set in production (VNeID / National Public Service Portal): the bundled /dev-oidc provider is for development only',
      );
    }
    for (const name of ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const) {
      if (env[name]?.trim()) {
        problems.push(`${name} is set but OIDC_ISSUER is not: set OIDC_ISSUER too, or neither`);
      }
    }
    return {
      isBundled: true,
      issuer: `${publicUrl}${DEV_OIDC_PATH}`,
      clientId: DEV_OIDC_CLIENT_ID,
      clientSecret: undefined,
      redirectUri,
      // The bundled provider signs with P-256: its key is generated in a millisecond at first start.
      idTokenAlg: 'ES256' as const,
    };
  }
  try {
    const url = new URL(issuer);
    const isLoopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback && !isProduction)) {
      problems.push('OIDC_ISSUER must be an https:// URL (http:// only for localhost outside production)');
    }
  } catch {
    problems.push(`OIDC_ISSUER is not a valid URL (got "${issuer}")`);
  }
  const clientId = env.OIDC_CLIENT_ID?.trim() ?? '';
  const clientSecret = env.OIDC_CLIENT_SECRET?.trim() ?? '';
  if (!clientId) {
    problems.push('OIDC_CLIENT_ID must be set with OIDC_ISSUER (the client id issued for this system)');
  }
  if (!clientSecret) {
    problems.push('OIDC_CLIENT_SECRET must be set with OIDC_ISSUER');
  }
  const idTokenAlg = (env.OIDC_ID_TOKEN_ALG?.trim() || 'RS256') as OidcConfig['idTokenAlg'];
  if (!ID_TOKEN_ALGS.includes(idTokenAlg)) {
    problems.push(
      `OIDC_ID_TOKEN_ALG must be one of ${ID_TOKEN_ALGS.join(', ')} (got "${env.OIDC_ID_TOKEN_ALG}")`,
    );
  }
  return { isBundled: false, issuer, clientId, clientSecret, redirectUri, idTokenAlg };
}
