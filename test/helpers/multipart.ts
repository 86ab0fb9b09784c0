// A multipart/form-data body as a browser sends it (RFC 7578), posted through app.inject with a
// PageClient's cookies: for the upload forms (signature requests, public verification).
import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import type { PageClient } from './http.ts';

export type FormPart = string | { filename: string; type: string; bytes: Uint8Array };

export function multipartBody(fields: Record<string, FormPart>): { payload: Buffer; contentType: string } {
  const boundary = `----xaso${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [name, part] of Object.entries(fields)) {
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="${name}"`;
    if (typeof part === 'string') {
      chunks.push(Buffer.from(`${head}\r\n\r\n${part}\r\n`));
    } else {
      chunks.push(
        Buffer.from(`${head}; filename="${part.filename}"\r\nContent-Type: ${part.type}\r\n\r\n`),
        Buffer.from(part.bytes),
        Buffer.from('\r\n'),
      );
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

export async function postMultipart(
  client: PageClient,
  url: string,
  fields: Record<string, FormPart>,
): Promise<LightMyRequestResponse> {
  const { payload, contentType } = multipartBody(fields);
  return client.app.inject({
    method: 'POST',
    url,
    remoteAddress: client.remoteAddress,
    payload,
    headers: {
      'content-type': contentType,
      cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    },
  });
}
