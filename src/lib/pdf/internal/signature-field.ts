/**
 * Adds a signature field merged with its widget annotation (ISO 32000-2 §12.7.5.5, §12.5.6.19) to the
 * AcroForm and to a page's /Annots. The page gets a new revision of its dictionary (or of its /Annots
 * array); its content streams are never touched, as PAdES requires for later signatures.
 */
import { PdfError } from '../errors.ts';
import type { DocumentEdit } from './edit.ts';
import { dict, isName, name, PdfDict, type PdfObject, PdfRef, PdfString } from './objects.ts';
import { findPage } from './pages.ts';

export interface FieldPlacement {
  fieldName: string;
  /** 0-based page index. */
  pageIndex: number;
  /** [llx, lly, urx, ury] in default user space; [0 0 0 0] for an invisible signature. */
  rect: [number, number, number, number];
  /** Absent for an empty field prepared for a later signer. */
  appearance?: PdfRef;
  value?: PdfRef;
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
  const widget = edit.add(
    dict({
      Type: name('Annot'),
      Subtype: name('Widget'),
      FT: name('Sig'),
      T: PdfString.text(placement.fieldName),
      V: placement.value,
      // §12.5.3 annotation flags: Print (4) + Locked (128); an invisible signature has Rect [0 0 0 0].
      F: 132,
      Rect: placement.rect,
      P: page.ref,
      AP: placement.appearance ? dict({ N: placement.appearance }) : undefined,
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
  const current = edit.current(rootRef);
  const catalog = current instanceof PdfDict ? current : edit.doc.catalog();
  const acroForm = catalog.get('AcroForm');
  let form: PdfDict;
  if (acroForm instanceof PdfRef) {
    form = edit.editDict(acroForm);
  } else {
    const root = edit.editDict(rootRef);
    form = acroForm instanceof PdfDict ? acroForm.clone() : new PdfDict();
    root.set('AcroForm', form); // direct AcroForm: it lives in the (edited) catalog
  }
  edit.appendToArray(form, 'Fields', field);
  // §12.7.3 SigFlags: SignaturesExist (1) + AppendOnly (2).
  form.set('SigFlags', 3);
}

export interface EmptyField {
  field: PdfRef;
  widget: PdfRef;
  rect: [number, number, number, number];
}

/**
 * An existing, unsigned signature field named `fieldName` (top-level, §12.7.5.5), prepared before the first
 * signature as SIGNATURES.md advises; signing it only sets /V and the widget's appearance.
 */
export function findEmptySignatureField(
  edit: DocumentEdit,
  fieldName: string | undefined,
): EmptyField | undefined {
  if (fieldName === undefined) {
    return undefined;
  }
  const doc = edit.doc;
  const acroForm = doc.getDict(doc.catalog().get('AcroForm'));
  const fields = acroForm ? doc.resolve(acroForm.get('Fields')) : undefined;
  if (!Array.isArray(fields)) {
    return undefined;
  }
  for (const ref of fields) {
    const field = doc.getDict(ref);
    const t = field?.get('T');
    if (!(ref instanceof PdfRef) || !field || !(t instanceof PdfString) || t.toText() !== fieldName) {
      continue;
    }
    if (!isName(field.get('FT'), 'Sig') || field.has('V')) {
      throw new PdfError('INVALID_ARGUMENT', `the field '${fieldName}' is not an empty signature field`);
    }
    const kids = doc.resolve(field.get('Kids'));
    const widget = Array.isArray(kids) && kids[0] instanceof PdfRef ? kids[0] : ref;
    const rectValue = doc.resolve(doc.getDict(widget)?.get('Rect'));
    const numbers = Array.isArray(rectValue) ? rectValue.map((v) => doc.resolve(v)) : [];
    const rect: [number, number, number, number] =
      numbers.length === 4 && numbers.every((v) => typeof v === 'number')
        ? [
            Math.min(numbers[0] as number, numbers[2] as number),
            Math.min(numbers[1] as number, numbers[3] as number),
            Math.max(numbers[0] as number, numbers[2] as number),
            Math.max(numbers[1] as number, numbers[3] as number),
          ]
        : [0, 0, 0, 0];
    return { field: ref, widget, rect };
  }
  return undefined;
}

export function fillSignatureField(
  edit: DocumentEdit,
  empty: EmptyField,
  value: PdfRef,
  appearance: PdfRef,
): void {
  edit.editDict(empty.field).set('V', value);
  edit.editDict(empty.widget).set('AP', dict({ N: appearance }));
  const acroForm = edit.doc.catalog().get('AcroForm');
  const form = acroForm instanceof PdfRef ? edit.editDict(acroForm) : undefined;
  if (form) {
    form.set('SigFlags', 3);
  } else {
    const root = edit.editDict(edit.rootRef());
    const direct = root.get('AcroForm');
    if (direct instanceof PdfDict) {
      root.set('AcroForm', direct.clone().set('SigFlags', 3));
    }
  }
}
