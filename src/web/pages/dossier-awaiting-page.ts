// Online and kiosk dossiers waiting for a receptionist (issue 6 §3 "Online"), oldest first.
import type { AwaitingDossier } from '../../modules/dossiers/list-online-dossiers-awaiting.ts';
import { table } from '../components/content.ts';
import { html, type SafeHtml } from '../html.ts';
import type { PageContext } from '../page-context.ts';
import { formatVietnamTime } from './dossier-format.ts';

export function awaitingPage(ctx: PageContext, dossiers: readonly AwaitingDossier[]): SafeHtml {
  const { t } = ctx;
  return html`<h1>${t('intake.awaiting.title')}</h1>
<p class="lead">${t('intake.awaiting.lead')}</p>
${
  dossiers.length === 0
    ? html`<p>${t('intake.awaiting.none')}</p>`
    : table({
        caption: t('intake.awaiting.title'),
        head: [
          t('lookup.code'),
          t('intake.online.submittedAt'),
          t('dossier.procedure'),
          t('dossier.applicant.fullName'),
          t('dossier.unit'),
        ],
        rows: dossiers.map((d) => [
          html`<a href="/ho-so/${encodeURIComponent(d.code)}">${d.code}</a>${d.channel === 'kiosk' ? html` <span class="secondary-text">(${t('intake.kiosk.name')})</span>` : ''}`,
          formatVietnamTime(d.submittedAt),
          d.procedureName,
          d.applicantName,
          d.unitName,
        ]),
      })
}`;
}
