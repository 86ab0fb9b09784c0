// /thong-bao (issue 7 §6): staff see whether citizens' messages went out, per unit and delivery state.
import type { FastifyInstance } from 'fastify';
import type { Db } from '../database.ts';
import { requireStaff } from '../modules/identity/authenticate.ts';
import {
  DELIVERY_STATUSES,
  listUnitNotifications,
} from '../modules/notifications/list-unit-notifications.ts';
import type { DeliveryStatus } from '../modules/notifications/notification.table.ts';
import { resendNotification } from '../modules/notifications/resend-notification.ts';
import type { PageKit } from './page-kit.ts';
import { notificationsPage } from './pages/notifications-page.ts';

type Query = { Querystring: { unit?: string; status?: string; notice?: string } };

export function registerNotificationPages(app: FastifyInstance, options: { db: Db; kit: PageKit }): void {
  const { db, kit } = options;
  app.get<Query>('/thong-bao', { schema: { hide: true } }, async (request, reply) => {
    const actor = requireStaff(request);
    const { unit, status } = request.query;
    const chosenStatus = DELIVERY_STATUSES.find((s) => s === status) as DeliveryStatus | undefined;
    const view = await listUnitNotifications({
      db,
      actor,
      unitId: typeof unit === 'string' && unit !== '' ? unit : undefined,
      status: chosenStatus,
    });
    const ctx = kit.context(request, reply);
    return kit.send(reply, ctx, {
      title: ctx.t('notifications.title'),
      body: notificationsPage(ctx, { ...view, status: chosenStatus ?? '' }),
      flash: request.query.notice === 'resent' ? ctx.t('notifications.resent') : undefined,
    });
  });

  app.post<{ Params: { id: string }; Body: { from?: string } }>(
    '/thong-bao/:id/gui-lai',
    { schema: { hide: true } },
    async (request, reply) => {
      const { dossierCode } = await resendNotification({
        db,
        actor: requireStaff(request),
        requestId: request.id,
        id: request.params.id,
      });
      return reply.redirect(
        request.body?.from === 'dossier'
          ? `/ho-so/${encodeURIComponent(dossierCode)}`
          : '/thong-bao?notice=resent',
        303,
      );
    },
  );
}
