import type { FastifyInstance } from 'fastify';

/** The subset of RequestInit that openid-client's customFetch passes. */
export interface InjectFetchInit {
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body?: unknown;
}

/**
 * A fetch() whose requests are answered by this same app through app.inject(): the relying party's
 * back-channel calls (discovery, token, JWKS, userinfo) to the bundled provider need no socket, so they work
 * in tests and behind any proxy alike. Only URLs on `origin` are served; anything else is refused.
 */
export function createInjectFetch(
  app: FastifyInstance,
  origin: string,
): (url: string, init: InjectFetchInit) => Promise<Response> {
  return async (url, init) => {
    const target = new URL(url);
    if (target.origin !== origin) {
      throw new TypeError(`in-process fetch serves ${origin} only, not ${target.origin}`);
    }
    const headers: Record<string, string> = { host: target.host };
    for (const [name, value] of Object.entries(init.headers)) {
      headers[name.toLowerCase()] = value;
    }
    const response = await app.inject({
      method: (init.method ?? 'GET') as 'GET',
      url: `${target.pathname}${target.search}`,
      headers,
      ...(typeof init.body === 'string' || init.body instanceof URLSearchParams
        ? { payload: String(init.body) }
        : init.body instanceof Uint8Array
          ? { payload: Buffer.from(init.body) }
          : {}),
    });
    const responseHeaders = new Headers();
    for (const [name, value] of Object.entries(response.headers)) {
      if (value !== undefined) {
        responseHeaders.set(name, Array.isArray(value) ? value.join(', ') : String(value));
      }
    }
    const hasBody = ![204, 205, 304].includes(response.statusCode);
    return new Response(hasBody ? new Uint8Array(response.rawPayload) : null, {
      status: response.statusCode,
      headers: responseHeaders,
    });
  };
}
