// The forms of the workflow actions (issue 7 §1), plain HTML that works without JavaScript: on the
// dossier page each sits in a <details> (ids prefixed by the action, so they stay unique); after a
// validation error one form is shown alone with its error summary.
import { defaultResultTemplate } from '../../modules/workflow/generate-result.ts';
import type { DossierWorkView } from '../../modules/workflow/get-dossier-work-view.ts';
import type { WorkflowActionName } from '../../modules/workflow/workflow-actions.ts';
import { button, csrfField, type FieldErrors, fieldMessage } from '../components/form.ts';
import { html, type SafeHtml } from '../html.ts';
import type { MessageKey } from '../i18n/vi.ts';
import type { PageContext } from '../page-context.ts';

/** The URL segment of each action (the same as the API's). */
export const ACTION_PATHS: Record<WorkflowActionName, string> = {
  assign: 'assign',
  handOver: 'hand-over',
  claim: 'claim',
  start: 'start',
  comment: 'comments',
  requestSupplement: 'supplement-requests',
  supply: 'supply',
  refuse: 'refuse',
  withdraw: 'withdraw',
  stop: 'stop',
  requestPayment: 'payment-request',
  recordPayment: 'payment',
  uploadResult: 'result',
  generateResult: 'result-from-template',
  approve: 'approve',
  markProcessed: 'mark-processed',
  returnResult: 'return',
  refer: 'refer',
  extend: 'extend',
};

/** Actions whose form carries files (multipart). */
export const FILE_ACTIONS: ReadonlySet<WorkflowActionName> = new Set(['supply', 'uploadResult']);

export type FormValues = Readonly<Record<string, string | undefined>>;

interface FieldOptions {
  readonly name: string;
  readonly label: string;
  readonly kind?: 'text' | 'textarea' | 'number' | 'file' | 'select';
  readonly options?: readonly { value: string; label: string }[];
  readonly isRequired?: boolean;
  readonly accept?: string;
}

function field(
  ctx: PageContext,
  prefix: string,
  o: FieldOptions,
  values: FormValues,
  errors: FieldErrors,
): SafeHtml {
  const id = `${prefix}${o.name}`;
  const error = errors[o.name];
  const value = values[o.name] ?? '';
  const described = error ? html` aria-describedby="${id}-error" aria-invalid="true"` : '';
  const required = o.isRequired ? html` required` : '';
  let control: SafeHtml;
  switch (o.kind ?? 'text') {
    case 'textarea':
      control = html`<textarea class="textarea" id="${id}" name="${o.name}" rows="3"${required}${described}>${value}</textarea>`;
      break;
    case 'select':
      control = html`<select class="select" id="${id}" name="${o.name}"${described}>${(o.options ?? []).map((opt) => html`<option value="${opt.value}"${opt.value === value ? html` selected` : ''}>${opt.label}</option>`)}</select>`;
      break;
    case 'file':
      control = html`<input class="input" id="${id}" name="${o.name}" type="file" multiple accept="${o.accept ?? 'application/pdf,image/jpeg,image/png'}"${required}${described}>`;
      break;
    default:
      control = html`<input class="input${o.kind === 'number' ? ' input--third' : ''}" id="${id}" name="${o.name}" type="text"${o.kind === 'number' ? html` inputmode="numeric"` : ''} value="${value}"${required}${described}>`;
  }
  return html`<div class="form-group${error ? ' form-group--error' : ''}">
  <label class="label" for="${id}">${o.label}${o.isRequired ? '' : html` <span class="label__optional">(${ctx.t('common.optional')})</span>`}</label>
  ${error ? html`<p class="error-message" id="${id}-error">${fieldMessage(ctx, error)}</p>` : ''}
  ${control}
</div>`;
}

function roleLabel(ctx: PageContext, role: string): string {
  const key = `workflow.role.${role}`;
  return ctx.t(key as MessageKey);
}

