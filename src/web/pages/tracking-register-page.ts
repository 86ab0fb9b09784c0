// The BM.06 tracking register (Sổ theo dõi hồ sơ), printable (A4 landscape by the print stylesheet).
import { formatVietnamDate } from '../../modules/catalogue/vietnam-date.ts';
import type { getTrackingRegister } from '../../modules/statistics/get-tracking-register.ts';
import { REGISTER_MAX_LINES } from '../../modules/statistics/get-tracking-register.ts';
import { notificationBanner } from '../components/content.ts';
import { html, type SafeHtml } from '../html.ts';
import type { PageContext } from '../page-context.ts';
import { formatVietnamTime } from './dossier-format.ts';

type Register = Awaited<ReturnType<typeof getTrackingRegister>>;

export function trackingRegisterPage(ctx: PageContext, register: Register, backQuery: string): SafeHtml {
  const { t } = ctx;
  const head = [
    t('statistics.register.no'),
    t('statistics.register.code'),
    t('statistics.register.procedure'),
    t('statistics.register.applicant'),
    t('statistics.register.contact'),
    t('statistics.register.body'),
    t('statistics.register.received'),
    t('statistics.register.due'),
    t('statistics.register.returned'),
    t('statistics.register.how'),
    t('statistics.register.signature'),
  ];
  return html`<p class="secondary-text">${t('statistics.registerForm')}</p>
<h1>${t('statistics.registerTitle')}</h1>
<p class="lead">${t('statistics.registerLead', { unit: register.unit.name, from: formatVietnamDate(register.period.from), to: formatVietnamDate(register.period.to) })}</p>
<p class="no-print"><a href="/thong-ke?${backQuery}">${t('statistics.register.back')}</a></p>
${register.isTruncated ? notificationBanner({ kind: 'info', title: t('statistics.registerTitle'), body: t('statistics.registerTruncated', { count: REGISTER_MAX_LINES }) }) : ''}
${
  register.lines.length === 0
    ? html`<p>${t('statistics.none')}</p>`
    : html`<div class="table-scroll" role="region" aria-label="${t('statistics.registerTitle')}" tabindex="0">
<table class="table register">
<thead><tr>${head.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
<tbody>${register.lines.map(
        (line, i) => html`<tr>
  <td>${String(i + 1)}</td>
  <td class="nowrap">${line.code}</td>
  <td>${line.procedureName}</td>
  <td>${line.applicant.fullName}</td>
  <td>${line.applicant.address}<br>${line.applicant.phone}</td>
  <td>${line.decidingBody}</td>
  <td>${formatVietnamTime(line.receivedAt)}</td>
  <td>${line.dueAt ? formatVietnamTime(line.dueAt) : ''}</td>
  <td>${line.returnedAt ? formatVietnamTime(line.returnedAt) : ''}</td>
  <td></td>
  <td></td>
</tr>`,
      )}</tbody>
</table>
</div>`
}`;
}
