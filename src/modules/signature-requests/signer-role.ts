// Who signs a request first, by its subject (issue 5 §4): a leader for documents and results; the receiving
// officer for a BM.01 receipt (issue 6 §4), which needs no seal.
import type { Permission } from '../identity/permissions.ts';
import type { Role } from '../identity/roles.ts';

export interface SignerRule {
  readonly role: Role;
  readonly permission: Permission;
}

const RECEIPT: SignerRule = { role: 'receptionist', permission: 'dossier.receive' };
const LEADER: SignerRule = { role: 'leader', permission: 'document.sign' };

export function signerRuleFor(subjectType: string): SignerRule {
  return subjectType === 'receipt' ? RECEIPT : LEADER;
}