function fieldsOf(ctx: PageContext, action: WorkflowActionName, view: DossierWorkView): FieldOptions[] {
  const t = (key: string) => ctx.t(`workflow.field.${key}` as MessageKey);
  const steps = view.work.procedure?.steps ?? [];
  const people = view.people.map((p) => ({ value: p.id, label: `${p.name} (${roleLabel(ctx, p.role)})` }));
  const unique = people.filter((p, i) => people.findIndex((q) => q.value === p.value) === i);
  switch (action) {
    case 'assign':
      return [
        {
          name: 'assignee',
          label: t('assignee'),
          kind: 'select',
          isRequired: true,
          options: [
            ...unique.map((p) => ({ value: `staff:${p.value}`, label: p.label })),
            ...['receptionist', 'specialist', 'leader', 'clerk'].map((r) => ({
              value: `role:${r}`,
              label: ctx.t('workflow.queueOf', { role: roleLabel(ctx, r) }),
            })),
          ],
        },
      ];
    case 'handOver':
      return [
        {
          name: 'toStep',
          label: t('toStep'),
          kind: 'select',
          isRequired: true,
          options: steps.map((s, i) => ({
            value: String(i),
            label: `${i + 1}. ${s.name} (${roleLabel(ctx, s.role)})`,
          })),
        },
        {
          name: 'toUnitId',
          label: t('toUnit'),
          kind: 'select',
          options: [
            { value: '', label: t('toUnitDefault') },
            ...view.units.map((u) => ({ value: u.id, label: u.name })),
          ],
        },
        {
          name: 'toStaffId',
          label: t('person'),
          kind: 'select',
          options: [{ value: '', label: '—' }, ...unique],
        },
        { name: 'note', label: t('note'), kind: 'textarea' },
      ];
    case 'comment':
      return [{ name: 'text', label: t('text'), kind: 'textarea', isRequired: true }];
    case 'requestSupplement':
      return [
        { name: 'items', label: t('items'), kind: 'textarea', isRequired: true },
        { name: 'reason', label: t('reason'), kind: 'textarea', isRequired: true },
        { name: 'contact', label: t('contact') },
      ];
    case 'supply':
      return [
        { name: 'files', label: t('files'), kind: 'file' },
        { name: 'note', label: t('note'), kind: 'textarea' },
      ];
    case 'refuse':
    case 'stop':
      return [{ name: 'reasons', label: t('reasons'), kind: 'textarea', isRequired: true }];
    case 'withdraw':
      return [{ name: 'reason', label: t('reason'), kind: 'textarea' }];
    case 'requestPayment':
      return [
        { name: 'amountVnd', label: t('amountVnd'), kind: 'number', isRequired: true },
        { name: 'note', label: t('note'), kind: 'textarea' },
      ];
    case 'recordPayment':
    case 'approve':
      return [{ name: 'note', label: t('note'), kind: 'textarea' }];
    case 'uploadResult':
      return [
        { name: 'result', label: t('result'), kind: 'file', accept: 'application/pdf', isRequired: true },
      ];
    case 'generateResult':
      return [
        { name: 'title', label: t('resultTitle'), isRequired: true },
        { name: 'body', label: t('resultBody'), kind: 'textarea', isRequired: true },
      ];
    case 'returnResult':
      return [
        { name: 'receivedBy', label: t('receivedBy'), isRequired: true },
        { name: 'receiverIdentifier', label: t('receiverIdentifier') },
      ];
    case 'refer':
      return [
        { name: 'authority', label: t('authority'), isRequired: true },
        { name: 'address', label: t('address'), isRequired: true },
        { name: 'documents', label: t('documents'), kind: 'textarea', isRequired: true },
        { name: 'note', label: t('note'), kind: 'textarea' },
      ];
    case 'extend':
      return [
        { name: 'days', label: t('days'), kind: 'number', isRequired: true },
        { name: 'reason', label: t('reason'), kind: 'textarea', isRequired: true },
      ];
    case 'claim':
    case 'start':
    case 'markProcessed':
      return [];
  }
}

/** One action's form; `prefix` keeps ids unique when several forms share a page. */
/** The result form starts from the procedure's stored template, else the one built from its result type. */
function templateFields(view: DossierWorkView): { title: string; body: string } {
  const stored = view.resultTemplate;
  return stored ? { title: stored.title, body: stored.body } : defaultResultTemplate(view.work);
}

export function actionForm(
  ctx: PageContext,
  view: DossierWorkView,
  action: WorkflowActionName,
  options: { prefix: string; values?: FormValues; errors?: FieldErrors },
): SafeHtml {
  const code = encodeURIComponent(view.work.dossier.code);
  const isFile = FILE_ACTIONS.has(action);
  const label = ctx.t(`workflow.action.${action}` as MessageKey);
  const danger = action === 'refuse' || action === 'stop' || action === 'withdraw';
  return html`<form method="post" action="/ho-so/${code}/xu-ly/${ACTION_PATHS[action]}"${isFile ? html` enctype="multipart/form-data"` : ''} novalidate>
  ${csrfField(ctx)}
  ${fieldsOf(ctx, action, view).map((f) => field(ctx, options.prefix, f, { toStep: String(view.nextStep), ...(action === 'generateResult' ? templateFields(view) : {}), ...options.values }, options.errors ?? {}))}
  ${button(label, { variant: danger ? 'warning' : 'primary' })}
</form>`;
}
