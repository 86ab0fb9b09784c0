// Every registered route, read from the app itself (test/helpers/routes.ts), against the rules of how
// routes declare access today: one method+path per route across modules; a staff page guards itself
// (requireStaff: an anonymous visitor is sent to /sign-in), a citizen page sends them to /cong-dan, a
// kiosk page to /kiosk; every /api/v1 route is in the OpenAPI document with a success response schema, and
// declares its bearer security unless it is one of the named public API routes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PageClient } from '../helpers/http.ts';
import { listRoutes } from '../helpers/routes.ts';
import { createTestApp } from '../helpers/test-app.ts';

const { app } = await createTestApp();
await app.ready();
const routes = listRoutes(app).filter((r) => r.method !== 'HEAD');

/** Pages anyone may open (the public site, sign-in, citizen and kiosk entry points, published data). */
const PUBLIC_PAGES = [
  /^\/$/,
  /^\/(healthz|readyz|sign-in|sign-out)$/,
  /^\/metrics$/, // its own bearer or the loopback address (metrics.ts), tested in test/http/metrics.test.ts
  /^\/api\/(openapi\.json|docs)/,
  /^\/assets\//,
  /^\/log\//,
  /^\/lang\/:locale$/,
  /^\/lich-lam-viec$/,
  /^\/thu-tuc(\/:code)?$/,
  /^\/tra-cuu(\/|$)/,
  /^\/xac-minh(\/|$)/,
  /^\/pki\//,
  /^\/csc\/v2\//, // CSC API: its own bearer (csc.routes.ts), tested in test/http/csc.test.ts
  /^\/dev-oidc\//,
  /^\/\*$/,
  /^\/cong-dan(\/dang-nhap|\/dang-xuat|\/callback)?$/,
  /^\/kiosk(\/giu-phien|\/tra-cuu|\/ket-thuc)?$/,
];
/** API routes without a bearer: token issue, the public catalogue and calendar, proofs, dossier lookup. */
const PUBLIC_API = new Set([
  'POST /api/v1/auth/token',
  'GET /api/v1/units',
  'GET /api/v1/calendar/due-date',
  'GET /api/v1/calendar/holidays',
  'GET /api/v1/procedures',
  'GET /api/v1/procedures/{code}',
  'GET /api/v1/audit/proofs/inclusion',
  'GET /api/v1/audit/proofs/consistency',
  'GET /api/v1/lookup/{code}',
]);

const isApi = (url: string) => url.startsWith('/api/v1/');
const isPublicPage = (url: string) => PUBLIC_PAGES.some((rule) => rule.test(url));
/** A concrete URL for a route: parameters filled with values that exist nowhere. */
const concrete = (url: string) =>
  url.replace(/:(\w+)/g, (_m, name: string) =>
    /id$/i.test(name) ? '00000000-0000-4000-8000-000000000000' : 'KHONGCO',
  );
/** Where an anonymous visitor of a guarded page is sent. */
const signInFor = (url: string) =>
  url.startsWith('/cong-dan/')
    ? /^\/cong-dan\?next=/
    : url.startsWith('/kiosk/')
      ? /^\/kiosk$/
      : /^\/sign-in\?next=/;

test('no method+path is registered twice, parameter names and a trailing slash aside', () => {
  const seen = new Map<string, string>();
  const duplicates: string[] = [];
  for (const { method, url } of routes) {
    const key = `${method} ${url
      .replace(/:\w+/g, ':')
      .replace(/(.)\/$/, '$1')
      .toLowerCase()}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      duplicates.push(`${method} ${earlier} = ${url}`);
    }
    seen.set(key, url);
  }
  assert.deepEqual(duplicates, []);
  assert.ok(routes.length > 100, `${routes.length} routes read`);
});

test('every guarded page sends an anonymous visitor to sign in before doing anything', async () => {
  const unguarded: string[] = [];
  const pages = routes.filter((r) => !isApi(r.url) && !isPublicPage(r.url));
  for (const { method, url } of pages) {
    const browser = new PageClient(app, '10.77.0.1');
    let response: Awaited<ReturnType<PageClient['get']>>;
    if (method === 'GET') {
      response = await browser.get(concrete(url));
    } else {
      // A valid pre-session CSRF token, so the refusal seen is the guard's, not the CSRF check's.
      const csrf = PageClient.csrfFrom((await browser.get('/sign-in')).body);
      response = await browser.post(concrete(url), { _csrf: csrf }, { origin: 'http://localhost:0' });
    }
    const location = String(response.headers.location ?? '');
    // A page is sent to sign in (303); a form post is refused as unauthenticated (401) before anything.
    const isGuarded =
      method === 'GET'
        ? response.statusCode === 303 && signInFor(url).test(location)
        : response.statusCode === 401;
    if (!isGuarded) {
      unguarded.push(`${method} ${url}: ${response.statusCode} ${location}`);
    }
  }
  assert.deepEqual(unguarded, []);
  assert.ok(pages.length > 50, `${pages.length} guarded pages`);
});

test('every /api/v1 route is documented with a success schema and declares its security', async () => {
  const doc = app.swagger() as {
    paths: Record<
      string,
      Record<string, { security?: unknown[]; responses?: Record<string, { content?: unknown }> }>
    >;
  };
  const problems: string[] = [];
  for (const { method, url } of routes.filter((r) => isApi(r.url))) {
    const path = url.replace(/:(\w+)/g, '{$1}');
    const key = `${method} ${path}`;
    const operation = doc.paths[path]?.[method.toLowerCase()];
    if (!operation) {
      problems.push(`${key}: not in the OpenAPI document`);
      continue;
    }
    const success = Object.entries(operation.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
    if (!success.some(([status, response]) => status === '204' || response.content)) {
      problems.push(`${key}: no success response schema`);
    }
    const isSecured = (operation.security?.length ?? 0) > 0;
    if (isSecured === PUBLIC_API.has(key)) {
      problems.push(`${key}: ${isSecured ? 'public but declares a bearer' : 'declares no bearer security'}`);
    }
    if (isSecured) {
      // Anonymous: refused (401), or its input refused first (400); never served or looked up.
      const response = await app.inject({
        method: method as 'GET',
        url: concrete(url),
        payload: method === 'GET' ? undefined : {},
      });
      if (![400, 401].includes(response.statusCode)) {
        problems.push(`${key}: anonymous got ${response.statusCode}`);
      }
    }
  }
  assert.deepEqual(problems, []);
});
