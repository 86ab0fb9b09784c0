// Wording shared by the PDF and HTML forms, so both print the same lines.
import type { Applicant } from './receipt.types.ts';

/** The applicant block of BM.01/BM.03 as [label, value] lines; absent values are left out. */
export function applicantLines(applicant: Applicant): Array<[string, string]> {
  const lines: Array<[string, string]> = [[applicant.isOrganisation ? 'Tổ chức' : 'Ông/Bà', applicant.name]];
  if (applicant.identifier) {
    lines.push([
      applicant.isOrganisation ? 'Mã số tổ chức/doanh nghiệp' : 'Số định danh cá nhân',
      applicant.identifier,
    ]);
  }
  if (applicant.address) {
    lines.push(['Địa chỉ', applicant.address]);
  }
  if (applicant.phone) {
    lines.push(['Số điện thoại', applicant.phone]);
  }
  if (applicant.email) {
    lines.push(['Thư điện tử', applicant.email]);
  }
  const proxy = applicant.proxy;
  if (proxy) {
    const id = proxy.identifier ? `, số định danh cá nhân ${proxy.identifier}` : '';
    lines.push(['Người được ủy quyền', `${proxy.name}${id}; theo ${proxy.authorisation}`]);
  }
  return lines;
}

/** JSON with object keys sorted at every level (Dates as ISO 8601), so equal data gives an equal seed. */
export function canonicalSeed(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (value instanceof Date) {
    return value.toISOString();
  }
  if (Array.isArray(value)) {
    return value.map(sortKeys);
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, sortKeys(v)]),
    );
  }
  return value;
}
