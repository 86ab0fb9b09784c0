/**
 * Changes made after a signature (ETSI EN 319 142-1 §5.4.1, ISO 32000-2 §12.8.2.2 DocMDP in spirit):
 * compares every object of the signed revision with its latest version. A later revision may only add
 * signatures (fields, widgets, their appearances), a DSS and document timestamps, and fill empty signature
 * fields; a change to the catalog's other entries, a page (content, resources, non-signature annotations)
 * or any other object of the signed revision is disallowed. poppler's pdfsig does not do this
 * (SIGNATURES.md), so xaso must.
 */
import type { PdfDocument } from './document.ts';
import { type FieldLock, fullFieldName, isFieldLocked } from './field-lock.ts';
import { isName, PdfDict, type PdfObject, PdfRef, PdfStream, PdfString, sameObject } from './objects.ts';

export interface ModificationReport {
  /** What later revisions changed, each allowed: "signature field Seal added", "DSS added". */
  allowed: string[];
  /** Disallowed changes; any makes the signature's verdict TOTAL_FAILED. */
  disallowed: string[];
}

/**
 * What later revisions may do, from the DocMDP permissions of a certification signature (ISO 32000-2
 * §12.8.2.2.2): P=1 nothing but DSS and document timestamps (EN 319 142-1 allows those for LTV); P=2 also
 * fill forms and sign; P=3 as P=2 (annotation changes are not accepted by xaso either). Without DocMDP,
 * signing is allowed and filling other fields is not: a government document does not change after signing.
 */
export interface ModificationPolicy {
  newSignatures: boolean;
  formFill: boolean;
  /** FieldMDP of the signature (ISO 32000-2 §12.8.2.4): these fields stay as signed, whatever else. */
  fieldLock?: FieldLock;
}

export const APPROVAL_POLICY: ModificationPolicy = { newSignatures: true, formFill: false };

export function docMdpPolicy(p: number): ModificationPolicy {
  return p <= 1 ? { newSignatures: false, formFill: false } : { newSignatures: true, formFill: true };
}

interface Context {
  signed: PdfDocument;
  latest: PdfDocument;
  report: ModificationReport;
  policy: ModificationPolicy;
}

const CATALOG_ALLOWED = new Set(['AcroForm', 'DSS', 'Extensions', 'Perms']);
const ACROFORM_ALLOWED = new Set(['Fields', 'SigFlags', 'DR', 'DA']);

export function findModifications(
  signed: PdfDocument,
  latest: PdfDocument,
  policy: ModificationPolicy = APPROVAL_POLICY,
): ModificationReport {
  const report: ModificationReport = { allowed: [], disallowed: [] };
  const ctx: Context = { signed, latest, report, policy };
  if (signed.bytes.length === latest.bytes.length) {
    return report;
  }
  const rootBefore = signed.trailer.get('Root');
  const rootAfter = latest.trailer.get('Root');
  if (!(rootBefore instanceof PdfRef) || !(rootAfter instanceof PdfRef) || rootBefore.num !== rootAfter.num) {
    report.disallowed.push('the document catalog was replaced (/Root changed)');
    return report;
  }
  const infoRef = signed.trailer.get('Info');
  const catalog = signed.catalog();
  const acroFormRef = catalog.get('AcroForm');
  const safe = (fn: () => void, what: string) => {
    try {
      fn();
    } catch {
      report.disallowed.push(`${what} could not be read in the later revision`);
    }
  };
  // A number free or unused in the signed revision and defined later could fill a dangling reference of a
  // signed object (a "shadow" change): new objects must take numbers above the signed revision's /Size.
  const signedSize = signed.size;
  for (const [num, entry] of latest.xref) {
    if (
      num > 0 &&
      num < signedSize &&
      entry.kind !== 'free' &&
      signed.entry(num)?.kind !== 'offset' &&
      signed.entry(num)?.kind !== 'compressed'
    ) {
      report.disallowed.push(`object ${num}, free when signed, was defined later`);
    }
  }
  for (const [num, entry] of signed.xref) {
    if (entry.kind === 'free') {
      continue;
    }
    const now = latest.entry(num);
    if (
      now &&
      ((now.kind === 'offset' && entry.kind === 'offset' && now.offset === entry.offset) ||
        (now.kind === 'compressed' &&
          entry.kind === 'compressed' &&
          now.stream === entry.stream &&
          sameEntry(signed, latest, entry.stream)))
    ) {
      continue; // the same signed bytes: unchanged, no need to parse
    }
    safe(() => {
      const before = signed.getObject(num);
      if (isContainer(before)) {
        return;
      }
      const after = latest.entry(num)?.kind === 'free' ? undefined : latest.getObject(num);
      if (sameObject(before, after)) {
        return;
      }
      if (after === undefined) {
        report.disallowed.push(`object ${num} was deleted`);
        return;
      }
      if (num === rootBefore.num) {
        checkDict(before, after, CATALOG_ALLOWED, 'document catalog', report);
        checkDirectAcroForm(ctx, before, after);
        return;
      }
      if (infoRef instanceof PdfRef && num === infoRef.num) {
        report.allowed.push('document information (metadata) updated');
        return;
      }
      if (acroFormRef instanceof PdfRef && num === acroFormRef.num) {
        checkDict(before, after, ACROFORM_ALLOWED, 'AcroForm', report);
        checkArrayGrowth(ctx, asDict(before)?.get('Fields'), asDict(after)?.get('Fields'), 'form fields');
        return;
      }
      describeChange(ctx, num, before, after);
    }, `object ${num}`);
  }
  return report;
}

