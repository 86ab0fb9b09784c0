// /so-ket-qua: the register of results a unit issued in a year (issue 7 §2, Decree 30/2020 Appendix IV),
// every field, printable; a form (GET, no script) picks the unit and the year.
import type { ResultRegister } from '../../modules/workflow/list-result-register.ts';
import { table } from '../components/content.ts';
import { button, select, textInput } from '../components/form.ts';
import { html, type SafeHtml } from '../html.ts';
import type { PageContext } from '../page-context.ts';
import { formatVietnamTime } from './dossier-format.ts';

export function resultRegisterPage(ctx: PageContext, register: ResultRegister): SafeHtml {
  const { t } = ctx;
  return html`<h1>${t('resultRegister.title')}</h1>
<p class="lead">${t('resultRegister.lead', { unit: register.unit.name, year: String(register.year) })}</p>
<form method="get" action="/so-ket-qua" class="no-print">
  ${register.units.length > 1 ? select(ctx, { name: 'unit', label: t('resultRegister.unit'), options: register.units.map((u) => ({ value: u.id, label: u.name })), value: register.unit.id }) : ''}
  ${textInput(ctx, { name: 'nam', label: t('resultRegister.year'), value: String(register.year), width: 'third', isRequired: true })}
  ${button(t('resultRegister.show'), { variant: 'secondary' })}
</form>
${
  register.entries.length === 0
    ? html`<p>${t('resultRegister.none')}</p>`
    : table({
        caption: t('resultRegister.caption', { year: String(register.year) }),
        head: [
          t('resultRegister.col.number'),
          t('resultRegister.col.date'),
          t('resultRegister.col.summary'),
          t('resultRegister.col.applicant'),
          t('resultRegister.col.dossier'),
          t('resultRegister.col.clerk'),
        ],
        rows: register.entries.map((e) => [
          html`<span class="nowrap">Số: ${e.notation}</span>`,
          formatVietnamTime(e.numbered_at),
          e.summary,
          e.applicant_name,
          html`<a class="nowrap" href="/ho-so/${encodeURIComponent(e.dossier_code)}">${e.dossier_code}</a>`,
          e.numbered_by_name,
        ]),
      })
}`;
}
