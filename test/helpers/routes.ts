// The routes an app registered, read from Fastify's own route tree (printRoutes with commonPrefix off:
// one node per line, four columns per level, a node's path is its parent's followed by its segment).
import type { FastifyInstance } from 'fastify';

export interface RegisteredRoute {
  readonly method: string;
  readonly url: string;
}

export function listRoutes(app: FastifyInstance): RegisteredRoute[] {
  const stack: string[] = [];
  const routes: RegisteredRoute[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const branch = line.search(/[├└]── /);
    if (branch < 0) {
      continue;
    }
    const depth = branch / 4;
    const node = line.slice(branch + 4);
    const methods = node.match(/ \(([A-Z, ]+)\)$/);
    const segment = methods ? node.slice(0, methods.index) : node;
    stack.length = depth;
    const url = (stack[depth - 1] ?? '') + segment;
    stack.push(url);
    for (const method of methods?.[1]?.split(', ') ?? []) {
      routes.push({ method, url });
    }
  }
  return routes;
}
