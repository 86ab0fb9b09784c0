import { unitDepth } from '../../modules/organisation/list-units.ts';
import type { Unit } from '../../modules/organisation/unit.table.ts';
import { card, tag } from '../components/content.ts';
import { html, type SafeHtml } from '../html.ts';
import type { PageContext } from '../page-context.ts';

/** The commune's public portal. Capabilities of later issues show as "coming soon" until they exist. */
export function homePage(ctx: PageContext, options: { units: readonly Unit[] }): SafeHtml {
  const { t } = ctx;
  const soon = tag(t('common.comingSoon'), 'grey');
  return html`<h1>${t('home.title')}</h1>
<p class="lead">${t('home.lead')}</p>
<ul class="cards">
  ${card({ title: t('home.procedures.title'), body: t('home.procedures.body'), href: '/thu-tuc' })}
  ${card({ title: t('home.calendar.title'), body: t('home.calendar.body'), href: '/lich-lam-viec' })}
  ${card({ title: t('home.lookup.title'), body: t('home.lookup.body'), href: '/tra-cuu' })}
  ${card({ title: t('home.verify.title'), body: t('home.verify.body'), badge: soon })}
  ${card({ title: t('citizen.nav'), body: t('citizen.home.cardBody'), href: '/cong-dan/dang-nhap' })}
  ${card({ title: t('home.staff.title'), body: t('home.staff.body'), href: ctx.actor ? '/workspace' : '/sign-in' })}
</ul>
<h2>${t('home.units.title')}</h2>
<ul class="unit-tree">
  ${options.units.map(
    (u) =>
      html`<li class="depth-${Math.min(unitDepth(u), 4)}">${u.name} <span class="secondary-text">(${t(`unitKind.${u.kind}`)} · ${u.identifier_code})</span></li>`,
  )}
</ul>`;
}
