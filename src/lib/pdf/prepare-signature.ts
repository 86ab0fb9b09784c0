/**
 * First pass of PAdES signing (ETSI EN 319 142-1 §5.3, ISO 32000-2 §12.8): appends an incremental update
 * with the signature field, its widget and appearance, and a signature dictionary whose /Contents is a
 * placeholder; patches /ByteRange; returns the SHA-256 of the signed bytes. Everything that feeds that
 * digest (/M, field name, placeholder size) is frozen in the returned bytes until `embedPdfSignature`.
 */
import { PdfError } from './errors.ts';
import { buildAppearance, type SignatureAppearance } from './internal/appearance.ts';
import { pdfDate } from './internal/dates.ts';
import { PdfDocument } from './internal/document.ts';
import { DocumentEdit } from './internal/edit.ts';
import { type FieldLock, fieldLockEntries, isFieldLock } from './internal/field-lock.ts';
import { dict, name, PdfString } from './internal/objects.ts';
import { assembleSigned, type ByteRange, signatureDictionaryBody } from './internal/placeholder.ts';
import {
  addSignatureField,
  fillSignatureField,
  findEmptySignatureField,
  uniqueFieldName,
} from './internal/signature-field.ts';
import { listSignatures } from './internal/signatures.ts';

export interface VisibleSignatureOptions {
  /** 1-based page number. */
  page: number;
  /** Lower-left corner and size in points (1/72 in), in the page's default user space. */
  x: number;
  y: number;
  width: number;
  height: number;
  appearance?: SignatureAppearance;
}

export interface PreparePdfSignatureOptions {
  /** Bytes reserved for the DER CMS (the hex placeholder is twice this). */
  contentsSize: number;
  /** Goes into /M (ETSI EN 319 142-1 §5.4: the claimed signing time is /M, never a CMS attribute). */
  signingTime?: Date;
  /** A new field's name, or the name of an existing empty signature field to sign (it keeps its place). */
  fieldName?: string;
  reason?: string;
  location?: string;
  contactInfo?: string;
  /** /Name: the signer's name as text (informative; validators read the certificate). */
  signerName?: string;
  /** A visible widget; without it the signature is invisible (a hidden widget on page 1). */
  visible?: VisibleSignatureOptions;
  /**
   * Makes a certification signature with DocMDP permissions P (ISO 32000-2 §12.8.2.2): 1 no change,
   * 2 form fill and signing, 3 also annotations. Only the first signature of a document may certify.
   */
  certify?: 1 | 2 | 3;
  /**
   * FieldMDP (ISO 32000-2 §12.8.2.4): form fields that must keep their signed values ('All', or the fully
   * qualified names to include or exclude). Written as a FieldMDP reference in the signature dictionary
   * and, on a new field, as its /Lock (§12.7.5.5).
   */
  lock?: FieldLock;
  /** 'ETSI.RFC3161' makes a document timestamp (/Type /DocTimeStamp, EN 319 142-1 §5.4.3). */
  subFilter?: 'ETSI.CAdES.detached' | 'ETSI.RFC3161';
}

export interface PreparedPdfSignature {
  /** The whole file with the placeholder; `embedPdfSignature` fills /Contents in place. */
  readonly bytes: Uint8Array;
  readonly byteRange: ByteRange;
  /** SHA-256 of the bytes covered by /ByteRange: the CAdES messageDigest. */
  readonly digest: Uint8Array;
  readonly contentsSize: number;
  readonly fieldName: string;
  readonly signingTime: Date;
}

const MAX_CONTENTS = 1024 * 1024;

