// A result template's preview as PDF (issue 7 §2): typeset exactly as a result, with sample data in the
// placeholders, for the administrator editing it. Nothing is stored.
import { renderResult } from './generate-result.ts';
import { checkTemplateEdit, type TemplateEditOptions } from './save-result-template.ts';

/** @throws AppError NOT_FOUND, FORBIDDEN, VALIDATION_FAILED (as saveResultTemplate) */
export async function previewResultTemplate(options: TemplateEditOptions): Promise<Uint8Array> {
  const at = options.now ?? new Date();
  const { unit, procedure, title, body } = await checkTemplateEdit({ ...options, at });
  return renderResult(
    {
      decidingBody: unit,
      code: 'MAU-000000-0000',
      resultType: procedure.resultType,
      values: (receiving) => ({
        ho_ten: 'Nguyễn Văn Mẫu',
        so_dinh_danh: '001090000000',
        dia_chi: 'Thôn Mẫu, xã Mẫu',
        ma_ho_so: 'MAU-000000-0000',
        thu_tuc: procedure.name,
        ngay_tiep_nhan: '08:00 05/01/2026',
        co_quan: receiving.name,
      }),
    },
    { title, body, db: options.db, at },
  );
}
