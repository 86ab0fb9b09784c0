// The demo catalogue (issue 6 §1.2): typical commune procedures (DOMAIN.md "Typical commune procedures").
// Codes are those of the national catalogue (Cơ sở dữ liệu quốc gia về TTHC) as far as we know them, and
// fees set by provincial People's Councils vary: both are UNVERIFIED demo data, not legal advice. Legal
// bases are the texts DOMAIN.md names; the demo provinces define them from 01/07/2025 (Decree 118/2025).
import type {
  DocumentForm,
  Fee,
  ProcedureContent,
  ProcedureStep,
  RequiredDocument,
  StepRole,
} from './procedure.types.ts';

export interface SeedProcedure {
  readonly code: string;
  readonly content: ProcedureContent;
}

const doc = (name: string, form: DocumentForm, count = 1, isScanAccepted = true): RequiredDocument => ({
  name,
  form,
  count,
  isScanAccepted,
});
const hours = (name: string, role: StepRole, amount: number): ProcedureStep => ({
  name,
  role,
  budget: { unit: 'workingHours', amount },
});
const days = (name: string, role: StepRole, amount: number): ProcedureStep => ({
  name,
  role,
  budget: { unit: 'workingDays', amount },
});
const fee = (name: string, amountVnd: number, per = ''): Fee => ({ name, amountVnd, per });

const IDENTITY_PAPER = doc(
  'Giấy tờ tùy thân còn giá trị sử dụng (Căn cước công dân, Căn cước hoặc Hộ chiếu) của người yêu cầu',
  'presentOnly',
  1,
  false,
);
const CERTIFICATION_LAW = [
  'Nghị định số 23/2015/NĐ-CP ngày 16/02/2015 của Chính phủ về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính, chứng thực chữ ký và chứng thực hợp đồng, giao dịch',
  'Nghị định số 07/2025/NĐ-CP sửa đổi, bổ sung một số điều của các nghị định trong lĩnh vực chứng thực',
  'Thông tư số 01/2020/TT-BTP hướng dẫn Nghị định số 23/2015/NĐ-CP',
  'Thông tư số 226/2016/TT-BTC quy định mức thu, chế độ thu, nộp phí chứng thực',
];
const CIVIL_STATUS_LAW = [
  'Luật Hộ tịch số 60/2014/QH13',
  'Nghị định số 123/2015/NĐ-CP quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch',
  'Thông tư số 04/2020/TT-BTP quy định chi tiết thi hành một số điều của Luật Hộ tịch',
];
const CERTIFICATION_STEPS = [
  hours('Tiếp nhận, kiểm tra giấy tờ', 'receptionist', 1),
  hours('Đối chiếu, ghi lời chứng, vào sổ chứng thực', 'specialist', 2),
  hours('Ký chứng thực', 'leader', 2),
  hours('Đóng dấu, trả kết quả', 'clerk', 1),
];
const CIVIL_STATUS_STEPS = [
  hours('Tiếp nhận, kiểm tra hồ sơ', 'receptionist', 1),
  hours('Công chức tư pháp - hộ tịch kiểm tra, ghi vào sổ hộ tịch', 'specialist', 2),
  hours('Chủ tịch hoặc Phó Chủ tịch UBND xã ký', 'leader', 1),
];
const SAME_DAY_1500 = { kind: 'sameDay', cutoff: { kind: 'time', after: '15:00' } } as const;
const IMMEDIATELY_1500 = { kind: 'immediately', cutoff: { kind: 'time', after: '15:00' } } as const;

const base = {
  nameEn: '',
  level: 'commune',
  isExtensionAllowed: false,
  extensionLimitDays: null,
  isClockStoppable: false,
} as const;

