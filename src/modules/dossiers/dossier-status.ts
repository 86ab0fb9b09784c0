// Dossier statuses as synchronised with the National Public Service Portal (shared/DOMAIN.md "Statuses";
// vendor practice, official list UNVERIFIED). Stored as the portal's number so a sync needs no mapping.
export const DOSSIER_STATUSES = {
  1: { vi: 'Mới đăng ký', en: 'Newly registered' },
  2: { vi: 'Được tiếp nhận', en: 'Received' },
  3: { vi: 'Không được tiếp nhận', en: 'Refused' },
  4: { vi: 'Đang xử lý', en: 'Being processed' },
  5: { vi: 'Yêu cầu bổ sung giấy tờ', en: 'Supplement requested' },
  6: { vi: 'Yêu cầu thực hiện nghĩa vụ tài chính', en: 'Payment requested' },
  7: { vi: 'Công dân yêu cầu rút hồ sơ', en: 'Withdrawn by the applicant' },
  8: { vi: 'Dừng xử lý', en: 'Processing stopped' },
  9: { vi: 'Đã xử lý xong', en: 'Processed' },
  10: { vi: 'Đã trả kết quả', en: 'Result returned' },
} as const;

export type DossierStatus = keyof typeof DOSSIER_STATUSES;

export function isDossierStatus(value: unknown): value is DossierStatus {
  return typeof value === 'number' && Object.hasOwn(DOSSIER_STATUSES, value);
}

export function dossierStatusLabel(status: DossierStatus, locale: 'vi' | 'en'): string {
  return DOSSIER_STATUSES[status][locale];
}

/** Intake channels (issue 6 §3); the portal's sync folds them into 1 direct (counter, kiosk) and 2 online. */
export const DOSSIER_CHANNELS = ['counter', 'online', 'kiosk', 'api'] as const;
export type DossierChannel = (typeof DOSSIER_CHANNELS)[number];
