// Vietnamese messages: Online submission, drafts, kiosk (issue 6). Keys are prefixed by their area.
export const intakeVi = {
  'intake.online.title': 'Nộp hồ sơ trực tuyến',
  'intake.online.lead': 'Chọn nơi tiếp nhận và thủ tục, điền thông tin, tải bản quét giấy tờ và nộp.',
  'intake.online.unit': 'Nơi tiếp nhận (xã, phường)',
  'intake.online.start': 'Nộp hồ sơ trực tuyến',
  'intake.online.documents': 'Giấy tờ nộp kèm',
  'intake.online.documentsHint':
    'Đánh dấu giấy tờ bạn nộp và chọn tệp quét hoặc ảnh chụp (PDF, JPEG, PNG, tối đa 10 MB mỗi tệp).',
  'intake.online.fee': 'Phí, lệ phí theo thủ tục: {amount}, nộp khi hồ sơ được tiếp nhận.',
  'intake.online.submit': 'Nộp hồ sơ',
  'intake.online.submitted': 'Đã nộp hồ sơ',
  'intake.online.submittedBody':
    'Mã hồ sơ {code}. Cán bộ tiếp nhận sẽ kiểm tra; khi hồ sơ được tiếp nhận, bạn nhận giấy hẹn trả kết quả tại đây.',
  'intake.online.submittedAt': 'Thời gian nộp',
  'intake.online.awaiting':
    'Hồ sơ đang chờ cán bộ tiếp nhận kiểm tra. Thời hạn giải quyết tính từ khi hồ sơ được tiếp nhận.',
  'intake.online.back': 'Về trang của tôi',
  'field.identityWithoutIdentifier':
    'Tài khoản định danh điện tử chưa có số định danh cá nhân: vui lòng nộp tại quầy.',
  'intake.draft.save': 'Lưu nháp',
  'intake.draft.saved': 'Đã lưu nháp',
  'intake.draft.savedBody': 'Bạn có thể quay lại hoàn thiện và nộp sau, từ trang của tôi.',
  'intake.draft.kept': 'Tệp đã lưu',
  'intake.draft.list': 'Hồ sơ nháp',
  'intake.draft.savedAt': 'Lưu lúc',
  'intake.draft.continue': 'Tiếp tục',
  'intake.draft.delete': 'Xóa nháp',
  'intake.awaiting.title': 'Hồ sơ trực tuyến chờ tiếp nhận',
  'intake.awaiting.lead': 'Hồ sơ công dân nộp trực tuyến hoặc tại ki-ốt, xếp theo thời gian nộp.',
  'intake.awaiting.none': 'Không có hồ sơ nào đang chờ.',
  'intake.awaiting.workspace': 'Kiểm tra và tiếp nhận hoặc từ chối hồ sơ nộp trực tuyến.',
  'intake.awaiting.decide': 'Tiếp nhận hoặc từ chối',
  'intake.awaiting.decideHint':
    'Kiểm tra thông tin và tệp quét. Tiếp nhận: ngày hẹn trả tính từ bây giờ. Từ chối: ghi rõ lý do (mẫu 03).',
  'intake.awaiting.accept': 'Tiếp nhận hồ sơ',
  'intake.refusal.title': 'Phiếu từ chối tiếp nhận (mẫu 03)',
  'intake.kiosk.name': 'Ki-ốt',
} as const;
