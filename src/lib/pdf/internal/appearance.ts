/**
 * The widget's normal appearance (ISO 32000-2 §12.5.5): a form XObject of its own, so page content
 * streams are never touched.
 */
import type { DocumentEdit } from './edit.ts';
import { dict, name, type PdfRef, PdfStream } from './objects.ts';

export interface SignatureAppearance {
  signerName?: string;
  title?: string;
  unit?: string;
}

export interface AppearanceInput {
  width: number;
  height: number;
  content: SignatureAppearance | undefined;
  signingTime: Date;
}

export function buildAppearance(edit: DocumentEdit, input: AppearanceInput): PdfRef {
  const data = new Uint8Array(0);
  return edit.add(
    new PdfStream(
      dict({
        Type: name('XObject'),
        Subtype: name('Form'),
        BBox: [0, 0, input.width, input.height],
        Resources: dict({}),
      }),
      data,
    ),
  );
}