function sameEntry(signed: PdfDocument, latest: PdfDocument, num: number): boolean {
  const a = signed.entry(num);
  const b = latest.entry(num);
  return a?.kind === 'offset' && b?.kind === 'offset' && a.offset === b.offset;
}

function isFormField(doc: PdfDocument, d: PdfDict): boolean {
  if (d.has('FT')) {
    return true;
  }
  const parent = doc.getDict(d.get('Parent'));
  return parent?.has('FT') === true;
}

function isContainer(value: PdfObject | undefined): boolean {
  const d = value instanceof PdfStream ? value.dict : undefined;
  return d !== undefined && (isName(d.get('Type'), 'XRef') || isName(d.get('Type'), 'ObjStm'));
}

function asDict(value: PdfObject | undefined): PdfDict | undefined {
  return value instanceof PdfDict ? value : value instanceof PdfStream ? value.dict : undefined;
}

function checkDict(
  before: PdfObject | undefined,
  after: PdfObject | undefined,
  allowedKeys: ReadonlySet<string>,
  what: string,
  report: ModificationReport,
): void {
  const a = asDict(before);
  const b = asDict(after);
  if (!a || !b || before instanceof PdfStream || after instanceof PdfStream) {
    report.disallowed.push(`${what} changed`);
    return;
  }
  const keys = new Set([...a.map.keys(), ...b.map.keys()]);
  for (const key of keys) {
    if (sameObject(a.get(key), b.get(key))) {
      continue;
    }
    if (allowedKeys.has(key)) {
      report.allowed.push(`${what} /${key} updated`);
    } else {
      report.disallowed.push(`${what} /${key} changed`);
    }
  }
}

function checkDirectAcroForm(
  ctx: Context,
  before: PdfObject | undefined,
  after: PdfObject | undefined,
): void {
  const { report } = ctx;
  const formBefore = asDict(before)?.get('AcroForm');
  const formAfter = asDict(after)?.get('AcroForm');
  if (formBefore instanceof PdfDict && formAfter instanceof PdfDict) {
    checkDict(formBefore, formAfter, ACROFORM_ALLOWED, 'AcroForm', report);
    checkArrayGrowth(ctx, formBefore.get('Fields'), formAfter.get('Fields'), 'form fields');
  }
}

/** An array may only grow: every earlier item kept, new items being signature fields. */
function checkArrayGrowth(
  ctx: Context,
  before: PdfObject | undefined,
  after: PdfObject | undefined,
  what: string,
): void {
  const { signed, latest, report } = ctx;
  const a = signed.resolve(before);
  const b = latest.resolve(after);
  const itemsBefore = Array.isArray(a) ? a : [];
  const itemsAfter = Array.isArray(b) ? b : [];
  for (const item of itemsBefore) {
    if (!itemsAfter.some((x) => sameObject(x, item))) {
      report.disallowed.push(`${what}: an entry was removed`);
    }
  }
  for (const item of itemsAfter) {
    if (itemsBefore.some((x) => sameObject(x, item))) {
      continue;
    }
    const found = signatureWidgetLabel(latest, item);
    if (found && (ctx.policy.newSignatures || found.isDocumentTimestamp)) {
      report.allowed.push(`${found.label} added`);
    } else if (found) {
      report.disallowed.push(`${found.label} added, but the certification (DocMDP P=1) allows no signature`);
    } else {
      report.disallowed.push(`${what}: a non-signature entry was added`);
    }
  }
}

