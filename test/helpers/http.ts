import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

/** A cookie jar over app.inject(), so page tests can sign in and post forms like a browser. */
export class PageClient {
  readonly app: FastifyInstance;
  readonly cookies = new Map<string, string>();
  /** The client address the app sees (rate limits are per address; tests give each client its own). */
  readonly remoteAddress: string;

  constructor(app: FastifyInstance, remoteAddress = '127.0.0.1') {
    this.app = app;
    this.remoteAddress = remoteAddress;
  }

  private remember(response: LightMyRequestResponse): void {
    for (const cookie of response.cookies as {
      name: string;
      value: string;
      maxAge?: number;
      expires?: Date;
    }[]) {
      const isCleared =
        cookie.value === '' ||
        cookie.maxAge === 0 ||
        (cookie.expires && cookie.expires.getTime() <= Date.now());
      if (isCleared) {
        this.cookies.delete(cookie.name);
      } else {
        this.cookies.set(cookie.name, cookie.value);
      }
    }
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    const response = await this.app.inject({
      method: 'GET',
      url,
      remoteAddress: this.remoteAddress,
      headers: { cookie: this.cookieHeader() },
    });
    this.remember(response);
    return response;
  }

  async post(
    url: string,
    form: Record<string, string>,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    const response = await this.app.inject({
      method: 'POST',
      url,
      remoteAddress: this.remoteAddress,
      payload: new URLSearchParams(form).toString(),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: this.cookieHeader(),
        ...headers,
      },
    });
    this.remember(response);
    return response;
  }

  /** The CSRF token of the first form on a page. */
  static csrfFrom(body: string): string {
    const match = /name="_csrf" value="([^"]+)"/.exec(body);
    if (!match?.[1]) {
      throw new Error('no CSRF token on the page');
    }
    return match[1];
  }

  /** Loads the sign-in page (for its CSRF token) and signs in. */
  async signIn(username: string, password: string): Promise<LightMyRequestResponse> {
    const page = await this.get('/sign-in');
    return this.post('/sign-in', { _csrf: PageClient.csrfFrom(page.body), username, password });
  }
}

/** One file part of a multipart form. */
export interface FilePart {
  readonly filename: string;
  readonly type: string;
  readonly bytes: Buffer;
}

/** A multipart/form-data body (RFC 7578) of text fields and files, as a browser sends a form. */
export function multipartForm(fields: Record<string, string | FilePart | FilePart[]>): {
  payload: Buffer;
  contentType: string;
} {
  const boundary = `----xasoform${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    for (const part of Array.isArray(value) ? value : [value]) {
      const head =
        typeof part === 'string'
          ? `Content-Disposition: form-data; name="${name}"\r\n\r\n`
          : `Content-Disposition: form-data; name="${name}"; filename="${part.filename}"\r\nContent-Type: ${part.type}\r\n\r\n`;
      chunks.push(
        Buffer.from(`--${boundary}\r\n${head}`),
        typeof part === 'string' ? Buffer.from(part) : part.bytes,
      );
      chunks.push(Buffer.from('\r\n'));
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}
