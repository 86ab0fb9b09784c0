import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { AppError } from '../errors.ts';

/**
 * Prometheus metrics at `/metrics`: process defaults plus request counts and latencies per route. Routes,
 * statuses and the process's memory are no one's business outside the operators: with a `token`
 * (XASO_METRICS_TOKEN) only a scraper presenting it as a bearer token reads them (401 otherwise); without,
 * only a request made directly from the loopback address (403 otherwise).
 */
export function registerMetrics(
  app: FastifyInstance,
  options: { token?: string | undefined } = {},
): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'xaso_' });
  const requests = new Counter({
    name: 'xaso_http_requests_total',
    help: 'HTTP requests by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'xaso_http_request_duration_seconds',
    help: 'HTTP request duration by method and route',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    duration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
    done();
  });
  const tokenDigest = options.token === undefined ? undefined : sha256(options.token);
  app.get(
    '/metrics',
    {
      schema: { hide: true },
      onRequest: async (request) => {
        if (tokenDigest) {
          assertBearer(request, tokenDigest);
        } else if (!isDirectFromLoopback(request)) {
          throw new AppError(
            'FORBIDDEN',
            'Metrics are served to the loopback address only; set XASO_METRICS_TOKEN to scrape them from elsewhere.',
          );
        }
      },
    },
    async (_request, reply) => {
      reply.type(registry.contentType);
      return registry.metrics();
    },
  );
  return registry;
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** Compared as digests of equal length, in constant time: the answer's timing tells nothing of the token. */
function assertBearer(request: FastifyRequest, tokenDigest: Buffer): void {
  const given = /^Bearer (\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  if (given === undefined || !timingSafeEqual(sha256(given), tokenDigest)) {
    throw new AppError('UNAUTHENTICATED', 'Metrics need the bearer token set in XASO_METRICS_TOKEN.');
  }
}

/** Headers a reverse proxy adds: Forwarded (RFC 7239), X-Forwarded-For, X-Real-IP (nginx), Via (RFC 9110 §7.6.3). */
const PROXY_HEADERS = ['forwarded', 'x-forwarded-for', 'x-real-ip', 'via'] as const;

/**
 * The loopback address (127.0.0.0/8, ::1, or 127.x mapped into IPv6), with no proxy header: a reverse proxy
 * on the same host connects from loopback too, and what it forwards comes from elsewhere.
 */
function isDirectFromLoopback(request: FastifyRequest): boolean {
  if (PROXY_HEADERS.some((name) => request.headers[name] !== undefined)) {
    return false;
  }
  const address = request.ip;
  return address === '::1' || /^(::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(address);
}
