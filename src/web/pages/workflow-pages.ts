// Processing pages (issue 7 §1, §5): the processing section of the staff dossier page, one action's form
// alone (after a validation error), the work queue, and the citizen's supplement page.
import type { Dossier } from '../../modules/dossiers/dossier.table.ts';
import { dossierStatusLabel } from '../../modules/dossiers/dossier-status.ts';
import type { DossierWorkView } from '../../modules/workflow/get-dossier-work-view.ts';
import type { QueueItem } from '../../modules/workflow/list-work-queue.ts';
import type { DossierSupplement } from '../../modules/workflow/workflow.table.ts';
import type { WorkflowActionName } from '../../modules/workflow/workflow-actions.ts';
import type { WorkflowFormKind } from '../../modules/workflow/workflow-form.types.ts';
import { table, tag } from '../components/content.ts';
import { button, csrfField, errorSummary, type FieldErrors } from '../components/form.ts';
import { html, type SafeHtml } from '../html.ts';
import type { MessageKey } from '../i18n/vi.ts';
import type { PageContext } from '../page-context.ts';
import { formatVietnamTime } from './dossier-format.ts';
import { actionForm, type FormValues } from './workflow-forms.ts';

const key = (k: string) => k as MessageKey;

function formsAvailable(view: DossierWorkView): WorkflowFormKind[] {
  const wf = view.work.workflow;
  return [
    ...(view.supplements.length > 0 ? (['bm02'] as const) : []),
    ...(view.work.dossier.status === 3 && (wf.closure_reasons || view.work.dossier.refusal_reasons)
      ? (['bm03'] as const)
      : []),
    ...(wf.extended_at ? (['bm04'] as const) : []),
    ...(view.handovers.length > 0 ? (['bm05'] as const) : []),
    ...(wf.closure === 'referred' ? (['referral'] as const) : []),
    ...(wf.returned_at ? (['return'] as const) : []),
  ];
}

