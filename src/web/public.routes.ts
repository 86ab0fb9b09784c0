import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../database.ts';
import { listUnits } from '../modules/organisation/list-units.ts';
import { isLocale } from './i18n/translate.ts';
import { STYLESHEET_PATH } from './layout.ts';
import type { PageKit } from './page-kit.ts';
import { LANG_COOKIE } from './page-kit.ts';
import { type ApiOperation, apiReferencePage } from './pages/api-reference-page.ts';
import { homePage } from './pages/home-page.ts';

const stylesheet = readFileSync(new URL('./assets/xaso.css', import.meta.url));

/** Only a local path may be a redirect target (no `//host` or scheme: no open redirect). */
export function safeLocalPath(value: unknown, fallback: string): string {
  return typeof value === 'string' && /^\/(?![/\\])/.test(value) ? value : fallback;
}

export function registerPublicPages(
  app: FastifyInstance,
  options: { db: Db; kit: PageKit; isHttps: boolean },
): void {
  const { kit } = options;
  app.get('/', { schema: { hide: true } }, async (request, reply) => {
    const ctx = kit.context(request, reply);
    const units = await listUnits({ db: options.db });
    return kit.send(reply, ctx, { title: ctx.t('home.title'), body: homePage(ctx, { units }) });
  });

  app.get<{ Params: { locale: string }; Querystring: { back?: string } }>(
    '/lang/:locale',
    { schema: { hide: true } },
    async (request, reply) => {
      const locale = request.params.locale;
      if (isLocale(locale)) {
        reply.setCookie(LANG_COOKIE, locale, {
          path: '/',
          sameSite: 'lax',
          httpOnly: true,
          secure: options.isHttps,
          maxAge: 365 * 86400,
        });
      }
      return reply.redirect(safeLocalPath(request.query.back, '/'), 303);
    },
  );

  app.get(STYLESHEET_PATH, { schema: { hide: true } }, async (_request, reply) => {
    return reply
      .type('text/css; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(stylesheet);
  });

  app.get('/api/docs', { schema: { hide: true } }, async (request, reply) => {
    const ctx = kit.context(request, reply);
    const document = app.swagger() as { paths?: Record<string, Record<string, { summary?: string }>> };
    const operations: ApiOperation[] = Object.entries(document.paths ?? {}).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        summary: op.summary ?? '',
      })),
    );
    return kit.send(reply, ctx, { title: ctx.t('api.title'), body: apiReferencePage(ctx, operations) });
  });
}
