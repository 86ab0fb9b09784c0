import type { certificatesVi } from './certificates.vi.ts';

// English messages: Certificates (issue 5 §1), src/web/pages/signing-certificates-pages.ts.
export const certificatesEn = {
  'certificates.title': 'Certificates',
  'certificates.intro':
    'Personal certificates of leaders and organisation (seal) certificates of the units you administer.',
  'certificates.none': 'No certificates yet.',
  'certificates.holder': 'Holder',
  'certificates.kind': 'Kind',
  'certificates.kind.personal': 'Personal',
  'certificates.kind.seal': 'Organisation (seal)',
  'certificates.unit': 'Unit',
  'certificates.validFrom': 'Valid from',
  'certificates.validTo': 'Valid to',
  'certificates.subject': 'Subject',
  'certificates.issuer': 'Issuer',
  'certificates.serial': 'Serial number',
  'certificates.key': 'Key',
  'certificates.fingerprint': 'Fingerprint (SHA-256)',
  'certificates.failedAttempts': 'Failed authorisations in a row',
  'certificates.active': 'Active',
  'certificates.locked': 'Locked (5 failures)',
  'certificates.revoked': 'Revoked',
  'certificates.superseded': 'Superseded',
  'certificates.expiringSoon': 'Expires soon ({date})',
} as const satisfies Record<keyof typeof certificatesVi, string>;