/** The processing section of /ho-so/:code (state, actions, forms, BM.05, history). */
export function workflowSection(ctx: PageContext, view: DossierWorkView): SafeHtml {
  const { t } = ctx;
  const { work } = view;
  const wf = work.workflow;
  const d = work.dossier;
  const code = encodeURIComponent(d.code);
  const steps = work.procedure?.steps ?? [];
  const step = steps[wf.step_index];
  const assignee = view.assigneeName
    ? view.assigneeName
    : wf.assignee_role
      ? t('workflow.queueOf', { role: t(key(`workflow.role.${wf.assignee_role}`)) })
      : t('workflow.unassigned');
  const rows: [string, SafeHtml | string][] = [
    [t('workflow.step'), step ? `${wf.step_index + 1}/${steps.length}. ${step.name}` : '—'],
    [t('workflow.holder'), view.units.find((u) => u.id === wf.holder_unit_id)?.name ?? work.holder.name],
    [t('workflow.assignee'), assignee],
  ];
  if (view.stepDueAt) {
    const isLate = view.stepDueAt.getTime() < Date.now();
    rows.push([
      t('workflow.stepDue'),
      html`${formatVietnamTime(view.stepDueAt)} ${isLate ? tag(t('workflow.queue.overdue'), 'red') : ''}`,
    ]);
  }
  if (wf.extension_days !== null) {
    rows.push([
      t('workflow.statutoryDue'),
      wf.statutory_due_at ? formatVietnamTime(wf.statutory_due_at) : '—',
    ]);
    rows.push([
      t('workflow.extension'),
      t('workflow.extensionValue', { days: wf.extension_days, reason: wf.extension_reason ?? '' }),
    ]);
  }
  if (wf.payment_vnd !== null) {
    rows.push([
      t('workflow.payment'),
      `${wf.payment_vnd.toLocaleString('vi-VN')} đ${wf.payment_note ? ` – ${wf.payment_note}` : ''}`,
    ]);
  }
  rows.push([
    t('workflow.result'),
    wf.result_sha256
      ? html`<a href="/ho-so/${code}/ket-qua.pdf">${t('workflow.resultDownload')}</a> · ${wf.approved_at ? t('workflow.approved', { at: formatVietnamTime(wf.approved_at) }) : t('workflow.notApproved')}`
      : t('workflow.resultNone'),
  ]);
  const signature = view.resultSignature;
  if (signature) {
    // results (issue 7 §2): where the result's signatures stand, the request, the signed file and its check.
    rows.push([
      t('workflow.results.signing'),
      html`${tag(t(key(`sigreq.state.${signature.state}`)), signature.state === 'completed' ? 'green' : signature.state === 'returned' ? 'red' : 'blue')}
<a href="/trinh-ky/${signature.id}">${t('workflow.results.request')}</a>${signature.return_reason ? html` · ${signature.return_reason}` : ''}${
        signature.state === 'completed'
          ? html` · <a href="/ho-so/${code}/ket-qua-da-ky.pdf">${t('workflow.results.signedDownload')}</a> · <a href="/xac-minh/${signature.id}">${t('workflow.results.verify')}</a>`
          : ''
      }`,
    ]);
  }
  if (wf.finished_at && wf.outcome) {
    rows.push([
      t('workflow.finished'),
      html`${formatVietnamTime(wf.finished_at)} ${tag(t(key(`workflow.outcome.${wf.outcome}`)), wf.outcome === 'late' ? 'red' : 'green')}`,
    ]);
  }
  if (wf.returned_at) {
    rows.push([
      t('workflow.finished'),
      t('workflow.returnedTo', { name: wf.returned_to ?? '', at: formatVietnamTime(wf.returned_at) }),
    ]);
    // results (issue 7 §2): the record of the signature on return.
    rows.push([
      t('workflow.results.returnLabel'),
      t('workflow.results.returnRecord', {
        identifier: wf.returned_to_identifier ?? '—',
        officer: view.events.findLast((e) => e.action === 'returnResult')?.actor_name ?? '—',
      }),
    ]);
  }
  if (wf.closure) {
    rows.push([
      t('workflow.closure'),
      `${t(key(`workflow.closure.${wf.closure}`))}${wf.closure_reasons ? `: ${wf.closure_reasons}` : ''}`,
    ]);
  }
  const forms = formsAvailable(view);
  return html`<section aria-labelledby="workflow-title">
<h2 id="workflow-title">${t('workflow.section')}</h2>
<dl class="summary-list">${rows.map(([label, value]) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`)}</dl>
<div class="no-print">
<h3>${t('workflow.actions')}</h3>
${view.actions.length === 0 ? html`<p>${t('workflow.noActions')}</p>` : ''}
${view.actions.map(
  (action) => html`<details class="form-group"><summary>${t(key(`workflow.action.${action}`))}</summary>
${actionForm(ctx, view, action, { prefix: `${action}-` })}
</details>`,
)}
</div>
${
  forms.length > 0
    ? html`<h3>${t('workflow.forms')}</h3><ul>${forms.map(
        (f) =>
          html`<li>${t(key(`workflow.form.${f}`))}: <a href="/ho-so/${code}/phieu/${f}">${t('workflow.form.print')}</a> · <a href="/ho-so/${code}/phieu/${f}.pdf">${t('workflow.form.pdf')}</a>${f === 'referral' || f === 'bm04' ? slipSigning(ctx, d.code, f, view.slipSignatures[f]) : ''}</li>`,
      )}</ul>`
    : ''
}
${view.supplements.length > 0 ? supplementsTable(ctx, d.code, view.supplements) : ''}
${
  view.handovers.length > 0
    ? table({
        caption: t('workflow.handovers'),
        head: ['#', t('workflow.by'), t('dossier.time'), t('workflow.queue.why')],
        rows: view.handovers.map((h) => [
          String(h.seq),
          `${h.given_by_name} → ${h.received_by_name ?? (h.to_role ? t(key(`workflow.role.${h.to_role}`)) : '—')}`,
          `${formatVietnamTime(h.given_at)} → ${h.received_at ? formatVietnamTime(h.received_at) : '—'}`,
          tag(
            t(key(`workflow.outcome.${h.result}`)),
            h.result === 'late' ? 'red' : h.result === 'early' ? 'green' : 'blue',
          ),
        ]),
      })
    : ''
}
${
  view.events.length > 0
    ? table({
        caption: t('workflow.history'),
        head: [t('dossier.time'), t('workflow.actions'), t('workflow.by'), t('workflow.note')],
        rows: view.events.map((e) => [
          formatVietnamTime(e.at),
          t(key(`workflow.action.${e.action}`)),
          e.actor_name,
          e.note ?? '',
        ]),
      })
    : ''
}
</section>`;
}

function supplementsTable(
  ctx: PageContext,
  code: string,
  supplements: readonly DossierSupplement[],
): SafeHtml {
  const { t } = ctx;
  return table({
    caption: t('workflow.supplements'),
    head: [t('dossier.time'), t('workflow.field.items'), t('common.status'), t('dossier.files')],
    rows: supplements.map((s) => [
      formatVietnamTime(s.requested_at),
      s.items.join('; '),
      s.supplied_at
        ? t('workflow.supplementDone', {
            at: formatVietnamTime(s.supplied_at),
            via: t(key(`workflow.via.${s.supplied_via}`)),
          })
        : t('workflow.supplementOpen', { at: formatVietnamTime(s.requested_at) }),
      s.files.length === 0
        ? '—'
        : html`${s.files.map((f, i) => html`${i > 0 ? ', ' : ''}<a href="/ho-so/${encodeURIComponent(code)}/bo-sung/tep/${f.sha256}">${f.mediaType.split('/')[1]?.toUpperCase()} ${Math.ceil(f.size / 1024)} KB</a>`)}`,
    ]),
  });
}

/** One action's form alone, with the error summary (after VALIDATION_FAILED). */
export function actionFormPage(
  ctx: PageContext,
  view: DossierWorkView,
  action: WorkflowActionName,
  values: FormValues,
  errors: FieldErrors,
): SafeHtml {
  const d = view.work.dossier;
  return html`${errorSummary(ctx, { fields: errors })}
