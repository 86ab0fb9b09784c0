// The demo organisation and accounts (issue 2 §8): places from the field stories, staff in every role.
// Identifier codes here are DEMO values in the official shapes, not the codes assigned by Decision 20/2020.
import { createHash } from 'node:crypto';
import type { CatalogueSeedPlan } from '../catalogue/seed-catalogue.ts';
import type { Role } from '../identity/roles.ts';
import type { UnitKind } from '../organisation/unit.table.ts';

export interface DemoUnit {
  readonly key: string;
  readonly parent: string | null;
  readonly kind: UnitKind;
  readonly name: string;
  readonly sealName: string;
  readonly identifierCode: string;
  readonly exchangeCode: string | null;
}

export interface DemoAccount {
  readonly username: string;
  readonly fullName: string;
  readonly title: string;
  readonly unit: string;
  readonly role: Role;
}

/** One password for every demo account, printed in the README and by `xaso demo credentials`. */
export const DEMO_PASSWORD = 'demo-xaso-2026';

export const DEMO_UNITS: readonly DemoUnit[] = [
  {
    key: 'tq',
    parent: null,
    kind: 'province',
    name: 'Tỉnh Tuyên Quang',
    sealName: 'ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG',
    identifierCode: 'H57',
    exchangeCode: '000.00.00.H57',
  },
  {
    key: 'tq-snv',
    parent: 'tq',
    kind: 'department',
    name: 'Sở Nội vụ tỉnh Tuyên Quang',
    sealName: 'SỞ NỘI VỤ TỈNH TUYÊN QUANG',
    identifierCode: 'H57.01',
    exchangeCode: '000.01.00.H57',
  },
  {
    key: 'binh-ca',
    parent: 'tq',
    kind: 'commune',
    name: 'Xã Bình Ca',
    sealName: 'ỦY BAN NHÂN DÂN XÃ BÌNH CA',
    identifierCode: 'H57.101',
    exchangeCode: '001.00.20.H57',
  },
  {
    key: 'binh-ca-tt',
    parent: 'binh-ca',
    kind: 'service-centre',
    name: 'Trung tâm Phục vụ hành chính công xã Bình Ca',
    sealName: 'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG XÃ BÌNH CA',
    identifierCode: 'H57.101.01',
    exchangeCode: null,
  },
  {
    key: 'ho-thau',
    parent: 'tq',
    kind: 'commune',
    name: 'Xã Hồ Thầu',
    sealName: 'ỦY BAN NHÂN DÂN XÃ HỒ THẦU',
    identifierCode: 'H57.102',
    exchangeCode: '002.00.20.H57',
  },
  {
    key: 'ld',
    parent: null,
    kind: 'province',
    name: 'Tỉnh Lâm Đồng',
    sealName: 'ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG',
    identifierCode: 'H36',
    exchangeCode: '000.00.00.H36',
  },
  {
    key: 'duc-trong',
    parent: 'ld',
    kind: 'commune',
    name: 'Xã Đức Trọng',
    sealName: 'ỦY BAN NHÂN DÂN XÃ ĐỨC TRỌNG',
    identifierCode: 'H36.101',
    exchangeCode: '001.00.20.H36',
  },
  {
    key: 'xuan-huong',
    parent: 'ld',
    kind: 'ward',
    name: 'Phường Xuân Hương - Đà Lạt',
    sealName: 'ỦY BAN NHÂN DÂN PHƯỜNG XUÂN HƯƠNG - ĐÀ LẠT',
    identifierCode: 'H36.102',
    exchangeCode: '002.00.20.H36',
  },
];

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    username: 'binhca.chutich',
    fullName: 'Hoàng Văn Thành',
    title: 'Chủ tịch Ủy ban nhân dân xã',
    unit: 'binh-ca',
    role: 'leader',
  },
  {
    username: 'binhca.phochutich',
    fullName: 'Lý Thị Hoa',
    title: 'Phó Chủ tịch Ủy ban nhân dân xã',
    unit: 'binh-ca',
    role: 'leader',
  },
  { username: 'binhca.vanthu', fullName: 'Vũ Thị Mai', title: 'Văn thư', unit: 'binh-ca', role: 'clerk' },
  {
    username: 'binhca.chuyenvien',
    fullName: 'Trần Minh Đức',
    title: 'Công chức Tư pháp - Hộ tịch',
    unit: 'binh-ca',
    role: 'specialist',
  },
  {
    username: 'binhca.tiepnhan',
    fullName: 'Phạm Thị Lan',
    title: 'Cán bộ tiếp nhận',
    unit: 'binh-ca-tt',
    role: 'receptionist',
  },
  {
    username: 'binhca.quantri',
    fullName: 'Đỗ Quang Huy',
    title: 'Quản trị hệ thống xã',
    unit: 'binh-ca',
    role: 'unit_admin',
  },
  {
    username: 'hothau.chutich',
    fullName: 'Giàng Seo Páo',
    title: 'Chủ tịch Ủy ban nhân dân xã',
    unit: 'ho-thau',
    role: 'leader',
  },
  {
    username: 'hothau.tiepnhan',
    fullName: 'Lù Thị Xuân',
    title: 'Cán bộ tiếp nhận',
    unit: 'ho-thau',
    role: 'receptionist',
  },
  {
    username: 'tinh.quantri',
    fullName: 'Nguyễn Hải Nam',
    title: 'Quản trị hệ thống tỉnh',
    unit: 'tq',
    role: 'unit_admin',
  },
  {
    username: 'tinh.kiemtoan',
    fullName: 'Ngô Thanh Bình',
    title: 'Thanh tra viên',
    unit: 'tq',
    role: 'auditor',
  },
  {
    username: 'snv.chuyenvien',
    fullName: 'Bùi Thu Trang',
    title: 'Chuyên viên',
    unit: 'tq-snv',
    role: 'specialist',
  },
  {
    username: 'ductrong.chutich',
    fullName: 'Lê Văn Hùng',
    title: 'Chủ tịch Ủy ban nhân dân xã',
    unit: 'duc-trong',
    role: 'leader',
  },
  {
    username: 'ductrong.vanthu',
    fullName: 'K’ Thị Hiền',
    title: 'Văn thư',
    unit: 'duc-trong',
    role: 'clerk',
  },
  {
    username: 'ductrong.tiepnhan',
    fullName: 'Nguyễn Thị Thu',
    title: 'Cán bộ tiếp nhận',
    unit: 'duc-trong',
    role: 'receptionist',
  },
  {
    username: 'xuanhuong.chutich',
    fullName: 'Phan Minh Tuấn',
    title: 'Chủ tịch Ủy ban nhân dân phường',
    unit: 'xuan-huong',
    role: 'leader',
  },
  {
    username: 'xuanhuong.tiepnhan',
    fullName: 'Trịnh Ngọc Ánh',
    title: 'Cán bộ tiếp nhận',
    unit: 'xuan-huong',
    role: 'receptionist',
  },
  {
    username: 'xuanhuong.quantri',
    fullName: 'Cao Đức Long',
    title: 'Quản trị hệ thống phường',
    unit: 'xuan-huong',
    role: 'unit_admin',
  },
];