/** "signature field NAME" when `value` is a signature field or widget, else undefined. */
function signatureWidgetLabel(
  doc: PdfDocument,
  value: PdfObject | undefined,
): { label: string; isDocumentTimestamp: boolean } | undefined {
  const d = doc.getDict(value);
  if (!d) {
    return undefined;
  }
  const parent = doc.getDict(d.get('Parent'));
  const isSig = isName(d.get('FT'), 'Sig') || (parent !== undefined && isName(parent.get('FT'), 'Sig'));
  if (!isSig) {
    return undefined;
  }
  const t = d.get('T') ?? parent?.get('T');
  const label = t instanceof PdfString ? t.toText() : '?';
  const v = doc.getDict(d.get('V') ?? parent?.get('V'));
  return { label: `signature field ${label}`, isDocumentTimestamp: isName(v?.get('Type'), 'DocTimeStamp') };
}

function describeChange(
  ctx: Context,
  num: number,
  before: PdfObject | undefined,
  after: PdfObject | undefined,
): void {
  const { signed, report } = ctx;
  const a = asDict(before);
  const b = asDict(after);
  // A page: only /Annots may change, by adding signature widgets.
  if (a && b && !(before instanceof PdfStream) && isName(a.get('Type'), 'Page')) {
    const keys = new Set([...a.map.keys(), ...b.map.keys()]);
    for (const key of keys) {
      if (sameObject(a.get(key), b.get(key))) {
        continue;
      }
      if (key === 'Annots') {
        checkArrayGrowth(ctx, a.get('Annots'), b.get('Annots'), `page object ${num} annotations`);
      } else {
        report.disallowed.push(`page object ${num}: /${key} changed`);
      }
    }
    return;
  }
  // An indirect /Annots or /Fields array: may only grow by signature widgets.
  if (Array.isArray(before) && Array.isArray(after)) {
    checkArrayGrowth(ctx, before, after, `array object ${num}`);
    return;
  }
  // An empty signature field being signed: /V (and its appearance) may be set.
  if (a && b && !(before instanceof PdfStream) && isName(a.get('FT'), 'Sig') && !a.has('V')) {
    const keys = new Set([...a.map.keys(), ...b.map.keys()]);
    const changed = [...keys].filter((k) => !sameObject(a.get(k), b.get(k)));
    if (changed.every((k) => k === 'V' || k === 'AP' || k === 'F') && ctx.policy.newSignatures) {
      const lock = ctx.policy.fieldLock;
      const fieldName = fullFieldName(signed, a);
      if (lock && isFieldLocked(lock, fieldName)) {
        report.disallowed.push(`signature field ${fieldName} signed, but the signature locks it (FieldMDP)`);
      } else {
        report.allowed.push(`empty signature field object ${num} signed`);
      }
      return;
    }
  }
  // A form fill (§12.7.4): a field's value and its widgets' appearance state, when DocMDP allows it.
  if (a && b && !(before instanceof PdfStream) && isFormField(signed, a) && !isName(a.get('FT'), 'Sig')) {
    const keys = new Set([...a.map.keys(), ...b.map.keys()]);
    const changed = [...keys].filter((k) => !sameObject(a.get(k), b.get(k)));
    if (changed.every((k) => k === 'V' || k === 'AP' || k === 'AS')) {
      const lock = ctx.policy.fieldLock;
      const fieldName = fullFieldName(signed, a);
      if (lock && isFieldLocked(lock, fieldName)) {
        report.disallowed.push(`form field ${fieldName} filled, but the signature locks it (FieldMDP)`);
      } else if (ctx.policy.formFill) {
        report.allowed.push(`form field ${fieldName} (object ${num}) filled`);
      } else {
        report.disallowed.push(`form field object ${num} filled after signing (no DocMDP permission)`);
      }
      return;
    }
  }
  const type = a?.get('Type');
  report.disallowed.push(`object ${num}${isName(type) ? ` (/${type.value})` : ''} changed`);
}