<h1>${ctx.t(key(`workflow.action.${action}`))}</h1>
<p class="lead">${ctx.t('dossier.title')} <span class="nowrap">${d.code}</span> · ${d.procedure_name}</p>
${actionForm(ctx, view, action, { prefix: '', values, errors })}
<p><a href="/ho-so/${encodeURIComponent(d.code)}">${ctx.t('workflow.back')}</a></p>`;
}

/** /ho-so/hang-doi: the actor's queue, overdue first, flags as tags (not colour alone). */
export function queuePage(
  ctx: PageContext,
  items: readonly QueueItem[],
  thresholds: readonly { unitId: string; unitName: string; days: number }[] = [],
): SafeHtml {
  const { t, locale } = ctx;
  const overdue = items.filter((i) => i.flag === 'overdue').length;
  const warning = items.filter((i) => i.flag === 'warning').length;
  return html`<h1>${t('workflow.queue.title')}</h1>
<p class="lead">${t('workflow.queue.lead')}</p>
<p>${t('workflow.queue.summary', { total: items.length, overdue, warning })}</p>
${
  items.length === 0
    ? html`<p>${t('workflow.queue.empty')}</p>`
    : table({
        caption: t('workflow.queue.title'),
        head: [
          t('workflow.queue.code'),
          t('workflow.queue.procedure'),
          t('workflow.queue.applicant'),
          t('common.status'),
          t('workflow.queue.due'),
          t('workflow.queue.why'),
        ],
        rows: items.map((i) => [
          html`<a href="/ho-so/${encodeURIComponent(i.code)}">${i.code}</a>`,
          i.procedureName,
          i.applicantName,
          dossierStatusLabel(i.status, locale),
          html`${i.dueAt ? formatVietnamTime(i.dueAt) : '—'} ${i.flag === 'overdue' ? tag(t('workflow.queue.overdue'), 'red') : i.flag === 'warning' ? tag(t('workflow.queue.warning'), 'yellow') : ''}`,
          t(key(`workflow.reason.${i.reason}`)),
        ]),
      })
}
${thresholds.length > 0 ? thresholdForm(ctx, thresholds) : ''}`;
}

/** Unit administrators set how early the queue warns (issue 7 §5). */
function thresholdForm(
  ctx: PageContext,
  thresholds: readonly { unitId: string; unitName: string; days: number }[],
): SafeHtml {
  const { t } = ctx;
  return html`<h2>${t('workflow.settings.title')}</h2>
