// The applicant block of BM.01 (shared/DOMAIN.md "Forms"): checked once for every channel.
import { AppError } from '../../platform/errors.ts';
import type { Applicant } from './dossier.table.ts';

export interface ApplicantInput {
  readonly fullName?: string | undefined;
  readonly personalIdentifier?: string | undefined;
  readonly address?: string | undefined;
  readonly phone?: string | undefined;
  readonly email?: string | undefined;
  readonly proxyName?: string | undefined;
  readonly proxyAuthorisation?: string | undefined;
}

/** Số định danh cá nhân (12 digits), or an organisation's tax/enterprise code (10 digits, optional -NNN). */
const IDENTIFIER = /^(\d{12}|\d{10}(-\d{3})?)$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const clean = (value: string | undefined, max: number) =>
  (value ?? '').trim().replace(/\s+/g, ' ').slice(0, max);

/** The applicant as stored, or VALIDATION_FAILED with one field code per problem (`applicant.<field>`). */
export function validateApplicant(input: ApplicantInput): { applicant: Applicant; phoneDigits: string } {
  const fields: Record<string, string> = {};
  const fullName = clean(input.fullName, 200);
  const personalIdentifier = clean(input.personalIdentifier, 20);
  const address = clean(input.address, 500);
  const phoneDigits = (input.phone ?? '').replace(/[\s.()-]/g, '').replace(/^\+84/, '0');
  const email = clean(input.email, 200);
  const proxyName = clean(input.proxyName, 200);
  const proxyAuthorisation = clean(input.proxyAuthorisation, 500);
  if (!fullName) {
    fields.fullName = 'required';
  }
  if (!IDENTIFIER.test(personalIdentifier)) {
    fields.personalIdentifier = personalIdentifier ? 'personalIdentifier' : 'required';
  }
  if (!address) {
    fields.address = 'required';
  }
  if (!/^\d{9,11}$/.test(phoneDigits)) {
    fields.phone = phoneDigits ? 'phone' : 'required';
  }
  if (email && !EMAIL.test(email)) {
    fields.email = 'email';
  }
  if (proxyName && !proxyAuthorisation) {
    fields.proxyAuthorisation = 'required';
  }
  if (Object.keys(fields).length > 0) {
    throw new AppError('VALIDATION_FAILED', 'Thông tin người nộp hồ sơ chưa hợp lệ.', { fields });
  }
  return {
    applicant: {
      fullName,
      personalIdentifier,
      address,
      phone: phoneDigits,
      email: email || null,
      proxy: proxyName ? { fullName: proxyName, authorisation: proxyAuthorisation } : null,
    },
    phoneDigits,
  };
}