export function seedProcedures(options: { householdBusinessFeeVnd: number }): readonly SeedProcedure[] {
  return [
    {
      code: '2.000815',
      content: {
        ...base,
        name: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam cấp hoặc chứng nhận',
        nameEn: 'Certified copy from the original',
        field: 'Chứng thực',
        legalBasis: CERTIFICATION_LAW,
        // Same day; after 15:00 the next working day; + at most 2 working days for many or complex papers.
        statutoryTime: SAME_DAY_1500,
        isExtensionAllowed: true,
        extensionLimitDays: 2,
        documents: [
          doc('Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao', 'original', 1, false),
          doc('Bản sao cần chứng thực (người yêu cầu tự chụp hoặc đề nghị cơ quan chụp)', 'copy', 1, true),
        ],
        fees: [
          fee('Phí chứng thực bản sao từ bản chính, trang thứ nhất và thứ hai', 2000, 'trang'),
          fee('Phí chứng thực từ trang thứ ba trở lên (tối đa 200.000 đồng/bản)', 1000, 'trang'),
        ],
        steps: CERTIFICATION_STEPS,
        resultType: 'Bản sao được chứng thực từ bản chính',
      },
    },
    {
      code: '2.000884',
      content: {
        ...base,
        name: 'Chứng thực chữ ký trong các giấy tờ, văn bản (áp dụng cho cả trường hợp chứng thực điểm chỉ và trường hợp người yêu cầu chứng thực không thể ký, không thể điểm chỉ được)',
        nameEn: 'Signature certification',
        field: 'Chứng thực',
        legalBasis: CERTIFICATION_LAW,
        statutoryTime: SAME_DAY_1500,
        documents: [IDENTITY_PAPER, doc('Giấy tờ, văn bản mà người yêu cầu sẽ ký', 'original', 1, false)],
        fees: [fee('Phí chứng thực chữ ký', 10000, 'trường hợp')],
        steps: CERTIFICATION_STEPS,
        resultType: 'Giấy tờ, văn bản được chứng thực chữ ký',
      },
    },
    {
      code: '2.001035',
      content: {
        ...base,
        name: 'Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản, quyền sử dụng đất và nhà ở',
        nameEn: 'Certification of contracts on movables, land-use rights and housing',
        field: 'Chứng thực',
        legalBasis: CERTIFICATION_LAW,
        statutoryTime: { kind: 'workingDays', days: 2 },
        documents: [
          doc('Dự thảo hợp đồng, giao dịch', 'original', 1, true),
          doc('Bản sao giấy tờ tùy thân của người yêu cầu chứng thực', 'copy', 1, true),
          doc(
            'Bản sao Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất (kèm bản chính để đối chiếu)',
            'certifiedCopy',
            1,
            true,
          ),
        ],
        fees: [fee('Phí chứng thực hợp đồng, giao dịch', 50000, 'hợp đồng, giao dịch')],
        steps: [
          hours('Tiếp nhận, kiểm tra hồ sơ', 'receptionist', 2),
          hours('Kiểm tra năng lực hành vi dân sự, nội dung hợp đồng; ghi lời chứng', 'specialist', 8),
          hours('Ký chứng thực', 'leader', 4),
          hours('Đóng dấu, vào sổ, trả kết quả', 'clerk', 2),
        ],
        resultType: 'Hợp đồng, giao dịch được chứng thực',
      },
    },
    {
      code: '1.001193',
      content: {
        ...base,
        name: 'Đăng ký khai sinh',
        nameEn: 'Birth registration',
        field: 'Hộ tịch',
        legalBasis: [
          ...CIVIL_STATUS_LAW,
          'Thông tư số 85/2019/TT-BTC hướng dẫn về phí và lệ phí thuộc thẩm quyền của HĐND tỉnh',
        ],
        // Immediately once complete; received after 15:00 and not settled at once → the next working day.
        statutoryTime: IMMEDIATELY_1500,
        documents: [
          doc('Tờ khai đăng ký khai sinh (theo mẫu)', 'original', 1, true),
          doc('Giấy chứng sinh hoặc giấy tờ thay thế Giấy chứng sinh', 'original', 1, true),
          IDENTITY_PAPER,
          doc('Văn bản ủy quyền được chứng thực (trường hợp ủy quyền)', 'certifiedCopy', 1, true),
        ],
        // Luật Hộ tịch Art. 11: birth registration on time is free of charge.
        fees: [fee('Lệ phí đăng ký khai sinh đúng hạn (miễn theo Điều 11 Luật Hộ tịch)', 0)],
        steps: CIVIL_STATUS_STEPS,
        resultType: 'Giấy khai sinh (bản chính)',
      },
    },
    {
      code: '1.000894',
      content: {
        ...base,
        name: 'Đăng ký kết hôn',
        nameEn: 'Marriage registration',
        field: 'Hộ tịch',
        legalBasis: CIVIL_STATUS_LAW,
        // Immediately; at most 5 working days when the conditions of marriage must be verified.
        statutoryTime: IMMEDIATELY_1500,
        isExtensionAllowed: true,
        extensionLimitDays: 5,
        documents: [
          doc('Tờ khai đăng ký kết hôn (theo mẫu)', 'original', 1, true),
          doc(
            'Giấy xác nhận tình trạng hôn nhân (trường hợp cư trú tại xã, phường khác)',
            'original',
            1,
            true,
          ),
          doc('Giấy tờ tùy thân của hai bên nam, nữ', 'presentOnly', 2, false),
        ],
        fees: [fee('Lệ phí đăng ký kết hôn (miễn theo Điều 11 Luật Hộ tịch)', 0)],
        steps: CIVIL_STATUS_STEPS,
        resultType: 'Giấy chứng nhận kết hôn (02 bản chính)',
      },
    },
    {
      code: '1.000656',
      content: {
        ...base,
        name: 'Đăng ký khai tử',
        nameEn: 'Death registration',
        field: 'Hộ tịch',
        legalBasis: CIVIL_STATUS_LAW,
        statutoryTime: IMMEDIATELY_1500,
        documents: [
          doc('Tờ khai đăng ký khai tử (theo mẫu)', 'original', 1, true),
          doc('Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử', 'original', 1, true),
          IDENTITY_PAPER,
        ],
        fees: [fee('Lệ phí đăng ký khai tử đúng hạn (miễn theo Điều 11 Luật Hộ tịch)', 0)],
        steps: CIVIL_STATUS_STEPS,
        resultType: 'Trích lục khai tử (bản chính)',
      },
    },
    {
      code: '1.004873',
      content: {
        ...base,
        name: 'Cấp Giấy xác nhận tình trạng hôn nhân',
        nameEn: 'Certificate of marital status',
        field: 'Hộ tịch',
        legalBasis: CIVIL_STATUS_LAW,
        statutoryTime: { kind: 'workingDays', days: 3 },
        isClockStoppable: true,
        documents: [
          doc('Tờ khai cấp Giấy xác nhận tình trạng hôn nhân (theo mẫu)', 'original', 1, true),
          doc('Bản án, quyết định ly hôn đã có hiệu lực (trường hợp đã ly hôn)', 'copy', 1, true),
          IDENTITY_PAPER,
        ],
        fees: [fee('Lệ phí cấp Giấy xác nhận tình trạng hôn nhân', 10000, 'bản')],
        steps: [
          hours('Tiếp nhận, kiểm tra hồ sơ', 'receptionist', 4),
          days('Kiểm tra, xác minh tình trạng hôn nhân', 'specialist', 2),
          hours('Chủ tịch hoặc Phó Chủ tịch UBND xã ký', 'leader', 2),
          hours('Vào sổ, trả kết quả', 'clerk', 2),
        ],
        resultType: 'Giấy xác nhận tình trạng hôn nhân',
      },
    },
    {
      code: '2.000635',
      content: {
        ...base,
        name: 'Cấp bản sao trích lục hộ tịch',
        nameEn: 'Copy of a civil status extract',
        field: 'Hộ tịch',
        legalBasis: CIVIL_STATUS_LAW,
        statutoryTime: IMMEDIATELY_1500,
        documents: [
          doc('Tờ khai cấp bản sao trích lục hộ tịch (theo mẫu)', 'original', 1, true),
          IDENTITY_PAPER,
        ],
        fees: [fee('Phí cấp bản sao trích lục hộ tịch', 8000, 'bản sao')],
        steps: CIVIL_STATUS_STEPS,
        resultType: 'Bản sao trích lục hộ tịch',
      },
    },
    {
      code: '1.001699',
      content: {
        ...base,
        name: 'Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhận khuyết tật',
        nameEn: 'Disability level determination',
        field: 'Bảo trợ xã hội',
        legalBasis: [
          'Luật Người khuyết tật số 51/2010/QH12',
          'Nghị định số 28/2012/NĐ-CP quy định chi tiết và hướng dẫn thi hành một số điều của Luật Người khuyết tật',
          'Thông tư số 01/2019/TT-BLĐTBXH quy định về việc xác định mức độ khuyết tật do Hội đồng xác định mức độ khuyết tật thực hiện',
        ],
        // The council assesses within 20 working days, then the certificate within 5 (DOMAIN.md).
        statutoryTime: { kind: 'workingDays', days: 25 },
        isClockStoppable: true,
        documents: [
          doc('Đơn đề nghị xác định, xác định lại mức độ khuyết tật (Mẫu số 01)', 'original', 1, true),
          doc('Bản sao các giấy tờ y tế chứng minh về khuyết tật (nếu có)', 'copy', 1, true),
          doc('Bản sao kết luận của Hội đồng Giám định y khoa (nếu có)', 'copy', 1, true),
        ],
        fees: [],
        steps: [
          hours('Tiếp nhận, chuyển Hội đồng xác định mức độ khuyết tật', 'receptionist', 4),
          days('Hội đồng xác định mức độ khuyết tật quan sát, đánh giá, kết luận', 'specialist', 20),
          days('Chủ tịch UBND xã cấp Giấy xác nhận khuyết tật', 'leader', 4),
          hours('Trả kết quả', 'receptionist', 4),
        ],
        resultType: 'Giấy xác nhận khuyết tật',
      },
    },
    {
      code: '1.001776',
      content: {
        ...base,
        name: 'Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hằng tháng, hỗ trợ kinh phí chăm sóc, nuôi dưỡng hằng tháng',
        nameEn: 'Monthly social allowance',
        field: 'Bảo trợ xã hội',
        legalBasis: [
          'Nghị định số 20/2021/NĐ-CP quy định chính sách trợ giúp xã hội đối với đối tượng bảo trợ xã hội',
          'Nghị định số 76/2024/NĐ-CP sửa đổi, bổ sung một số điều của Nghị định số 20/2021/NĐ-CP',
        ],
        // Commune review 7 working days, public posting 2, decision 3: the post-2025 flow is UNVERIFIED.
        statutoryTime: { kind: 'workingDays', days: 12 },
        isClockStoppable: true,
        documents: [
          doc(
            'Tờ khai đề nghị trợ giúp xã hội (Mẫu số 1a–1d ban hành kèm Nghị định 20/2021/NĐ-CP)',
            'original',
            1,
            true,
          ),
          doc('Bản sao Giấy xác nhận khuyết tật (đối với người khuyết tật)', 'copy', 1, true),
          doc('Bản sao giấy tờ chứng minh thuộc đối tượng hưởng trợ cấp (nếu có)', 'copy', 1, true),
        ],
        fees: [],
        steps: [
          days('Tiếp nhận; Hội đồng xét duyệt trợ giúp xã hội xã họp, xét duyệt', 'specialist', 7),
          days('Niêm yết công khai kết quả xét duyệt', 'specialist', 2),
          days('Chủ tịch UBND xã quyết định trợ cấp', 'leader', 3),
        ],
        resultType: 'Quyết định trợ cấp xã hội hằng tháng',
      },
    },
    {
      code: '1.001612',
      content: {
        ...base,
        name: 'Đăng ký thành lập hộ kinh doanh',
        nameEn: 'Household business registration',
        field: 'Thành lập và hoạt động của hộ kinh doanh',
        legalBasis: [
          'Luật Doanh nghiệp số 59/2020/QH14',
          'Nghị định số 168/2025/NĐ-CP về đăng ký doanh nghiệp (đăng ký hộ kinh doanh tại cấp xã)',
          'Nghị quyết của Hội đồng nhân dân tỉnh quy định mức thu lệ phí đăng ký hộ kinh doanh',
        ],
        statutoryTime: { kind: 'workingDays', days: 3 },
        isClockStoppable: true,
        documents: [
          doc('Giấy đề nghị đăng ký hộ kinh doanh', 'original', 1, true),
          doc(
            'Bản sao biên bản họp thành viên hộ gia đình về việc thành lập hộ kinh doanh (trường hợp các thành viên hộ gia đình đăng ký)',
            'copy',
            1,
            true,
          ),
          doc(
            'Bản sao văn bản ủy quyền của thành viên hộ gia đình cho một thành viên làm chủ hộ kinh doanh (nếu có)',
            'copy',
            1,
            true,
          ),
        ],
        fees: [fee('Lệ phí đăng ký hộ kinh doanh', options.householdBusinessFeeVnd, 'lần')],
        steps: [
          hours('Tiếp nhận hồ sơ', 'receptionist', 4),
          days('Bộ phận đăng ký kinh doanh thẩm định hồ sơ', 'specialist', 1.5),
          hours('Lãnh đạo ký Giấy chứng nhận', 'leader', 4),
          hours('Vào sổ, trả kết quả', 'clerk', 4),
        ],
        resultType: 'Giấy chứng nhận đăng ký hộ kinh doanh',
      },
    },
    {
      code: '1.004194',
      content: {
        ...base,
        name: 'Xác nhận thông tin về cư trú',
        nameEn: 'Residence confirmation',
        field: 'Đăng ký, quản lý cư trú',
        legalBasis: [
          'Luật Cư trú số 68/2020/QH14',
          'Nghị định số 154/2024/NĐ-CP quy định chi tiết một số điều của Luật Cư trú',
          'Thông tư số 55/2021/TT-BCA quy định chi tiết một số điều và biện pháp thi hành Luật Cư trú',
        ],
        // Half a working day when the data is in the national database; up to 3 working days if it must be verified.
        statutoryTime: { kind: 'workingHours', hours: 4 },
        isExtensionAllowed: true,
        extensionLimitDays: 3,
        documents: [doc('Tờ khai thay đổi thông tin cư trú (Mẫu CT01)', 'original', 1, true), IDENTITY_PAPER],
        fees: [],
        steps: [
          hours('Tiếp nhận yêu cầu', 'receptionist', 1),
          hours('Công an xã kiểm tra thông tin trong Cơ sở dữ liệu về cư trú', 'specialist', 2),
          hours('Ký xác nhận', 'leader', 1),
        ],
        resultType: 'Văn bản xác nhận thông tin về cư trú',
      },
    },
  ];
}

/** The day the demo provinces define their catalogue and the communes adopt it. */
export const SEED_EFFECTIVE_FROM = '2025-07-01';
