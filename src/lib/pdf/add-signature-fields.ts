/**
 * Adds empty signature fields in one incremental update (ISO 32000-2 §12.7.5.5), so every later signature
 * only fills its own field: SIGNATURES.md advises creating all signature fields before (or with) the first
 * signature, since Acrobat flags later page-level changes. E.g. "Leader" and "Seal" on the last page.
 */
import { PdfError } from './errors.ts';
import { PdfDocument } from './internal/document.ts';
import { DocumentEdit } from './internal/edit.ts';
import { addSignatureField, uniqueFieldName } from './internal/signature-field.ts';

export interface SignatureFieldSpec {
  name: string;
  /** 1-based page number. */
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export function addPdfSignatureFields(pdf: Uint8Array, fields: readonly SignatureFieldSpec[]): Uint8Array {
  if (fields.length === 0) {
    throw new PdfError('INVALID_ARGUMENT', 'no signature field to add');
  }
  const edit = new DocumentEdit(PdfDocument.open(pdf));
  const names = new Set<string>();
  for (const f of fields) {
    if (
      ![f.page, f.x, f.y, f.width, f.height].every(Number.isFinite) ||
      f.width <= 0 ||
      f.height <= 0 ||
      f.page < 1
    ) {
      throw new PdfError(
        'INVALID_ARGUMENT',
        `field '${f.name}': page is 1-based and the rectangle has a positive size`,
      );
    }
    if (names.has(f.name)) {
      throw new PdfError('INVALID_ARGUMENT', `field '${f.name}' is given twice`);
    }
    names.add(f.name);
    addSignatureField(edit, {
      fieldName: uniqueFieldName(edit, f.name),
      pageIndex: f.page - 1,
      rect: [f.x, f.y, f.x + f.width, f.y + f.height],
    });
  }
  return edit.write().bytes;
}
