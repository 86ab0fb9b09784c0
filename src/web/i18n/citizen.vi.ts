// Vietnamese messages: Citizen sign-in with OpenID Connect (issue 6 §3 "Online"): src/web/citizen.routes.ts.
export const citizenVi = {
  'citizen.nav': 'Đăng nhập công dân',
  'citizen.home.cardBody':
    'Đăng nhập bằng tài khoản định danh điện tử VNeID để nộp và theo dõi hồ sơ của bạn.',
  'citizen.landing.title': 'Đăng nhập công dân',
  'citizen.landing.lead':
    'Dùng tài khoản định danh điện tử VNeID mức 2 (qua Cổng Dịch vụ công quốc gia) để nộp hồ sơ trực tuyến và theo dõi hồ sơ của bạn.',
  'citizen.landing.signIn': 'Đăng nhập bằng VNeID',
  'citizen.landing.devNote':
    'Máy chủ này dùng máy chủ định danh thử nghiệm đi kèm (chỉ dành cho phát triển), với các công dân mẫu.',
  'citizen.landing.signedOut': 'Bạn đã đăng xuất.',
  'citizen.landing.expired': 'Phiên làm việc đã hết hạn sau 30 phút không thao tác. Vui lòng đăng nhập lại.',
  'citizen.page.title': 'Trang của tôi',
  'citizen.page.greeting': 'Xin chào, {name}',
  'citizen.page.dossiers': 'Hồ sơ của tôi',
  'citizen.page.noDossiers': 'Chưa có hồ sơ.',
  'citizen.page.profile': 'Thông tin cá nhân',
  'citizen.page.profileSource': 'Thông tin do nhà cung cấp định danh điện tử cung cấp khi bạn đăng nhập.',
  'citizen.page.fullName': 'Họ và tên',
  'citizen.page.personalIdentifier': 'Số định danh cá nhân',
  'citizen.page.phone': 'Số điện thoại',
  'citizen.page.email': 'Thư điện tử',
  'citizen.page.none': 'Không có',
  'citizen.signOut': 'Đăng xuất',
  'citizen.failed.title': 'Không đăng nhập được',
  'citizen.failed.retry': 'Đăng nhập lại',
  'citizen.error.STATE_MISMATCH':
    'Phản hồi đăng nhập không khớp với yêu cầu đăng nhập của trình duyệt này (tham số state sai). Có thể liên kết đã bị giả mạo. Vui lòng đăng nhập lại từ đầu.',
  'citizen.error.SIGN_IN_EXPIRED':
    'Yêu cầu đăng nhập đã hết hạn (quá 10 phút) hoặc không được bắt đầu trên trình duyệt này. Vui lòng đăng nhập lại.',
  'citizen.error.SIGN_IN_REPLAYED':
    'Liên kết đăng nhập này đã được dùng rồi và không dùng lại được. Vui lòng đăng nhập lại.',
  'citizen.error.PROVIDER_DENIED':
    'Bạn đã hủy đăng nhập, hoặc nhà cung cấp định danh từ chối yêu cầu đăng nhập.',
  'citizen.error.CODE_REJECTED':
    'Mã đăng nhập không hợp lệ: đã được dùng, đã hết hạn hoặc không thuộc lần đăng nhập này. Vui lòng đăng nhập lại.',
  'citizen.error.ID_TOKEN_INVALID':
    'Thông tin định danh nhận được không xác thực được (chữ ký, bên phát hành, đối tượng, mã dùng một lần hoặc thời hạn không đúng). Vì an toàn, hệ thống không đăng nhập.',
  'citizen.error.CLAIMS_INVALID':
    'Nhà cung cấp định danh không gửi đủ họ tên hoặc gửi số định danh cá nhân không đúng định dạng 12 chữ số.',
  'citizen.error.PROVIDER_UNAVAILABLE':
    'Tạm thời không kết nối được với nhà cung cấp định danh điện tử. Vui lòng thử lại sau ít phút.',
  'citizen.dev.title': 'Máy chủ định danh thử nghiệm',
  'citizen.dev.warning':
    'Chỉ dùng cho phát triển và trình diễn: thay cho VNeID / Cổng Dịch vụ công quốc gia. Không dùng trong vận hành thật.',
  'citizen.dev.lead': 'Chọn công dân mẫu để đăng nhập (mức đảm bảo LoA1).',
  'citizen.dev.citizens': 'Công dân mẫu',
  'citizen.dev.signInAs': 'Đăng nhập là {name}',
  'citizen.dev.details': 'Số định danh {id} · sinh ngày {birthdate}',
  'citizen.dev.cancel': 'Hủy đăng nhập',
} as const;
