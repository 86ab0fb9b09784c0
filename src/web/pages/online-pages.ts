// Online (and kiosk) submission pages for a signed-in citizen (issue 6 §3 "Online"): pick a unit and a
// procedure, fill the same form as the counter (applicant prefilled from the identity), save a draft or
// submit, then follow the dossier and get its receipt once a receptionist accepts it.

import type { ProcedureSummary } from '../../modules/catalogue/list-procedures.ts';
import type { EffectiveProcedure } from '../../modules/catalogue/procedure.types.ts';
import type { CitizenActor } from '../../modules/citizen-identity/citizen-actor.ts';
import type { Dossier, DossierStatusEvent, StoredFile } from '../../modules/dossiers/dossier.table.ts';
import { dossierStatusLabel } from '../../modules/dossiers/dossier-status.ts';
import type { CitizenDossierSummary } from '../../modules/dossiers/list-citizen-dossiers.ts';
import type { DraftSummary } from '../../modules/dossiers/list-dossier-drafts.ts';
import { notificationBanner, table } from '../components/content.ts';
import {
  type ApplicantValues,
  applicantFields,
  documentFields,
  dossierFieldLabels,
  fileLabel,
  procedurePicker,
} from '../components/dossier-form-fields.ts';
import { button, csrfField, errorSummary, type FieldErrors } from '../components/form.ts';
import { html, type SafeHtml } from '../html.ts';
import type { PageContext } from '../page-context.ts';
import { formatMoney } from './catalogue-format.ts';
import { certificationLink } from './certification-pages.ts';
import { formatVietnamTime } from './dossier-format.ts';

/** Where the pages live: `/cong-dan` on a phone or computer, `/kiosk` at the kiosk. */
export type OnlineBase = '/cong-dan' | '/kiosk';

const enc = encodeURIComponent;

export function onlineStartPage(
  ctx: PageContext,
  o: {
    base: OnlineBase;
    units: readonly { id: string; name: string }[];
    unitId: string;
    q: string;
    procedures: readonly ProcedureSummary[];
  },
): SafeHtml {
  const { t } = ctx;
  return html`<h1>${t('intake.online.title')}</h1>
<p class="lead">${t('intake.online.lead')}</p>
${procedurePicker(ctx, { action: `${o.base}/nop-ho-so`, unitLabel: t('intake.online.unit'), ...o })}`;
}

export interface OnlineFormValues extends ApplicantValues {
  readonly documents?: readonly number[];
}

export function onlineFormPage(
  ctx: PageContext,
  o: {
    base: OnlineBase;
    unit: { id: string; name: string };
    procedure: EffectiveProcedure;
    citizen: CitizenActor;
    values: OnlineFormValues;
    draft?: { id: string; documents: readonly { index: number; files: readonly StoredFile[] }[] } | undefined;
    isDraftSaved?: boolean;
    errors?: FieldErrors;
    message?: string | undefined;
  },
): SafeHtml {
  const { t } = ctx;
  const e = o.errors ?? {};
  const labels = dossierFieldLabels(ctx);
  const known = Object.fromEntries(Object.entries(e).filter(([name]) => name in labels));
  const fee = o.procedure.fees.reduce((sum, f) => sum + f.amountVnd, 0);
  const kept = new Map((o.draft?.documents ?? []).map((d) => [d.index, d.files]));
  return html`${o.isDraftSaved ? notificationBanner({ kind: 'success', title: t('intake.draft.saved'), body: t('intake.draft.savedBody') }) : ''}
<h1>${o.procedure.name}</h1>
<p class="lead">${o.procedure.code}<br><span class="secondary-text">${o.unit.name}</span></p>
${errorSummary(ctx, { message: o.message, fields: known, labels })}
<form method="post" action="${o.base}/nop-ho-so" enctype="multipart/form-data" novalidate>
  ${csrfField(ctx)}
  <input type="hidden" name="unit" value="${o.unit.id}">
  <input type="hidden" name="procedure" value="${o.procedure.code}">
  ${o.draft ? html`<input type="hidden" name="draft" value="${o.draft.id}">` : ''}
  ${applicantFields(ctx, { values: o.values, errors: e, identity: o.citizen })}
  ${documentFields(ctx, { procedure: o.procedure, ticked: o.values.documents ?? [], error: e.documents, legend: t('intake.online.documents'), hint: t('intake.online.documentsHint'), kept })}
  <p>${t('intake.online.fee', { amount: formatMoney(ctx, fee) })}</p>
  <div class="button-group">
    ${button(t('intake.online.submit'), { name: 'action', value: 'submit' })}
    ${button(t('intake.draft.save'), { variant: 'secondary', name: 'action', value: 'save' })}
  </div>
</form>`;
}

