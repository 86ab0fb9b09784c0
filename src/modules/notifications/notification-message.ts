// The citizen's messages (issue 7 §6), in Vietnamese: the dossier code, the procedure, the dates and the
// lookup link (which still asks for the phone's last digits), and nothing more personal than that.
import { formatFormTime } from '../receipts/vietnam-time.ts';
import type { NotificationPayload } from './notification.table.ts';
import type { NotificationKind } from './notification-kinds.ts';

export interface RenderedMessage {
  readonly subject: string;
  readonly text: string;
}

const SUBJECTS: Record<NotificationKind, string> = {
  received: 'Hồ sơ đã được tiếp nhận',
  refused: 'Hồ sơ không được tiếp nhận',
  supplement: 'Hồ sơ cần bổ sung giấy tờ',
  result_ready: 'Đã có kết quả giải quyết hồ sơ',
  returned: 'Đã trả kết quả hồ sơ',
  late: 'Xin lỗi: hồ sơ được hẹn lại ngày trả kết quả',
};

function sentence(kind: NotificationKind, p: NotificationPayload): string {
  const due = p.dueAt ? formatFormTime(new Date(p.dueAt)) : null;
  switch (kind) {
    case 'received':
      return due ? `đã được tiếp nhận. Hẹn trả kết quả: ${due}.` : 'đã được tiếp nhận.';
    case 'refused':
      return 'không được tiếp nhận. Lý do ghi trong phiếu từ chối tiếp nhận (mẫu BM.03).';
    case 'supplement':
      return 'cần bổ sung, hoàn thiện giấy tờ. Vui lòng xem phiếu yêu cầu bổ sung và nộp bổ sung trực tuyến hoặc tại Bộ phận Một cửa.';
    case 'result_ready':
      return 'đã có kết quả. Mời nhận kết quả trực tuyến hoặc tại Bộ phận Một cửa.';
    case 'returned':
      return 'đã được trả kết quả. Cảm ơn ông/bà đã sử dụng dịch vụ.';
    case 'late': {
      const next = p.newDueAt ? formatFormTime(new Date(p.newDueAt)) : '';
      return `chưa giải quyết được đúng hẹn. Cơ quan xin lỗi ông/bà và hẹn trả kết quả vào ${next}.`;
    }
  }
}

export function lookupUrl(publicUrl: string, code: string): string {
  return `${publicUrl}/tra-cuu?code=${encodeURIComponent(code)}`;
}

/** The e-mail: a subject and a plain-text body. */
export function renderEmail(
  kind: NotificationKind,
  p: NotificationPayload,
  publicUrl: string,
): RenderedMessage {
  return {
    subject: `${SUBJECTS[kind]}: ${p.code}`,
    text: [
      'Kính gửi ông/bà,',
      '',
      `Hồ sơ ${p.code} (${p.procedureName}) ${sentence(kind, p)}`,
      '',
      `Tra cứu tình trạng hồ sơ: ${lookupUrl(publicUrl, p.code)}`,
      '(nhập 4 số cuối điện thoại đã khai khi nộp hồ sơ)',
      '',
      'Thư này được gửi tự động, xin đừng trả lời.',
    ].join('\n'),
  };
}

/** Vietnamese without diacritics: SMS in GSM 7-bit fits 160 characters a segment (70 in UCS-2). */
export function withoutDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/** The SMS: short, unaccented, with the code and the lookup link. */
export function renderSms(kind: NotificationKind, p: NotificationPayload, publicUrl: string): string {
  const due = p.dueAt ? formatFormTime(new Date(p.dueAt)) : '';
  const newDue = p.newDueAt ? formatFormTime(new Date(p.newDueAt)) : '';
  const short: Record<NotificationKind, string> = {
    received: due ? `da tiep nhan, hen tra ${due}` : 'da tiep nhan',
    refused: 'khong duoc tiep nhan (xem phieu tu choi)',
    supplement: 'can bo sung giay to',
    result_ready: 'da co ket qua, moi nhan ket qua',
    returned: 'da tra ket qua',
    late: `cham hen, xin loi ong/ba, hen lai ${newDue}`,
  };
  return withoutDiacritics(`Ho so ${p.code}: ${short[kind]}. Tra cuu: ${lookupUrl(publicUrl, p.code)}`);
}
