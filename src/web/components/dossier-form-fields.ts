// The dossier form shared by the counter, the online and the kiosk pages (issue 6 §3 "submit the same
// form"): the applicant block of BM.01 and the procedure's documents with their scans.
import type { ProcedureSummary } from '../../modules/catalogue/list-procedures.ts';
import type { EffectiveProcedure } from '../../modules/catalogue/procedure.types.ts';
import type { StoredFile } from '../../modules/dossiers/dossier.table.ts';
import type { ApplicantInput } from '../../modules/dossiers/validate-applicant.ts';
import { html, type SafeHtml } from '../html.ts';
import type { PageContext } from '../page-context.ts';
import { button, type FieldErrors, fieldMessage, select, textInput } from './form.ts';

export type ApplicantValues = ApplicantInput;

/**
 * Choosing the procedure: a unit, a search (diacritics-insensitive), and the list of what the unit provides,
 * each linking to `action?unit=…&procedure=…` (the form). Counter, online and kiosk alike.
 */
export function procedurePicker(
  ctx: PageContext,
  o: {
    action: string;
    unitLabel: string;
    units: readonly { id: string; name: string }[];
    unitId: string;
    q: string;
    procedures: readonly ProcedureSummary[];
  },
): SafeHtml {
  const { t } = ctx;
  return html`<form method="get" action="${o.action}" class="no-print">
  ${select(ctx, { name: 'unit', label: o.unitLabel, options: o.units.map((u) => ({ value: u.id, label: u.name })), value: o.unitId })}
  ${textInput(ctx, { name: 'q', label: t('dossier.counter.search'), value: o.q, isRequired: false, hint: t('dossier.counter.searchHint') })}
  ${button(t('dossier.counter.find'), { variant: 'secondary' })}
</form>
${
  o.procedures.length === 0
    ? html`<p>${t('dossier.counter.none')}</p>`
    : html`<ul class="list">${o.procedures.map(
        (p) =>
          html`<li><a href="${o.action}?unit=${encodeURIComponent(o.unitId)}&amp;procedure=${encodeURIComponent(p.code)}">${p.code} · ${p.name}</a></li>`,
      )}</ul>`
}`;
}

/** Labels of the form's fields, for the error summary. */
export function dossierFieldLabels(ctx: PageContext): Record<string, string> {
  const { t } = ctx;
  return {
    fullName: t('dossier.applicant.fullName'),
    personalIdentifier: t('dossier.applicant.personalIdentifier'),
    address: t('dossier.applicant.address'),
    phone: t('dossier.applicant.phone'),
    email: t('dossier.applicant.email'),
    proxyAuthorisation: t('dossier.applicant.proxyAuthorisation'),
    documents: t('dossier.documents'),
    feeVnd: t('dossier.fee'),
    refusalReasons: t('dossier.refusalReasons'),
  };
}

/**
 * The applicant block. With `identity` (online, kiosk) the name and personal identifier come from the
 * signed-in citizen's identity and are shown, not typed; there is no proxy online.
 */
