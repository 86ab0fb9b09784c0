// /thu-tuc/<code>/mau-ket-qua: the result template of a procedure for a unit (issue 7 §2), a plain form
// (no script): save, or preview as PDF (the second button posts the same fields to the preview).
import type { ResultTemplateForEditing } from '../../modules/workflow/get-result-template-for-editing.ts';
import { notificationBanner } from '../components/content.ts';
import { csrfField, errorSummary, type FieldErrors, select, textInput } from '../components/form.ts';
import { html, type SafeHtml } from '../html.ts';
import type { PageContext } from '../page-context.ts';

export function resultTemplatePage(
  ctx: PageContext,
  o: {
    template: ResultTemplateForEditing;
    values?: { title?: string | undefined; body?: string | undefined };
    errors?: FieldErrors;
    isSaved?: boolean;
  },
): SafeHtml {
  const { t } = ctx;
  const tpl = o.template;
  const action = `/thu-tuc/${encodeURIComponent(tpl.procedureCode)}/mau-ket-qua`;
  const bodyError = o.errors?.body;
  return html`${o.isSaved ? notificationBanner({ kind: 'success', title: t('resultTemplate.saved'), body: '' }) : ''}
<h1>${t('resultTemplate.title')}</h1>
<p class="lead">${tpl.procedureName} (${tpl.procedureCode}) · ${tpl.unit.name}</p>
<p>${t(`resultTemplate.source.${tpl.source}`)}</p>
${o.errors ? errorSummary(ctx, { fields: o.errors, labels: { title: t('workflow.field.resultTitle'), body: t('resultTemplate.body') } }) : ''}
${tpl.units.length > 1 ? html`<form method="get" action="${action}" class="no-print">${select(ctx, { name: 'unit', label: t('resultRegister.unit'), options: tpl.units.map((u) => ({ value: u.id, label: u.name })), value: tpl.unit.id })}<button type="submit" class="button button--secondary">${t('resultRegister.show')}</button></form>` : ''}
<form method="post" action="${action}" novalidate>
  ${csrfField(ctx)}
  <input type="hidden" name="unit" value="${tpl.unit.id}">
  ${textInput(ctx, { name: 'title', label: t('workflow.field.resultTitle'), value: o.values?.title ?? tpl.title, isRequired: true, ...(o.errors?.title ? { error: o.errors.title } : {}) })}
  <div class="form-group${bodyError ? ' form-group--error' : ''}">
    <label class="label" for="body">${t('resultTemplate.body')}</label>
    <p class="hint" id="body-hint">${t('resultTemplate.placeholders')} ${tpl.placeholders.map((p, i) => html`${i > 0 ? ', ' : ''}<code>{${p}}</code>`)}</p>
    <textarea class="textarea" id="body" name="body" rows="12" aria-describedby="body-hint" required>${o.values?.body ?? tpl.body}</textarea>
  </div>
  <div class="button-group">
    <button type="submit" class="button button--primary">${t('resultTemplate.save')}</button>
    <button type="submit" class="button button--secondary" formaction="${action}/xem-truoc.pdf">${t('resultTemplate.preview')}</button>
  </div>
</form>`;
}
