/**
 * FieldMDP (ISO 32000-2 §12.8.2.4, Table 259) and the signature field lock dictionary (§12.7.5.5,
 * Table 236): the form fields whose values may no longer change once a signature is made. /Action /All
 * locks every field, /Include the fields named in /Fields, /Exclude every field but those. Names are fully
 * qualified (§12.7.4.2: partial names joined by periods); a name also locks the fields below it.
 */
import type { PdfDocument } from './document.ts';
import { dict, isName, name, type PdfDict, type PdfObject, type PdfRef, PdfString } from './objects.ts';

export type FieldLock =
  | { readonly action: 'All' }
  | { readonly action: 'Include' | 'Exclude'; readonly fields: readonly string[] };

/** A well-formed lock from outside (JavaScript callers are not type-checked). */
export function isFieldLock(value: unknown): value is FieldLock {
  const lock = value as { action?: unknown; fields?: unknown } | undefined;
  return (
    lock?.action === 'All' ||
    ((lock?.action === 'Include' || lock?.action === 'Exclude') &&
      Array.isArray(lock.fields) &&
      lock.fields.every((f) => typeof f === 'string' && f.length > 0))
  );
}

export function isFieldLocked(lock: FieldLock, fullName: string): boolean {
  if (lock.action === 'All') {
    return true;
  }
  const named = lock.fields.some((f) => fullName === f || fullName.startsWith(`${f}.`));
  return lock.action === 'Include' ? named : !named;
}

/** The /TransformParams of a FieldMDP reference, or the entries of a /Lock dictionary (same keys). */
export function fieldLockEntries(lock: FieldLock, type: 'TransformParams' | 'SigFieldLock'): PdfDict {
  return dict({
    Type: name(type),
    Action: name(lock.action),
    Fields: lock.action === 'All' ? undefined : lock.fields.map((f) => PdfString.text(f)),
    V: type === 'TransformParams' ? name('1.2') : undefined,
  });
}

function parseLock(doc: PdfDocument, value: PdfObject | undefined): FieldLock | undefined {
  const d = doc.getDict(value);
  const action = d?.get('Action');
  if (!d || !isName(action)) {
    return undefined;
  }
  if (action.value === 'All') {
    return { action: 'All' };
  }
  if (action.value !== 'Include' && action.value !== 'Exclude') {
    return { action: 'All' }; // an unknown action: lock everything rather than nothing
  }
  const fields = doc.resolve(d.get('Fields'));
  const names = (Array.isArray(fields) ? fields : [])
    .map((f) => doc.resolve(f))
    .filter((f): f is PdfString => f instanceof PdfString)
    .map((f) => f.toText());
  return { action: action.value, fields: names };
}

/**
 * The lock a signature imposes: the FieldMDP entry of its signature dictionary's /Reference (what the
 * signer signed), else the /Lock of its field (§12.7.5.5: what a conforming writer should have recorded).
 */
export function readFieldLock(
  doc: PdfDocument,
  signature: PdfDict,
  field: PdfRef | undefined,
): FieldLock | undefined {
  const references = doc.resolve(signature.get('Reference'));
  for (const reference of Array.isArray(references) ? references : []) {
    const r = doc.getDict(reference);
    if (r && isName(r.get('TransformMethod'), 'FieldMDP')) {
      return parseLock(doc, r.get('TransformParams')) ?? { action: 'All' };
    }
  }
  const fieldDict = field ? doc.getDict(field) : undefined;
  const lock = fieldDict?.get('Lock') ?? doc.getDict(fieldDict?.get('Parent'))?.get('Lock');
  return lock === undefined ? undefined : parseLock(doc, lock);
}

/** §12.7.4.2: the partial names (/T) from the root field down, joined by periods. */
export function fullFieldName(doc: PdfDocument, field: PdfDict): string {
  const parts: string[] = [];
  let current: PdfDict | undefined = field;
  for (let depth = 0; current && depth < 32; depth++) {
    const t = current.get('T');
    if (t instanceof PdfString) {
      parts.unshift(t.toText());
    }
    current = doc.getDict(current.get('Parent'));
  }
  return parts.join('.');
}