export function applicantFields(
  ctx: PageContext,
  o: {
    values: ApplicantValues;
    errors: FieldErrors;
    identity?: { readonly fullName: string; readonly personalIdentifier: string | null };
  },
): SafeHtml {
  const { t } = ctx;
  const v = o.values;
  const e = o.errors;
  const labels = dossierFieldLabels(ctx);
  const who = o.identity
    ? html`<dl class="summary-list" id="personalIdentifier">
  <div><dt>${labels.fullName}</dt><dd>${o.identity.fullName}</dd></div>
  <div><dt>${labels.personalIdentifier}</dt><dd>${o.identity.personalIdentifier ?? '—'}${e.personalIdentifier ? html` <strong class="error-message">${fieldMessage(ctx, e.personalIdentifier)}</strong>` : ''}</dd></div>
</dl>`
    : html`${textInput(ctx, { name: 'fullName', label: labels.fullName ?? '', value: v.fullName, error: e.fullName, isRequired: true, autocomplete: 'off' })}
  ${textInput(ctx, { name: 'personalIdentifier', label: labels.personalIdentifier ?? '', value: v.personalIdentifier, error: e.personalIdentifier, isRequired: true, inputmode: 'numeric', width: 'half', hint: t('dossier.applicant.personalIdentifierHint') })}`;
  const proxy = o.identity
    ? ''
    : html`${textInput(ctx, { name: 'proxyName', label: t('dossier.applicant.proxyName'), value: v.proxyName, hint: t('dossier.applicant.proxyHint') })}
  ${textInput(ctx, { name: 'proxyAuthorisation', label: labels.proxyAuthorisation ?? '', value: v.proxyAuthorisation, error: e.proxyAuthorisation })}`;
  return html`<h2>${t('dossier.applicant.title')}</h2>
  ${who}
  ${textInput(ctx, { name: 'address', label: labels.address ?? '', value: v.address, error: e.address, isRequired: true, autocomplete: o.identity ? 'street-address' : 'off' })}
  ${textInput(ctx, { name: 'phone', label: labels.phone ?? '', value: v.phone, error: e.phone, isRequired: true, type: 'tel', width: 'half', ...(o.identity ? { autocomplete: 'tel' } : {}) })}
  ${textInput(ctx, { name: 'email', label: labels.email ?? '', value: v.email, error: e.email, type: 'email', width: 'half', ...(o.identity ? { autocomplete: 'email' } : {}) })}
  ${proxy}`;
}

/**
 * The procedure's documents: a box to tick each and a file input for its scans (`doc-<n>`, `file-<n>`);
 * `kept` lists scans already stored (a draft), each with a link when `fileHref` is given.
 */
export function documentFields(
  ctx: PageContext,
  o: {
    procedure: EffectiveProcedure;
    ticked: readonly number[];
    error?: string | undefined;
    legend: string;
    hint: string;
    kept?: ReadonlyMap<number, readonly StoredFile[]>;
  },
): SafeHtml {
  const { t } = ctx;
  const ticked = new Set(o.ticked);
  return html`<fieldset class="form-group${o.error ? ' form-group--error' : ''}" id="documents">
    <legend class="label">${o.legend}</legend>
    <div class="hint">${o.hint}</div>
    ${o.error ? html`<p class="error-message">${fieldMessage(ctx, o.error)}</p>` : ''}
    ${o.procedure.documents.map((document, index) => {
      const kept = o.kept?.get(index) ?? [];
      return html`<div class="form-group">
      <input type="checkbox" id="doc-${index}" name="doc-${index}" value="yes"${ticked.has(index) ? html` checked` : ''}>
      <label for="doc-${index}">${document.name} (${t(`catalogue.form.${document.form}`)}, ${document.count})</label>
      ${kept.length > 0 ? html`<p class="hint">${t('intake.draft.kept')}: ${kept.map((f) => fileLabel(f)).join(', ')}</p>` : ''}
      <div><label class="label" for="file-${index}">${t('dossier.scan')}<span class="visually-hidden">: ${document.name}</span></label>
      <input class="file-upload" type="file" id="file-${index}" name="file-${index}" accept="application/pdf,image/jpeg,image/png" multiple></div>
    </div>`;
    })}
  </fieldset>`;
}

/** "PDF 12 KB": a stored scan as a line of text. */
export function fileLabel(file: StoredFile): string {
  return `${file.mediaType.split('/')[1]?.toUpperCase()} ${Math.ceil(file.size / 1024)} KB`;
}

/** The reasons of a refusal to receive (BM.03), one per line. */
export function refusalReasonsField(
  ctx: PageContext,
  o: { value?: string | undefined; error?: string | undefined },
): SafeHtml {
  const { t } = ctx;
  return html`<div class="form-group${o.error ? ' form-group--error' : ''}">
      <label class="label" for="refusalReasons">${t('dossier.refusalReasons')}</label>
      ${o.error ? html`<p class="error-message" id="refusalReasons-error">${fieldMessage(ctx, o.error)}</p>` : ''}
      <textarea class="textarea" id="refusalReasons" name="refusalReasons" rows="3"${o.error ? html` aria-describedby="refusalReasons-error" aria-invalid="true"` : ''}>${o.value ?? ''}</textarea>
    </div>`;
}
