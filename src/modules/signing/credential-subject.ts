// Subject names of issued certificates, in the shape Vietnamese specialised government certificates carry
// them (Decree 68/2024; shared/DOMAIN.md): C=VN, ST province, L locality, O body, OU unit, T title, CN,
// and UID with the citizen identity number (CCCD) or the unit's electronic identifier (MDDT).

import type { DbExecutor } from '../../database.ts';
import type { NameAttribute } from '../../lib/pki/index.ts';
import type { Staff } from '../identity/staff.table.ts';
import { findUnitsByIds } from '../organisation/unit.repository.ts';
import type { Unit } from '../organisation/unit.table.ts';

export async function credentialSubject(
  db: DbExecutor,
  options: { kind: 'personal' | 'seal'; unit: Unit; holder: Staff; identityNumber?: string },
): Promise<NameAttribute[]> {
  const ancestorIds = options.unit.path.split('/').filter(Boolean);
  const ancestors = await findUnitsByIds(db, ancestorIds);
  const province = ancestors.find((u) => u.kind === 'province');
  const body = ancestors
    .filter((u) => u.kind === 'commune' || u.kind === 'ward')
    .map((u) => u.name)
    .pop();
  const common: NameAttribute[] = [['C', 'VN']];
  if (province) {
    common.push(['ST', province.name]);
  }
  common.push(['L', body ?? options.unit.name], ['O', options.unit.seal_name]);
  if (options.kind === 'seal') {
    return [...common, ['CN', options.unit.seal_name], ['UID', `MDDT:${options.unit.identifier_code}`]];
  }
  return [
    ...common,
    ['T', options.holder.title],
    ['CN', options.holder.full_name],
    ...(options.identityNumber ? [['UID', `CCCD:${options.identityNumber}`] as NameAttribute] : []),
  ];
}
