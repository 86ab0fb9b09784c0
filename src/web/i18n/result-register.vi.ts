// Vietnamese messages: the register of results issued (issue 7 §2, Decree 30/2020). Keys are prefixed by their area.
export const resultRegisterVi = {
  'resultRegister.title': 'Sổ đăng ký văn bản kết quả',
  'resultRegister.workspace':
    'Số, ký hiệu của kết quả giải quyết thủ tục do văn thư cấp khi đóng dấu, theo năm.',
  'resultRegister.lead': 'Các văn bản kết quả {unit} đã cấp số trong năm {year}, theo thứ tự số.',
  'resultRegister.caption': 'Văn bản kết quả năm {year}',
  'resultRegister.unit': 'Đơn vị',
  'resultRegister.year': 'Năm',
  'resultRegister.show': 'Xem sổ',
  'resultRegister.none': 'Chưa có văn bản kết quả nào được cấp số trong năm này.',
  'resultRegister.col.number': 'Số, ký hiệu',
  'resultRegister.col.date': 'Ngày cấp số',
  'resultRegister.col.summary': 'Tên loại và trích yếu',
  'resultRegister.col.applicant': 'Người yêu cầu',
  'resultRegister.col.dossier': 'Mã hồ sơ',
  'resultRegister.col.clerk': 'Văn thư cấp số',
} as const;
