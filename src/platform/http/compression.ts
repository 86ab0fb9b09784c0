// Response compression (issue 6 "citizen pages weigh ≤ 50 KB transferred", shared/PRODUCT.md "pages that
// work on a weak connection"): text bodies (pages, stylesheet, script, JSON) are sent brotli- or
// gzip-encoded when the client accepts it (RFC 9110 §12.5.3). Only whole string/Buffer payloads are
// touched: streams pass as they are (nothing is buffered), and so do PDFs and images, which are compressed
// already; a response that already has a Content-Encoding is left alone.
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { FastifyInstance } from 'fastify';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Below this a compressed body and its header cost about as much as the plain one. */
const MIN_BYTES = 1024;
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|problem\+json|xml)|image\/svg\+xml)/;

/** The encoding to use for this Accept-Encoding header: br first, then gzip; none when refused (q=0). */
export function chooseEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | undefined {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    if (name) {
      accepted.set(name, q === undefined ? 1 : Number(q));
    }
  }
  const wants = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  return wants('br') ? 'br' : wants('gzip') ? 'gzip' : undefined;
}

export function registerCompression(app: FastifyInstance): void {
  // A callback, not a promise: most responses pass untouched, and pay no promise or extra turn for it.
  app.addHook('onSend', (request, reply, payload, done) => {
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) {
      done(null, payload);
      return;
    }
    const type = String(reply.getHeader('content-type') ?? '');
    if (!COMPRESSIBLE.test(type) || reply.hasHeader('content-encoding') || request.method === 'HEAD') {
      done(null, payload);
      return;
    }
    const vary = String(reply.getHeader('vary') ?? '');
    if (!/accept-encoding/i.test(vary)) {
      reply.header('vary', vary ? `${vary}, accept-encoding` : 'accept-encoding');
    }
    const encoding = chooseEncoding(request.headers['accept-encoding']);
    // Small bodies (most API responses) pass without being copied to a Buffer first.
    const size = typeof payload === 'string' ? Buffer.byteLength(payload) : payload.length;
    if (!encoding || size < MIN_BYTES) {
      done(null, payload);
      return;
    }
    const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
    const compressing =
      encoding === 'br'
        ? brotli(body, {
            params: {
              // Quality 5: most of the gain of 11 at a small fraction of its CPU, per request.
              [constants.BROTLI_PARAM_QUALITY]: 5,
              [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
              [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            },
          })
        : gzipAsync(body, { level: 6 });
    compressing.then((compressed) => {
      reply.header('content-encoding', encoding);
      reply.removeHeader('content-length');
      done(null, compressed);
    }, done);
  });
}
