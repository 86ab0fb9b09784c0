import { foldVietnamese } from './fold-vietnamese.ts';
import type { ProcedureContent } from './procedure.types.ts';

/** What search matches against: code, Vietnamese and English names, field; folded. */
export function searchTextOf(
  code: string,
  content: Pick<ProcedureContent, 'name' | 'nameEn' | 'field'>,
): string {
  return foldVietnamese([code, content.name, content.nameEn, content.field].join(' | '));
}
