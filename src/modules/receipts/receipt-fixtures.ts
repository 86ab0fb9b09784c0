// Sample forms for tests and previews: a birth registration received on a Friday afternoon before Tết 2026
// (the derivation example of issue 6 §2), and a refusal.
import type { ReceiptData, RefusalData } from './receipt.types.ts';

const body = {
  superiorName: 'UBND xã Bình Ca',
  name: 'Trung tâm Phục vụ hành chính công xã Bình Ca',
  sealName: 'Trung tâm Phục vụ hành chính công xã Bình Ca',
  place: 'Bình Ca',
};

export function sampleReceipt(overrides: Partial<ReceiptData> = {}): ReceiptData {
  return {
    body,
    receiptNumber: '125',
    dossierCode: '000.00.21.H49-260213-0007',
    applicant: {
      name: 'Nguyễn Thị Hường',
      identifier: '008190001234',
      address: 'Thôn Đồng Mán, xã Bình Ca, tỉnh Tuyên Quang',
      phone: '0912345678',
      email: 'huong.nguyen@example.vn',
    },
    procedureName: 'Đăng ký khai sinh',
    documents: [
      { name: 'Tờ khai đăng ký khai sinh', form: 'original' },
      { name: 'Giấy chứng sinh', form: 'original' },
      { name: 'Giấy chứng nhận kết hôn của cha, mẹ', form: 'certified-copy' },
    ],
    sets: 1,
    statutoryTime: '05 ngày làm việc',
    receivedAt: new Date('2026-02-13T09:40:00Z'), // 16:40 Friday 13/02/2026 in Vietnam
    dueAt: new Date('2026-02-26T01:00:00Z'), // 08:00 Thursday 26/02/2026
    dueDateDerivation: [
      'nhận 16:40 thứ Sáu → tính từ ngày làm việc tiếp theo',
      '05 ngày làm việc',
      'trừ Tết 14/02–22/02',
      'hẹn trả 08:00 ngày 26/02/2026',
    ],
    resultDelivery: 'Trung tâm Phục vụ hành chính công xã Bình Ca',
    register: { book: '01/2026', line: '125' },
    receivingOfficer: 'Trần Văn Bình',
    lookupUrl: 'https://binhca.xaso.vn/tra-cuu/000.00.21.H49-260213-0007',
    ...overrides,
  };
}

export function sampleRefusal(overrides: Partial<RefusalData> = {}): RefusalData {
  return {
    body,
    refusalNumber: '07',
    applicant: {
      name: 'Nguyễn Thị Hường',
      identifier: '008190001234',
      address: 'Thôn Đồng Mán, xã Bình Ca, tỉnh Tuyên Quang',
      phone: '0912345678',
    },
    procedureName: 'Đăng ký khai sinh',
    reasons: [
      'Người yêu cầu không cư trú tại xã Bình Ca; hồ sơ thuộc thẩm quyền của UBND nơi cư trú của cha hoặc mẹ.',
      'Thiếu Giấy chứng sinh (bản chính).',
    ],
    receivingOfficer: 'Trần Văn Bình',
    refusedAt: new Date('2026-03-05T02:15:00Z'),
    ...overrides,
  };
}
