// The data of BM.02, BM.04, BM.05, the referral slip and the return record for one dossier (issue 7 §1, §4, §5), for staff who
// may see the dossier and for its applicant (their own slips). INVALID_STATE when the form does not exist
// yet (no supplement requested, no extension granted, not referred).
import type { DbExecutor } from '../../database.ts';
import { AppError } from '../../platform/errors.ts';
import { placeOf } from '../dossiers/get-dossier-receipt.ts';
import { recordDossierView } from '../dossiers/record-dossier-view.ts';
import { findUnitById } from '../organisation/unit.repository.ts';
import type { Unit } from '../organisation/unit.table.ts';
import { applicantLines } from '../receipts/form-text.ts';
import type { ReceivingBody } from '../receipts/receipt.types.ts';
import { REFUSAL_CLOSING, REFUSAL_TITLE, refusalIntro } from '../receipts/render-refusal-pdf.ts';
import { formatFormTime } from '../receipts/vietnam-time.ts';
import { type DossierWork, loadDossierWork, type WorkActor } from './load-dossier-work.ts';
import { listHandovers, listSupplements, listWorkEvents } from './workflow.repository.ts';
import type { DossierWorkEvent, Timeliness } from './workflow.table.ts';
import type { FormBlock, WorkflowForm, WorkflowFormKind } from './workflow-form.types.ts';

export const TIMELINESS_VI: Record<Timeliness, string> = {
  early: 'Trước hạn',
  on_time: 'Đúng hạn',
  late: 'Quá hạn',
};

/** BM.05 prints times as "hh giờ mm phút, ngày dd/mm/yyyy" (shared/DOMAIN.md). */
export function formatControlTime(at: Date): string {
  const [time = '', date = ''] = formatFormTime(at).split(' ');
  const [hh, mm] = time.split(':');
  return `${hh} giờ ${mm} phút, ngày ${date}`;
}

export async function receivingBody(db: DbExecutor, unit: Unit): Promise<ReceivingBody> {
  const parent = unit.parent_id ? await findUnitById(db, unit.parent_id) : undefined;
  return {
    ...(parent ? { superiorName: `UBND ${parent.name.toLocaleUpperCase('vi')}` } : {}),
    name: unit.name,
    sealName: unit.seal_name,
    place: placeOf(parent?.name ?? unit.name),
  };
}

function applicantBlocks(work: DossierWork): FormBlock[] {
  const a = work.dossier.applicant;
  const lines = applicantLines({
    name: a.fullName,
    identifier: a.personalIdentifier,
    address: a.address,
    phone: a.phone,
    ...(a.proxy ? { proxy: { name: a.proxy.fullName, authorisation: a.proxy.authorisation } } : {}),
  });
  return [
    ...lines.map(([label, value]) => ({ kind: 'field', label, value }) as const),
    { kind: 'field', label: 'Nội dung yêu cầu giải quyết', value: work.dossier.procedure_name },
  ];
}

/**
 * With `view` (a page or PDF shown to the actor, not a slip sent for signature), a staff member's read is a
 * `dossier.viewed` event: the forms name the applicant (issue 4 §1); the applicant's own reads are not.
 * @throws AppError NOT_FOUND (dossier not visible), INVALID_STATE (the form does not exist for this dossier)
 */
export async function getWorkflowForm(options: {
  db: DbExecutor;
  actor: WorkActor;
  code: string;
  form: WorkflowFormKind;
  publicUrl: string;
  view?: { readonly requestId: string | null; readonly format: 'page' | 'pdf' };
}): Promise<WorkflowForm> {
  const work = await loadDossierWork(options);
  const form = await buildWorkflowForm(options, work);
  const { actor, view } = options;
  if (view && actor.kind === 'staff') {
    await recordDossierView({
      db: options.db,
      actor,
      requestId: view.requestId,
      dossier: work.dossier,
      kind: view.format === 'pdf' ? 'form-pdf' : 'form',
      item: options.form,
    });
  }
  return form;
}

