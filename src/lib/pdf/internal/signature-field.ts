/**
 * Adds a signature field merged with its widget annotation (ISO 32000-2 §12.7.5.5, §12.5.6.19) to the
 * AcroForm and to a page's /Annots. The page gets a new revision of its dictionary (or of its /Annots
 * array); its content streams are never touched, as PAdES requires for later signatures.
 */
import { PdfError } from '../errors.ts';
import type { DocumentEdit } from './edit.ts';
import { dict, name, PdfDict, type PdfObject, PdfRef, PdfString } from './objects.ts';
import { findPage } from './pages.ts';

export interface FieldPlacement {
  fieldName: string;
  /** 0-based page index. */
  pageIndex: number;
  /** [llx, lly, urx, ury] in default user space; [0 0 0 0] for an invisible signature. */
  rect: [number, number, number, number];
  appearance: PdfRef;
  value: PdfRef;
}

/** Fully qualified names of the existing terminal fields (§12.7.4.2), to pick an unused one. */
export function existingFieldNames(edit: DocumentEdit): Set<string> {
  const doc = edit.doc;
  const names = new Set<string>();
  const seen = new Set<PdfObject>();
  const acroForm = doc.getDict(doc.catalog().get('AcroForm'));
  const fields = acroForm ? doc.resolve(acroForm.get('Fields')) : undefined;
  const visit = (value: PdfObject | undefined, prefix: string, depth: number) => {
    const field = doc.getDict(value);
    if (!field || depth > 32 || seen.has(field)) {
      return;
    }
    seen.add(field);
    const t = field.get('T');
    const full = t instanceof PdfString ? (prefix ? `${prefix}.${t.toText()}` : t.toText()) : prefix;
    names.add(full);
    const kids = doc.resolve(field.get('Kids'));
    if (Array.isArray(kids)) {
      for (const kid of kids) {
        visit(kid, full, depth + 1);
      }
    }
  };
  if (Array.isArray(fields)) {
    for (const f of fields) {
      visit(f, '', 0);
    }
  }
  return names;
}

export function uniqueFieldName(edit: DocumentEdit, wanted: string | undefined, base = 'Signature'): string {
  const names = existingFieldNames(edit);
  if (wanted !== undefined) {
    if (!/^[^.]{1,100}$/.test(wanted)) {
      throw new PdfError('INVALID_ARGUMENT', 'a field name has 1–100 characters and no period');
    }
    if (names.has(wanted)) {
      throw new PdfError('INVALID_ARGUMENT', `a field named '${wanted}' already exists`);
    }
    return wanted;
  }
  for (let i = 1; ; i++) {
    if (!names.has(`${base}${i}`)) {
      return `${base}${i}`;
    }
  }
}

export function addSignatureField(edit: DocumentEdit, placement: FieldPlacement): PdfRef {
  const page = findPage(edit.doc, placement.pageIndex);
  const isHidden = placement.rect.every((v) => v === 0);
  const widget = edit.add(
    dict({
      Type: name('Annot'),
      Subtype: name('Widget'),
      FT: name('Sig'),
      T: PdfString.text(placement.fieldName),
      V: placement.value,
      // §12.5.3 annotation flags: Print (4) + Locked (128); Hidden (2) too when invisible.
      F: isHidden ? 134 : 132,
      Rect: placement.rect,
      P: page.ref,
      AP: dict({ N: placement.appearance }),
    }),
  );
  if (page.dict.get('Annots') instanceof PdfRef) {
    // an indirect /Annots array: only the array object gets a new revision
    edit.appendToArray(page.dict, 'Annots', widget);
  } else {
    edit.appendToArray(edit.editDict(page.ref), 'Annots', widget);
  }
  addToAcroForm(edit, widget);
  return widget;
}

function addToAcroForm(edit: DocumentEdit, field: PdfRef): void {
  const rootRef = edit.rootRef();
  const catalog = edit.doc.catalog();
  const acroForm = catalog.get('AcroForm');
  let form: PdfDict;
  if (acroForm instanceof PdfRef) {
    form = edit.editDict(acroForm);
  } else {
    const root = edit.editDict(rootRef);
    form = acroForm instanceof PdfDict ? acroForm.clone() : new PdfDict();
    root.set('AcroForm', form);
  }
  edit.appendToArray(form, 'Fields', field);
  // §12.7.3 SigFlags: SignaturesExist (1) + AppendOnly (2).
  form.set('SigFlags', 3);
}
