// The one-stop-shop forms of processing (shared/DOMAIN.md "Forms"): BM.02 supplement request, BM.03
// refusal (with the reasons given during processing), BM.04
// apology and extension, BM.05 control sheet, the referral guidance slip (issue 7 §4) and the record of the
// result's return at the counter (issue 7 §2), as one neutral
// model that a PDF typesetter and an HTML page both render, so both print the same words.
import type { ReceivingBody } from '../receipts/receipt.types.ts';

export const WORKFLOW_FORMS = ['bm02', 'bm03', 'bm04', 'bm05', 'referral', 'return'] as const;
export type WorkflowFormKind = (typeof WORKFLOW_FORMS)[number];

export function isWorkflowFormKind(value: unknown): value is WorkflowFormKind {
  return typeof value === 'string' && (WORKFLOW_FORMS as readonly string[]).includes(value);
}

export type FormBlock =
  | { readonly kind: 'paragraph'; readonly text: string; readonly bold?: boolean; readonly italic?: boolean }
  | { readonly kind: 'field'; readonly label: string; readonly value: string }
  | { readonly kind: 'list'; readonly items: readonly string[] }
  | {
      readonly kind: 'table';
      readonly caption: string;
      readonly headers: readonly string[];
      readonly rows: readonly (readonly string[])[];
      readonly widths: readonly number[];
    };

export interface WorkflowForm {
  readonly kind: WorkflowFormKind;
  /** The form's title as printed (bold capitals). */
  readonly title: string;
  /** The title in the PDF metadata and the page title. */
  readonly name: string;
  readonly body: ReceivingBody;
  readonly number: string;
  readonly date: Date;
  readonly dossierCode: string;
  readonly blocks: readonly FormBlock[];
  readonly signatures: readonly { readonly title: string; readonly name: string; readonly note?: string }[];
}
