import { canAnywhere, type Permission } from '../modules/identity/permissions.ts';
import { notificationBanner } from './components/content.ts';
import { csrfField } from './components/form.ts';
import { type HtmlValue, html, type SafeHtml } from './html.ts';
import { isKioskPath, KIOSK_IDLE_SECONDS } from './kiosk-session.ts';
import type { PageContext } from './page-context.ts';

export const STYLESHEET_PATH = '/assets/xaso.css';

function navigation(ctx: PageContext): SafeHtml {
  const { t, actor } = ctx;
  const link = (href: string, label: string) =>
    html`<li><a class="header__link" href="${href}"${ctx.path === href ? html` aria-current="page"` : ''}>${label}</a></li>`;
  return html`<nav class="header__nav" aria-label="${t('nav.mainLabel')}"><ul>
    ${link('/', t('nav.home'))}
    ${actor ? link('/workspace', t('nav.workspace')) : ''}
    ${actor && canAnywhere(actor, 'staff.manage') ? link('/admin/staff', t('nav.staffAdmin')) : ''}
    ${actor ? signingLinks(ctx, link) : ''}
    ${actor ? '' : link('/sign-in', t('nav.signIn'))}
  </ul></nav>`;
}

/** Signing (issue 5 §4): the queues and requests for the roles that use them, certificates for unit admins. */
function signingLinks(ctx: PageContext, link: (href: string, label: string) => SafeHtml): SafeHtml {
  const { t, actor } = ctx;
  if (!actor) {
    return html``;
  }
  const may = (p: Permission) => canAnywhere(actor, p);
  return html`${may('document.sign') ? link('/ky-duyet', t('nav.leaderQueue')) : ''}
    ${may('document.seal') ? link('/dong-dau', t('nav.sealQueue')) : ''}
    ${may('document.submit') || may('document.sign') || may('document.seal') ? link('/trinh-ky', t('nav.signatureRequests')) : ''}
    ${may('unit.configure') ? link('/admin/certificates', t('nav.certificates')) : ''}`;
}

// Kiosk mode (issue 6 §3, intake area): the pages under /kiosk go back to /kiosk after inactivity, by a
// meta refresh without JavaScript (inside <noscript>, so a scripted page keeps the typed form and warns
// first, WCAG 2.2.1), and load the small kiosk script (inactivity timer, camera QR scanning).
function kioskHead(): SafeHtml {
  return html`<noscript><meta http-equiv="refresh" content="${KIOSK_IDLE_SECONDS + 5};url=/kiosk"></noscript>
<script src="/assets/kiosk.js" defer></script>`;
}

/** The page shell: skip link, header with navigation and language switch, main, footer. */
export function layout(
  ctx: PageContext,
  options: { title: string; body: HtmlValue; flash?: string | undefined },
): SafeHtml {
  const { t, actor } = ctx;
  const isKiosk = isKioskPath(ctx.path);
  const otherLocale = ctx.locale === 'vi' ? 'en' : 'vi';
  return html`<!DOCTYPE html>
<html lang="${ctx.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} – ${t('site.name')}</title>
<link rel="stylesheet" href="${STYLESHEET_PATH}">
${isKiosk ? kioskHead() : ''}
</head>
<body${isKiosk ? html` class="kiosk" data-kiosk-idle="${KIOSK_IDLE_SECONDS}" data-kiosk-warning="${t('intake.kiosk.idleWarning')}"` : ''}>
<a class="skip-link" href="#main">${t('site.skipToContent')}</a>
<header class="header">
  <div class="container header__inner">
    <a class="header__brand" href="/"><span class="header__logo" aria-hidden="true">★</span> ${t('site.name')}<span class="header__tagline">${t('site.tagline')}</span></a>
    ${navigation(ctx)}
    <div class="header__tools">
      <a class="header__link" href="/lang/${otherLocale}?back=${encodeURIComponent(ctx.path)}" lang="${otherLocale}" hreflang="${otherLocale}">${t('nav.switchTo')}</a>
      ${
        actor
          ? html`<span class="header__user">${actor.fullName}</span>
      <form method="post" action="/sign-out" class="inline-form">${csrfField(ctx)}<button type="submit" class="link-button">${t('nav.signOut')}</button></form>`
          : ''
      }
    </div>
  </div>
</header>
${ctx.isDemo ? html`<div class="phase-banner"><div class="container"><strong class="tag tag--yellow">DEMO</strong> ${t('site.demoBanner')}</div></div>` : ''}
<main class="container main" id="main" tabindex="-1">
${options.flash ? notificationBanner({ kind: 'success', body: options.flash }) : ''}
${options.body}
</main>
<footer class="footer"><div class="container">
  <p>${t('site.footer')}</p>
  <p><a href="/api/docs">${t('nav.apiReference')}</a></p>
  <p><a href="/xac-minh">${t('nav.verify')}</a></p>
</div></footer>
</body>
</html>`;
}
