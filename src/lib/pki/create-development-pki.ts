/**
 * A complete development/test PKI in memory: root CA → issuing CA → leader (personal, RSA-2048), seal
 * (organisation, ECDSA P-256), timestamp authority and OCSP responder. Subject fields follow the shape of
 * Vietnamese specialised government certificates (Decree 68/2024): CN, title (T), unit (OU), body (O),
 * L/ST, C=VN and a UID carrying the citizen identity number (CCCD) or the unit's electronic identifier.
 * Every CA name says it is not for production. Keys may be passed in (pre-generated fixtures) because RSA
 * key generation is slow.
 */
import { generateKeyPair, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import { createKeySigner } from './create-key-signer.ts';
import { issueCertificate as issueSelfSigned, keyUsageBit } from './internal/issue-certificate.ts';
import type { NameAttribute } from './internal/name.ts';
import { type CertificateProfile, issueCertificate } from './issue-certificate.ts';
import type { Signer } from './signer.ts';

export type DevelopmentPkiRole = 'root' | 'issuingCa' | 'leader' | 'seal' | 'tsa' | 'ocsp';

export interface Credential {
  readonly certificate: Uint8Array;
  readonly privateKey: KeyObject;
  /** Issuer first, root last. */
  readonly chain: readonly Uint8Array[];
  readonly signer: Signer;
}

export interface DevelopmentPki {
  readonly root: Credential;
  readonly issuingCa: Credential;
  readonly leader: Credential;
  readonly seal: Credential;
  readonly tsa: Credential;
  readonly ocsp: Credential;
  /** The root certificate: what a verifier trusts. */
  readonly trustAnchors: readonly Uint8Array[];
}

export interface DevelopmentPkiOptions {
  /** Commune (or unit) name, e.g. "Xã Bình Ca"; used in O/OU/CN of the subjects. */
  readonly name?: string;
  readonly province?: string;
  readonly leaderName?: string;
  readonly leaderTitle?: string;
  /** 12-digit citizen identity number of the leader (demo value by default). */
  readonly leaderIdentityNumber?: string;
  /** The unit's electronic identifier (Decision 20/2020/QĐ-TTg), e.g. "000.00.20.H13". */
  readonly unitCode?: string;
  readonly clock?: () => Date;
  /** Pre-generated keys (RSA for root, issuingCa, leader, tsa; P-256 for seal, ocsp). */
  readonly keys?: Partial<Record<DevelopmentPkiRole, KeyObject>>;
  /** Put an OCSP URL / CRL URL in end-entity certificates (leave out for offline validators like pdfsig). */
  readonly ocspUrl?: string;
  readonly crlUrl?: string;
}

const generate = promisify(generateKeyPair);
const year = 365 * 24 * 3600 * 1000;
/** Development certificate policy: under a UUID-derived arc (2.25, ITU-T X.667), so it collides with no real policy. */
export const developmentPolicyOid = '2.25.129041381542804865072562697931627682040.1';

export async function generateRoleKey(role: DevelopmentPkiRole): Promise<KeyObject> {
  const pair =
    role === 'seal' || role === 'ocsp'
      ? await generate('ec', { namedCurve: 'prime256v1' })
      : await generate('rsa', { modulusLength: 2048 });
  return pair.privateKey;
}

export async function createDevelopmentPki(options: DevelopmentPkiOptions = {}): Promise<DevelopmentPki> {
  const now = (options.clock ?? (() => new Date()))();
  const name = options.name ?? 'Xã Bình Ca';
  const province = options.province ?? 'Tỉnh Tuyên Quang';
  const roles: DevelopmentPkiRole[] = ['root', 'issuingCa', 'leader', 'seal', 'tsa', 'ocsp'];
  const keyList = await Promise.all(roles.map((role) => options.keys?.[role] ?? generateRoleKey(role)));
  const keys = Object.fromEntries(roles.map((role, i) => [role, keyList[i]!])) as Record<
    DevelopmentPkiRole,
    KeyObject
  >;
  const notBefore = new Date(now.getTime() - 3600 * 1000);
  const country: NameAttribute = ['C', 'VN'];

  const rootDer = issueSelfSigned({
    subject: [
      country,
      ['O', 'xaso development PKI (NOT FOR PRODUCTION)'],
      ['CN', 'Demo Government Root CA - NOT FOR PRODUCTION'],
    ],
    subjectKey: keys.root,
    issuerKey: keys.root,
    notBefore,
    notAfter: new Date(notBefore.getTime() + 20 * year),
    ca: {},
    keyUsage: [keyUsageBit.keyCertSign, keyUsageBit.cRLSign],
  });
  const issuingDer = issueCertificate({
    profile: 'ca',
    subject: [
      country,
      ['O', 'xaso development PKI (NOT FOR PRODUCTION)'],
      ['CN', 'Demo Government Specialized CA - NOT FOR PRODUCTION'],
    ],
    publicKey: keys.issuingCa,
    issuer: { certificate: rootDer, privateKey: keys.root },
    notBefore,
    notAfter: new Date(notBefore.getTime() + 10 * year),
  });
  const endEntity = (
    role: DevelopmentPkiRole,
    profile: CertificateProfile,
    subject: readonly NameAttribute[],
  ): Uint8Array =>
    issueCertificate({
      profile,
      subject,
      publicKey: keys[role],
      issuer: { certificate: issuingDer, privateKey: keys.issuingCa },
      notBefore,
      notAfter: new Date(notBefore.getTime() + 2 * year),
      policies: [developmentPolicyOid],
      ...(options.ocspUrl ? { ocspUrl: options.ocspUrl } : {}),
      ...(options.crlUrl ? { crlUrl: options.crlUrl } : {}),
    });
  const body = `Ủy ban nhân dân ${name}`;
  const development: NameAttribute = ['O', 'xaso development PKI (NOT FOR PRODUCTION)'];
  const leaderDer = endEntity('leader', 'personal', [
    country,
    ['ST', province],
    ['L', name],
    ['O', body],
    ['OU', 'Lãnh đạo'],
    ['T', options.leaderTitle ?? 'Chủ tịch'],
    ['CN', options.leaderName ?? 'Nguyễn Văn An'],
    ['UID', `CCCD:${options.leaderIdentityNumber ?? '008090001234'}`],
  ]);
  const sealDer = endEntity('seal', 'organisation', [
    country,
    ['ST', province],
    ['L', name],
    ['O', body],
    ['CN', body],
    ['UID', `MDDT:${options.unitCode ?? '000.00.20.H13'}`],
  ]);
  const tsaDer = endEntity('tsa', 'tsa', [
    country,
    development,
    ['CN', `Demo TSA ${name} - NOT FOR PRODUCTION`],
  ]);
  const ocspDer = endEntity('ocsp', 'ocsp', [
    country,
    development,
    ['CN', 'Demo OCSP Responder - NOT FOR PRODUCTION'],
  ]);
  const chain = [issuingDer, rootDer];
  const credential = (
    role: DevelopmentPkiRole,
    certificate: Uint8Array,
    issuers: Uint8Array[],
  ): Credential => ({
    certificate,
    privateKey: keys[role],
    chain: issuers,
    signer: createKeySigner({ privateKey: keys[role], certificate, chain: issuers }),
  });
  return {
    root: credential('root', rootDer, []),
    issuingCa: credential('issuingCa', issuingDer, [rootDer]),
    leader: credential('leader', leaderDer, chain),
    seal: credential('seal', sealDer, chain),
    tsa: credential('tsa', tsaDer, chain),
    ocsp: credential('ocsp', ocspDer, chain),
    trustAnchors: [rootDer],
  };
}