/** The citizen's own dossiers and drafts (on `/cong-dan` and the kiosk's home once signed in). */
export function citizenDossierLists(
  ctx: PageContext,
  o: {
    base: OnlineBase;
    dossiers: readonly CitizenDossierSummary[];
    drafts: readonly DraftSummary[];
    /** Codes whose signed result the signed-in citizen may download (issue 7 §2), on `/cong-dan` only. */
    signedResults?: ReadonlySet<string>;
  },
): SafeHtml {
  const { t, locale } = ctx;
  return html`<p><a class="button button--primary" href="${o.base}/nop-ho-so">${t('intake.online.start')}</a></p>
${
  o.dossiers.length === 0
    ? html`<p>${t('citizen.page.noDossiers')}</p>`
    : table({
        caption: t('citizen.page.dossiers'),
        head: [t('lookup.code'), t('dossier.procedure'), t('dossier.dueAt'), t('common.status')],
        rows: o.dossiers.map((d) => [
          html`<a href="${o.base}/ho-so/${enc(d.code)}">${d.code}</a>`,
          d.procedureName,
          d.dueAt ? formatVietnamTime(d.dueAt) : '—',
          o.signedResults?.has(d.code)
            ? html`${dossierStatusLabel(d.status, locale)}<br>${resultLink(ctx, d.code)}`
            : dossierStatusLabel(d.status, locale),
        ]),
      })
}
${
  o.drafts.length === 0
    ? ''
    : table({
        caption: t('intake.draft.list'),
        head: [t('dossier.procedure'), t('intake.draft.savedAt'), t('common.actions')],
        rows: o.drafts.map((d) => [
          d.procedureName,
          formatVietnamTime(d.updatedAt),
          html`<a href="${o.base}/nop-ho-so?nhap=${enc(d.id)}">${t('intake.draft.continue')}<span class="visually-hidden">: ${d.procedureName}</span></a>
<form method="post" action="${o.base}/nhap/${enc(d.id)}/xoa" class="inline-form">${csrfField(ctx)}<button type="submit" class="link-button">${t('intake.draft.delete')}<span class="visually-hidden">: ${d.procedureName}</span></button></form>`,
        ]),
      })
}`;
}

/** The signed-in applicant's download of the sealed result (`/cong-dan/ho-so/<code>/ket-qua.pdf`). */
function resultLink(ctx: PageContext, code: string): SafeHtml {
  return html`<a href="/cong-dan/ho-so/${enc(code)}/ket-qua.pdf">${ctx.t('workflow.results.download')}<span class="visually-hidden">: ${code}</span></a>`;
}

/** One of the citizen's dossiers: status, timeline, documents (their own scans), and its form once decided. */
export function citizenDossierPage(
  ctx: PageContext,
  o: {
    base: OnlineBase;
    dossier: Dossier;
    timeline: readonly DossierStatusEvent[];
    isJustSubmitted: boolean;
    /** A sealed result exists: the signed-in applicant downloads it here (issue 7 §2). */
    hasSignedResult?: boolean;
  },
): SafeHtml {
  const { t, locale } = ctx;
  const d = o.dossier;
  const href = `${o.base}/ho-so/${enc(d.code)}`;
  const derivation = locale === 'en' ? d.derivation_en : d.derivation_vi;
  return html`${o.isJustSubmitted ? notificationBanner({ kind: 'success', title: t('intake.online.submitted'), body: t('intake.online.submittedBody', { code: d.code }) }) : ''}
<h1>${t('dossier.title')} <span class="nowrap">${d.code}</span></h1>
<p class="lead">${d.procedure_name}</p>
<dl class="summary-list">
  <div><dt>${t('common.status')}</dt><dd><strong>${dossierStatusLabel(d.status, locale)}</strong></dd></div>
  ${d.submitted_at ? html`<div><dt>${t('intake.online.submittedAt')}</dt><dd>${formatVietnamTime(d.submitted_at)}</dd></div>` : ''}
  ${d.status !== 1 && d.status !== 3 ? html`<div><dt>${t('dossier.receivedAt')}</dt><dd>${formatVietnamTime(d.received_at)}</dd></div>` : ''}
  ${d.due_at ? html`<div><dt>${t('dossier.dueAt')}</dt><dd><strong>${formatVietnamTime(d.due_at)}</strong></dd></div>` : ''}
  ${derivation ? html`<div><dt>${t('dossier.derivation')}</dt><dd>${derivation}</dd></div>` : ''}
  ${d.refusal_reasons ? html`<div><dt>${t('dossier.refusalReasons')}</dt><dd>${d.refusal_reasons}</dd></div>` : ''}
</dl>
${d.status === 1 ? html`<p>${t('intake.online.awaiting')}</p>` : ''}
${o.base === '/cong-dan' && o.hasSignedResult ? html`<p class="no-print"><a class="button" href="${href}/ket-qua.pdf">${t('workflow.results.download')}</a></p>` : ''}
${scanTable(ctx, d, href)}
${o.base === '/cong-dan' && (d.status === 9 || d.status === 10) ? certificationLink(ctx, d, `${href}/chung-thuc`, t('certification.citizenLink')) : ''}
${table({
  caption: t('dossier.timeline'),
  head: [t('dossier.time'), t('common.status')],
  rows: o.timeline.map((e) => [formatVietnamTime(e.at), dossierStatusLabel(e.status, locale)]),
})}
<p class="no-print">${
    d.status === 3
      ? html`<a class="button button--secondary" href="${href}/tu-choi">${t('intake.refusal.title')}</a>`
      : d.status !== 1
        ? html`<a class="button button--secondary" href="${href}/bien-nhan">${t('dossier.receipt')}</a>`
        : ''
  }
<a href="${o.base}">${t('intake.online.back')}</a></p>`;
}

/** The documents with a link to each stored scan (served only to staff of the unit and the owner). */
export function scanTable(ctx: PageContext, d: Dossier, href: string): SafeHtml {
  const { t } = ctx;
  return table({
    caption: t('dossier.documents'),
    head: ['#', t('dossier.documentName'), t('dossier.files')],
    rows: d.documents.map((doc, i) => [
      String(i + 1),
      doc.name,
      doc.files.length === 0
        ? '—'
        : html`${doc.files.map(
            (f, n) =>
              html`${n > 0 ? ', ' : ''}<a href="${href}/tep/${f.sha256}">${fileLabel(f)}<span class="visually-hidden"> (${doc.name} ${n + 1})</span></a>`,
          )}`,
    ]),
  });
}
