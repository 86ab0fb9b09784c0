import { table } from '../components/content.ts';
import { html, type SafeHtml, unsafeRaw } from '../html.ts';
import type { PageContext } from '../page-context.ts';

export interface ApiOperation {
  readonly method: string;
  readonly path: string;
  readonly summary: string;
}

/** A readable, server-rendered list of the API operations from the generated OpenAPI document. */
export function apiReferencePage(ctx: PageContext, operations: readonly ApiOperation[]): SafeHtml {
  const { t } = ctx;
  const link = html`<a href="/api/openapi.json">/api/openapi.json</a>`.value;
  return html`<h1>${t('api.title')}</h1>
<p>${unsafeRaw(t('api.lead', { link }))}</p>
<p>${t('api.auth')}</p>
${table({
  head: [t('api.method'), t('api.path'), t('api.summary')],
  rows: operations.map((op) => [html`<code>${op.method}</code>`, html`<code>${op.path}</code>`, op.summary]),
})}`;
}