${table({
  caption: t('workflow.settings.current'),
  head: [t('staff.unit'), t('workflow.settings.days')],
  rows: thresholds.map((u) => [u.unitName, String(u.days)]),
})}
<form method="post" action="/ho-so/hang-doi/canh-bao" novalidate>
  ${csrfField(ctx)}
  <div class="form-group"><label class="label" for="unitId">${t('staff.unit')}</label>
  <select class="select" id="unitId" name="unitId">${thresholds.map((u) => html`<option value="${u.unitId}">${u.unitName}</option>`)}</select></div>
  <div class="form-group"><label class="label" for="days">${t('workflow.settings.days')}</label>
  <input class="input input--third" id="days" name="days" type="text" inputmode="numeric" value="${String(thresholds[0]?.days ?? 1)}" required></div>
  ${button(t('workflow.settings.save'))}
</form>`;
}

/** /cong-dan/ho-so/:code/bo-sung: what the office asked for, and the upload form (multipart, no JS). */
export function citizenSupplyPage(
  ctx: PageContext,
  o: {
    dossier: Dossier;
    supplement: DossierSupplement | undefined;
    errors?: FieldErrors;
    message?: string | undefined;
  },
): SafeHtml {
  const { t } = ctx;
  const code = encodeURIComponent(o.dossier.code);
  const s = o.supplement;
  return html`${errorSummary(ctx, { fields: o.errors ?? {}, ...(o.message ? { message: o.message } : {}) })}
<h1>${t('workflow.supply.title', { code: o.dossier.code })}</h1>
<p class="lead">${o.dossier.procedure_name}</p>
${
  !s || o.dossier.status !== 5
    ? html`<p>${t('workflow.supply.none')}</p>`
    : html`<p>${t('workflow.supply.lead')}</p>
<h2>${t('workflow.field.items')}</h2>
<ol>${s.items.map((item) => html`<li>${item}</li>`)}</ol>
<dl class="summary-list"><div><dt>${t('workflow.field.reason')}</dt><dd>${s.reason}</dd></div>
<div><dt>${t('workflow.field.contact')}</dt><dd>${s.contact}</dd></div></dl>
<p><a href="/cong-dan/ho-so/${code}/phieu/bm02.pdf">${t('workflow.supply.slip')}</a></p>
<form method="post" action="/cong-dan/ho-so/${code}/bo-sung" enctype="multipart/form-data" novalidate>
  ${csrfField(ctx)}
  <div class="form-group${o.errors?.files ? ' form-group--error' : ''}">
    <label class="label" for="files">${t('workflow.field.files')}</label>
    <input class="input" id="files" name="files" type="file" multiple accept="application/pdf,image/jpeg,image/png" required>
  </div>
  <div class="form-group">
    <label class="label" for="note">${t('workflow.field.note')} <span class="label__optional">(${t('common.optional')})</span></label>
    <textarea class="textarea" id="note" name="note" rows="3"></textarea>
  </div>
  ${button(t('workflow.supply.submit'))}
</form>`
}`;
}

/** results (issue 7 §4, §5): the slip's signature state with its request, or the button that sends it for signing. */
function slipSigning(
  ctx: PageContext,
  dossierCode: string,
  form: 'referral' | 'bm04',
  request: DossierWorkView['resultSignature'],
): SafeHtml {
  const { t } = ctx;
  const closed = !request || request.state === 'returned' || request.state === 'cancelled';
  return html`${request ? html` · ${tag(t(key(`sigreq.state.${request.state}`)), request.state === 'completed' ? 'green' : 'blue')} <a href="/trinh-ky/${request.id}">${t('workflow.results.request')}</a>` : ''}${
    closed
      ? html`<form method="post" action="/ho-so/${encodeURIComponent(dossierCode)}/phieu/${form}/trinh-ky" class="inline-form">${csrfField(ctx)}${button(t('workflow.results.sendSlip'), { variant: 'secondary' })}</form>`
      : ''
  }`;
}
