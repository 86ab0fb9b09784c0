// Per-request page plumbing: language, CSRF token, the page context, and sending a rendered page.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import { csrfTokenFor } from './csrf.ts';
import type { SafeHtml } from './html.ts';
import { isLocale, type Locale, translator } from './i18n/translate.ts';
import { layout } from './layout.ts';
import type { PageContext } from './page-context.ts';

export const LANG_COOKIE = 'xaso_lang';

export interface PageKit {
  context(request: FastifyRequest, reply: FastifyReply): PageContext;
  send(
    reply: FastifyReply,
    ctx: PageContext,
    page: { title: string; body: SafeHtml; status?: number; flash?: string | undefined },
  ): FastifyReply;
}

export function createPageKit(config: Config): PageKit {
  const isHttps = config.publicUrl.startsWith('https:');
  return {
    context(request, reply) {
      const cookieLocale = request.cookies[LANG_COOKIE];
      const locale: Locale = isLocale(cookieLocale) ? cookieLocale : 'vi';
      return {
        locale,
        t: translator(locale),
        actor: request.actor,
        csrfToken: csrfTokenFor(request, reply, config.secrets.session, isHttps),
        path: request.url,
        isDemo: config.demo,
        requestId: request.id,
      };
    },
    send(reply, ctx, page) {
      // Pages carry personal data and CSRF tokens: never stored by shared caches.
      reply.header('cache-control', 'no-store');
      return reply
        .status(page.status ?? 200)
        .type('text/html; charset=utf-8')
        .send(layout(ctx, { title: page.title, body: page.body, flash: page.flash }).value);
    },
  };
}