export async function preparePdfSignature(
  pdf: Uint8Array,
  options: PreparePdfSignatureOptions,
): Promise<PreparedPdfSignature> {
  if (
    !Number.isInteger(options.contentsSize) ||
    options.contentsSize < 64 ||
    options.contentsSize > MAX_CONTENTS
  ) {
    throw new PdfError('INVALID_ARGUMENT', 'contentsSize must be an integer between 64 and 1 MiB');
  }
  const isTimestamp = options.subFilter === 'ETSI.RFC3161';
  const doc = PdfDocument.open(pdf);
  const edit = new DocumentEdit(doc);
  const empty = findEmptySignatureField(edit, options.fieldName);
  const fieldName = empty ? options.fieldName! : uniqueFieldName(edit, options.fieldName);
  const signingTime = new Date(Math.floor((options.signingTime ?? new Date()).getTime() / 1000) * 1000);

  const entries = dict({
    Type: name(isTimestamp ? 'DocTimeStamp' : 'Sig'),
    Filter: name('Adobe.PPKLite'),
    SubFilter: name(isTimestamp ? 'ETSI.RFC3161' : 'ETSI.CAdES.detached'),
    M: isTimestamp ? undefined : PdfString.text(pdfDate(signingTime)),
    Name: options.signerName === undefined ? undefined : PdfString.text(options.signerName),
    Reason: options.reason === undefined ? undefined : PdfString.text(options.reason),
    Location: options.location === undefined ? undefined : PdfString.text(options.location),
    ContactInfo: options.contactInfo === undefined ? undefined : PdfString.text(options.contactInfo),
  });
  if (options.certify !== undefined) {
    if (![1, 2, 3].includes(options.certify) || isTimestamp) {
      throw new PdfError('INVALID_ARGUMENT', 'certify takes DocMDP permissions 1, 2 or 3 on a signature');
    }
    if (listSignatures(doc).length > 0 || doc.catalog().has('Perms')) {
      throw new PdfError('INVALID_ARGUMENT', 'only the first signature of a document may certify it');
    }
    entries.set('Reference', [
      dict({
        Type: name('SigRef'),
        TransformMethod: name('DocMDP'),
        TransformParams: dict({ Type: name('TransformParams'), P: options.certify, V: name('1.2') }),
      }),
    ]);
  }
  if (options.lock !== undefined) {
    if (isTimestamp || !isFieldLock(options.lock)) {
      throw new PdfError(
        'INVALID_ARGUMENT',
        'lock takes { action: "All" } or Include/Exclude with field names',
      );
    }
    const references = entries.get('Reference');
    entries.set('Reference', [
      ...(Array.isArray(references) ? references : []),
      dict({
        Type: name('SigRef'),
        TransformMethod: name('FieldMDP'),
        TransformParams: fieldLockEntries(options.lock, 'TransformParams'),
        Data: edit.rootRef(), // ISO 32000-1 Table 253: required for FieldMDP
      }),
    ]);
  }
  const layout = signatureDictionaryBody(entries, options.contentsSize);
  const valueRef = edit.add(layout.body);
  if (options.certify !== undefined) {
    edit.editDict(edit.rootRef()).set('Perms', dict({ DocMDP: valueRef }));
  }

  const visible = options.visible;
  let rect: [number, number, number, number] = [0, 0, 0, 0];
  let pageIndex = 0;
  if (visible) {
    for (const v of [visible.x, visible.y, visible.width, visible.height, visible.page]) {
      if (!Number.isFinite(v)) {
        throw new PdfError('INVALID_ARGUMENT', 'the visible rectangle needs finite numbers');
      }
    }
    if (visible.width <= 0 || visible.height <= 0 || !Number.isInteger(visible.page) || visible.page < 1) {
      throw new PdfError('INVALID_ARGUMENT', 'page is 1-based and the rectangle has a positive size');
    }
    pageIndex = visible.page - 1;
    rect = [visible.x, visible.y, visible.x + visible.width, visible.y + visible.height];
  }
  if (empty) {
    rect = empty.rect; // an existing field keeps its place on its page
  }
  const appearance = await buildAppearance(edit, {
    width: rect[2] - rect[0],
    height: rect[3] - rect[1],
    content: visible?.appearance,
    signingTime,
  });
  if (empty) {
    fillSignatureField(edit, empty, valueRef, appearance);
  } else {
    const field = addSignatureField(edit, { fieldName, pageIndex, rect, appearance, value: valueRef });
    if (options.lock !== undefined) {
      edit.editDict(field).set('Lock', fieldLockEntries(options.lock, 'SigFieldLock'));
    }
  }

  const { tail, bodyOffsets } = edit.writeTail();
  const bodyAt = bodyOffsets.get(valueRef.num)!;
  const { bytes, byteRange, digest } = assembleSigned(
    pdf,
    tail,
    bodyAt + layout.byteRangeAt,
    bodyAt + layout.contentsAt,
    bodyAt + layout.contentsEnd,
  );
  return {
    bytes,
    byteRange,
    digest,
    contentsSize: options.contentsSize,
    fieldName,
    signingTime,
  };
}
