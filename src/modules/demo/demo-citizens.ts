// Demo citizens of the bundled development OpenID Connect provider (src/modules/dev-oidc): they stand in for
// level-2 VNeID accounts. Personal identifier numbers follow the official shape (Circular 59/2021/TT-BCA:
// 3-digit province of birth, 1 digit for sex and century, 2 digits of the birth year, 6 random digits)
// but are DEMO values belonging to nobody.

export interface DemoCitizen {
  /** The provider's subject identifier (`sub`). */
  readonly sub: string;
  readonly name: string;
  readonly personalIdentifier: string;
  /** ISO 8601 date (OIDC Core §5.1 `birthdate`). */
  readonly birthdate: string;
  readonly phone: string;
  readonly email: string;
  readonly address: string;
}

export const DEMO_CITIZENS: readonly DemoCitizen[] = [
  {
    sub: 'demo-citizen-nguyen-van-an',
    name: 'Nguyễn Văn An',
    personalIdentifier: '008085004211',
    birthdate: '1985-03-14',
    phone: '0912345678',
    email: 'nguyenvanan@example.vn',
    address: 'Thôn Bản Ca, xã Bình Ca, tỉnh Tuyên Quang',
  },
  {
    sub: 'demo-citizen-ma-thi-hoa',
    name: 'Ma Thị Hoa',
    personalIdentifier: '008192013587',
    birthdate: '1992-11-02',
    phone: '0987654321',
    email: 'mathihoa@example.vn',
    address: 'Thôn Nà Hu, xã Bình Ca, tỉnh Tuyên Quang',
  },
  {
    sub: 'demo-citizen-sung-a-chu',
    name: 'Sùng A Chu',
    personalIdentifier: '008201000736',
    birthdate: '2001-06-20',
    phone: '0356789012',
    email: 'sungachu@example.vn',
    address: 'Thôn Hồ Thầu, xã Hồ Thầu, tỉnh Tuyên Quang',
  },
  {
    sub: 'demo-citizen-ka-thi-nhung',
    name: 'K’ Thị Nhung',
    personalIdentifier: '068178025964',
    birthdate: '1978-09-08',
    phone: '0263812345',
    email: 'kthinhung@example.vn',
    address: 'Thôn Đa Me, xã Đức Trọng, tỉnh Lâm Đồng',
  },
  {
    sub: 'demo-citizen-tran-quoc-bao',
    name: 'Trần Quốc Bảo',
    personalIdentifier: '068004031128',
    birthdate: '2004-01-27',
    phone: '0909111222',
    email: 'tranquocbao@example.vn',
    address: '12 Trần Phú, phường Xuân Hương - Đà Lạt, tỉnh Lâm Đồng',
  },
];

export function findDemoCitizen(sub: string): DemoCitizen | undefined {
  return DEMO_CITIZENS.find((c) => c.sub === sub);
}