async function buildWorkflowForm(
  options: { db: DbExecutor; form: WorkflowFormKind; publicUrl: string },
  work: DossierWork,
): Promise<WorkflowForm> {
  const { db } = options;
  const { dossier } = work;
  const body = await receivingBody(db, work.unit);
  const number = dossier.code.split('-').at(-1) ?? '…';
  const common = { body, number, dossierCode: dossier.code };
  const events = await listWorkEvents(db, dossier.id);
  switch (options.form) {
    case 'bm02': {
      const supplement = (await listSupplements(db, dossier.id)).at(-1);
      if (!supplement) {
        throw new AppError('INVALID_STATE', 'No supplement was requested for this dossier.');
      }
      const supplyUrl = `${options.publicUrl}/cong-dan/ho-so/${encodeURIComponent(dossier.code)}/bo-sung`;
      return {
        ...common,
        kind: 'bm02',
        name: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ',
        title: 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
        date: supplement.requested_at,
        blocks: [
          { kind: 'paragraph', text: `${body.name} tiếp nhận hồ sơ của:` },
          ...applicantBlocks(work),
          { kind: 'field', label: 'Thời gian tiếp nhận', value: formatFormTime(dossier.received_at) },
          {
            kind: 'paragraph',
            text: 'Yêu cầu bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:',
            bold: true,
          },
          { kind: 'list', items: supplement.items },
          { kind: 'field', label: 'Lý do', value: supplement.reason },
          {
            kind: 'paragraph',
            text: supplement.is_clock_stopped
              ? `Thời hạn giải quyết tạm dừng từ ${formatFormTime(supplement.requested_at)} đến khi nhận đủ hồ sơ bổ sung; ngày hẹn trả kết quả mới được tính lại và thông báo khi Ông/Bà bổ sung.`
              : 'Thời hạn giải quyết của thủ tục này không tạm dừng trong thời gian bổ sung hồ sơ.',
          },
          { kind: 'paragraph', text: `Ông/Bà có thể bổ sung trực tuyến tại: ${supplyUrl}` },
          {
            kind: 'paragraph',
            text: `Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ ${supplement.contact} để được hướng dẫn.`,
          },
        ],
        signatures: [{ title: 'NGƯỜI HƯỚNG DẪN', name: supplement.requested_by_name, note: body.sealName }],
      };
    }
    case 'bm03': {
      const wf = work.workflow;
      const reasons = wf.closure === 'refused' ? wf.closure_reasons : dossier.refusal_reasons;
      if (dossier.status !== 3 || !reasons) {
        throw new AppError('INVALID_STATE', 'This dossier was not refused.');
      }
      const refusal = events.findLast((e) => e.action === 'refuse');
      return {
        ...common,
        kind: 'bm03',
        name: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ',
        title: REFUSAL_TITLE,
        date: refusal?.at ?? dossier.received_at,
        blocks: [
          { kind: 'paragraph', text: `${body.name} tiếp nhận hồ sơ của:` },
          ...applicantBlocks(work),
          { kind: 'paragraph', text: refusalIntro(body.name) },
          { kind: 'list', items: reasons.split(/\r?\n/).filter((r) => r.trim()) },
          { kind: 'paragraph', text: REFUSAL_CLOSING },
        ],
        signatures: [
          { title: 'NGƯỜI TIẾP NHẬN HỒ SƠ', name: refusal?.actor_name ?? '', note: body.sealName },
        ],
      };
    }
    case 'bm04': {
      const wf = work.workflow;
      if (!wf.extended_at || wf.extension_days === null) {
        throw new AppError('INVALID_STATE', 'No extension was granted for this dossier.');
      }
      const head = events.findLast((e) => e.action === 'extend')?.actor_name ?? '';
      const before = wf.statutory_due_at ?? dossier.received_at;
      return {
        ...common,
        kind: 'bm04',
        name: 'Phiếu xin lỗi và đề nghị gia hạn thời gian giải quyết',
        title: 'PHIẾU XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT',
        date: wf.extended_at,
        blocks: [
          {
            kind: 'paragraph',
            text: `Ngày ${formatFormTime(dossier.received_at)}, ${body.name} tiếp nhận giải quyết hồ sơ của:`,
          },
          ...applicantBlocks(work),
          {
            kind: 'field',
            label: 'Thời gian hẹn trả kết quả giải quyết hồ sơ',
            value: formatFormTime(before),
          },
          {
            kind: 'paragraph',
            text: `Tuy nhiên đến nay, ${body.name} chưa thể trả kết quả giải quyết hồ sơ của Ông/Bà đúng hẹn.`,
          },
          { kind: 'field', label: 'Lý do', value: wf.extension_reason ?? '' },
          {
            kind: 'paragraph',
            text: `Sự chậm trễ này đã gây phiền hà, tốn kém chi phí, công sức của Ông/Bà. ${body.name} xin lỗi Ông/Bà và đề nghị gia hạn thời gian giải quyết thêm ${wf.extension_days} ngày làm việc; kết quả sẽ được trả cho Ông/Bà vào:`,
          },
          { kind: 'paragraph', text: formatFormTime(dossier.due_at ?? before), bold: true },
          { kind: 'paragraph', text: 'Mong nhận được sự thông cảm của Ông/Bà.' },
        ],
        signatures: [{ title: 'THỦ TRƯỞNG CƠ QUAN', name: head, note: body.sealName }],
      };
    }
    case 'bm05': {
      const handovers = await listHandovers(db, dossier.id);
      const unitIds = [...new Set(handovers.flatMap((h) => [h.from_unit_id, h.to_unit_id]))];
      const names = new Map<string, string>();
      for (const id of unitIds) {
        names.set(id, (await findUnitById(db, id))?.name ?? '');
      }
      const steps = work.procedure?.steps ?? [];
      return {
        ...common,
        kind: 'bm05',
        name: 'Phiếu kiểm soát quá trình giải quyết hồ sơ',
        title: 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
        date: handovers.at(-1)?.given_at ?? dossier.received_at,
        blocks: [
          { kind: 'field', label: 'Kèm theo hồ sơ của', value: dossier.applicant.fullName },
          { kind: 'field', label: 'Nội dung yêu cầu giải quyết', value: dossier.procedure_name },
          { kind: 'field', label: 'Thời gian nhận hồ sơ', value: formatControlTime(dossier.received_at) },
          {
            kind: 'field',
            label: 'Thời gian trả kết quả',
            value: dossier.due_at ? formatControlTime(dossier.due_at) : '—',
          },
          {
            kind: 'table',
            caption: 'Quá trình giao, nhận hồ sơ',
            headers: ['Tên cơ quan', 'Thời gian giao, nhận hồ sơ', 'Kết quả giải quyết hồ sơ', 'Ghi chú'],
            widths: [0.3, 0.32, 0.18, 0.2],
            rows: handovers.map((h) => [
              `${h.seq}. Giao: ${h.given_by_name} (${names.get(h.from_unit_id) ?? ''}; ${steps[h.from_step]?.name ?? `bước ${h.from_step + 1}`})\nNhận: ${h.received_by_name ?? '(chưa nhận)'} (${names.get(h.to_unit_id) ?? ''})`,
              `Giao: ${formatControlTime(h.given_at)}\nNhận: ${h.received_at ? formatControlTime(h.received_at) : '—'}`,
              TIMELINESS_VI[h.result],
              h.note ?? '',
            ]),
          },
        ],
        signatures: [],
      };
    }
    case 'referral': {
      const referral = work.workflow.referral;
      if (work.workflow.closure !== 'referred' || !referral) {
        throw new AppError('INVALID_STATE', 'This dossier was not referred to a higher level.');
      }
      const officer = events.findLast((e) => e.action === 'refer');
      return {
        ...common,
        kind: 'referral',
        name: 'Phiếu hướng dẫn',
        title: 'PHIẾU HƯỚNG DẪN HOÀN THIỆN, NỘP HỒ SƠ',
        date: officer?.at ?? dossier.received_at,
        blocks: [
          { kind: 'paragraph', text: `${body.name} hướng dẫn:` },
          ...applicantBlocks(work),
          {
            kind: 'paragraph',
            text: `Yêu cầu của Ông/Bà không thuộc thẩm quyền giải quyết của ${body.name}. Đề nghị Ông/Bà nộp hồ sơ tại:`,
          },
          { kind: 'field', label: 'Cơ quan có thẩm quyền', value: referral.authority },
          { kind: 'field', label: 'Địa chỉ', value: referral.address },
          { kind: 'paragraph', text: 'Hồ sơ cần chuẩn bị gồm:', bold: true },
          { kind: 'list', items: referral.documents },
          ...(referral.note ? [{ kind: 'field', label: 'Ghi chú', value: referral.note } as const] : []),
        ],
        signatures: [{ title: 'NGƯỜI HƯỚNG DẪN', name: officer?.actor_name ?? '', note: body.sealName }],
      };
    }
    case 'return':
      return returnRecord(db, work, common, events);
  }
}