export interface DemoCredential {
  readonly username: string;
  readonly password: string;
  readonly role: Role;
  readonly unit: string;
  readonly fullName: string;
  /** Leaders and clerks (issue 5 §6): the PIN of their signing credential (a clerk's: the unit seal). */
  readonly pin?: string;
  /** Leaders and clerks: the base32 TOTP secret to load into an authenticator app. */
  readonly totpSecret?: string;
}

/** One PIN for every demo signing credential (issue 5 §6); DEMO ONLY, like the password. */
export const DEMO_PIN = '246810';

/** Demo accounts that hold a signing credential: leaders (personal) and clerks (the unit seal). */
export function isDemoSigner(account: Pick<DemoAccount, 'role'>): boolean {
  return account.role === 'leader' || account.role === 'clerk';
}

/** A fixed TOTP secret per demo signer (base32, RFC 4648 §6), derived from the username: public, DEMO ONLY. */
export function demoTotpSecret(username: string): string {
  const bytes = createHash('sha256').update(`xaso demo totp\0${username}`).digest().subarray(0, 20);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

export function demoCredentials(): DemoCredential[] {
  const unitName = new Map(DEMO_UNITS.map((u) => [u.key, u.name]));
  return DEMO_ACCOUNTS.map((a) => ({
    username: a.username,
    password: DEMO_PASSWORD,
    role: a.role,
    unit: unitName.get(a.unit) ?? a.unit,
    fullName: a.fullName,
    ...(isDemoSigner(a) ? { pin: DEMO_PIN, totpSecret: demoTotpSecret(a.username) } : {}),
  }));
}

/**
 * The demo catalogue (issue 6 §1.2): Tuyên Quang and Lâm Đồng define the procedures, their communes adopt
 * them. Hồ Thầu (a mountain commune) shows an adjustment: household business registration exempted from
 * the fee and a faster examination (demo figures, not a real resolution).
 */
export function demoCataloguePlans(ids: ReadonlyMap<string, string>): CatalogueSeedPlan[] {
  const id = (key: string) => ids.get(key) ?? '';
  return [
    {
      provinceId: id('tq'),
      householdBusinessFeeVnd: 100000,
      adopters: [
        { unitId: id('binh-ca') },
        {
          unitId: id('ho-thau'),
          adjustments: {
            '1.001612': {
              fees: [{ index: 0, amountVnd: 0 }],
              stepBudgets: [{ index: 1, budget: { unit: 'workingDays', amount: 1 } }],
              note: 'Miễn lệ phí đăng ký hộ kinh doanh cho hộ kinh doanh trên địa bàn xã (dữ liệu minh họa).',
            },
          },
        },
      ],
    },
    {
      provinceId: id('ld'),
      householdBusinessFeeVnd: 50000,
      adopters: [{ unitId: id('duc-trong') }, { unitId: id('xuan-huong') }],
    },
  ];
}
