// What the one-stop-shop forms print (issue 6 §4; shared/DOMAIN.md "Dossiers"): BM.01 "Giấy tiếp nhận hồ sơ
// và hẹn trả kết quả" (receipt) and BM.03 "Phiếu từ chối tiếp nhận giải quyết hồ sơ" (refusal). These are
// the renderers' own input types: the intake module maps its dossier record onto them, so the forms do not
// depend on how dossiers are stored. Every string is printed as given (already in Vietnamese).

/** The body that receives the dossier (the Public Administration Service Center of the commune). */
export interface ReceivingBody {
  /** The superior body, printed above the name in the header, e.g. "UBND XÃ BÌNH CA" (Decree 30/2020 App. I). */
  superiorName?: string;
  /** e.g. "Trung tâm Phục vụ hành chính công xã Bình Ca"; printed in capitals in the header. */
  name: string;
  /** The name on the body's seal, printed under the receiving officer's signature, e.g. "TTPVHCC xã Bình Ca". */
  sealName: string;
  /** The place in the place-and-date line, e.g. "Bình Ca" → "Bình Ca, ngày 05 tháng 01 năm 2026". */
  place: string;
}

/** The person or organisation handing in the dossier. */
export interface Applicant {
  /** Full name of the citizen, or the organisation's name. */
  name: string;
  isOrganisation?: boolean;
  /** Personal identifier number (12 digits) or the organisation's identifier / enterprise code. */
  identifier?: string;
  address?: string;
  phone?: string;
  email?: string;
  /** The person handing in on the applicant's behalf, with the authorisation they hold. */
  proxy?: { name: string; identifier?: string; authorisation: string };
}

/** How a document is handed in; the label printed is in `DOCUMENT_FORM_LABELS`. */
export type DocumentForm = 'original' | 'copy' | 'certified-copy' | 'electronic';

export const DOCUMENT_FORM_LABELS = {
  original: 'Bản chính',
  copy: 'Bản sao',
  'certified-copy': 'Bản sao có chứng thực',
  electronic: 'Bản điện tử',
} as const satisfies Record<DocumentForm, string>;

export interface ReceivedDocument {
  name: string;
  form: DocumentForm;
  /** Number of copies of this document; default 1. */
  count?: number;
}

/** BM.01, everything it prints. */
export interface ReceiptData {
  body: ReceivingBody;
  /** The receipt's number in the body's register, printed `Số: <number>/TTPVHCC`, e.g. "125". */
  receiptNumber: string;
  /** Circular 04/2025 code, e.g. "000.00.21.H49-260105-0001". */
  dossierCode: string;
  applicant: Applicant;
  /** The request: the procedure's name, e.g. "Đăng ký khai sinh". */
  procedureName: string;
  documents: readonly ReceivedDocument[];
  /** Number of dossier sets handed in; default 1. */
  sets?: number;
  /** Statutory time as text, e.g. "05 ngày làm việc" or "Trong ngày". */
  statutoryTime: string;
  /** Printed `hh:mm dd/mm/yyyy` in Vietnam time (UTC+7). */
  receivedAt: Date;
  /** The appointment (due) time, printed like `receivedAt`. */
  dueAt: Date;
  /** How the due date was derived, in Vietnamese, one line per step (compute-unit-due-date's derivation). */
  dueDateDerivation: readonly string[];
  /** Where the result is collected, e.g. "Trung tâm Phục vụ hành chính công xã Bình Ca" or "Nhận qua bưu chính". */
  resultDelivery: string;
  /** BM.06 tracking register: book and line the dossier was entered on. */
  register: { book: string; line: string };
  receivingOfficer: string;
  /** Absolute URL of the public lookup page for this dossier; encoded in the QR code. */
  lookupUrl: string;
}

/** BM.03, everything it prints. */
export interface RefusalData {
  body: ReceivingBody;
  /** Optional register number, printed `Số: <number>/TTPVHCC`; "…" when absent. */
  refusalNumber?: string;
  /** The dossier code, when one was assigned before the refusal. */
  dossierCode?: string;
  applicant: Applicant;
  procedureName: string;
  /** The specific reasons, one per item (Decree 61/2018 Art. 19: a refusal states its reasons). */
  reasons: readonly string[];
  receivingOfficer: string;
  refusedAt: Date;
}