/**
 * The record of the result's return at the counter (issue 7 §2 "signature on return recorded"): who received
 * it, the identity paper they showed, when, the officer, and the two signature lines, to print and sign.
 */
async function returnRecord(
  db: DbExecutor,
  work: DossierWork,
  common: Pick<WorkflowForm, 'body' | 'number' | 'dossierCode'>,
  events: readonly DossierWorkEvent[],
): Promise<WorkflowForm> {
  const { workflow, dossier } = work;
  if (!workflow.returned_at || !workflow.returned_to) {
    throw new AppError('INVALID_STATE', 'The result of this dossier has not been returned.');
  }
  const officer = events.findLast((e) => e.action === 'returnResult')?.actor_name ?? '';
  const numbered = await db
    .selectFrom('result_register')
    .select('notation')
    .where('dossier_id', '=', dossier.id)
    .orderBy('numbered_at', 'desc')
    .executeTakeFirst();
  return {
    ...common,
    kind: 'return',
    name: 'Biên bản trả kết quả giải quyết thủ tục hành chính',
    title: 'BIÊN BẢN TRẢ KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH',
    date: workflow.returned_at,
    blocks: [
      {
        kind: 'paragraph',
        text: `Vào lúc ${formatControlTime(workflow.returned_at)}, tại ${common.body.name}, kết quả giải quyết hồ sơ được trả như sau:`,
      },
      { kind: 'field', label: 'Người nộp hồ sơ', value: dossier.applicant.fullName },
      { kind: 'field', label: 'Thủ tục', value: dossier.procedure_name },
      {
        kind: 'field',
        label: 'Kết quả',
        value: `${work.procedure?.resultType || 'Kết quả giải quyết thủ tục hành chính'}${numbered ? `, số ${numbered.notation}` : ''}`,
      },
      { kind: 'field', label: 'Người nhận kết quả', value: workflow.returned_to },
      { kind: 'field', label: 'Số giấy tờ tùy thân', value: workflow.returned_to_identifier ?? '—' },
      { kind: 'field', label: 'Thời gian nhận', value: formatControlTime(workflow.returned_at) },
      { kind: 'field', label: 'Cán bộ trả kết quả', value: officer },
      {
        kind: 'paragraph',
        text: 'Người nhận đã nhận đủ kết quả nêu trên và ký xác nhận dưới đây.',
        italic: true,
      },
    ],
    signatures: [
      { title: 'NGƯỜI NHẬN KẾT QUẢ', name: workflow.returned_to, note: '(Ký, ghi rõ họ tên)' },
      { title: 'CÁN BỘ TRẢ KẾT QUẢ', name: officer, note: '(Ký, ghi rõ họ tên)' },
    ],
  };
}
