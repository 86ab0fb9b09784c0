import type { FastifyInstance } from 'fastify';
import { requireStaff } from '../modules/identity/authenticate.ts';
import type { PageKit } from './page-kit.ts';
import { workspacePage } from './pages/workspace-page.ts';

export function registerWorkspacePages(app: FastifyInstance, options: { kit: PageKit }): void {
  app.get('/workspace', { schema: { hide: true } }, async (request, reply) => {
    const actor = requireStaff(request);
    const ctx = options.kit.context(request, reply);
    return options.kit.send(reply, ctx, { title: ctx.t('workspace.title'), body: workspacePage(ctx, actor) });
  });
}
