// A real SMTP server on 127.0.0.1 (npm smtp-server) for notification tests: it records every message it
// accepts, and `reply` decides per RCPT TO whether to accept, defer (4xx) or refuse (5xx).
import { after } from 'node:test';
import { SMTPServer } from 'smtp-server';

export interface SinkMessage {
  readonly from: string;
  readonly to: readonly string[];
  readonly raw: string;
  /** The body decoded (base64 or quoted-printable, as nodemailer chose for UTF-8 text). */
  readonly text: string;
}

function decodeBody(raw: string): string {
  const split = raw.indexOf('\r\n\r\n');
  const headers = raw.slice(0, split).toLowerCase();
  const body = raw.slice(split + 4);
  if (/content-transfer-encoding:\s*base64/.test(headers)) {
    return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  }
  if (/content-transfer-encoding:\s*quoted-printable/.test(headers)) {
    const bytes = body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

export interface SmtpSink {
  readonly url: string;
  readonly messages: SinkMessage[];
  /** RCPT TO commands seen, accepted or not. */
  readonly attempts: string[];
  /** null accepts; a code and text refuses this recipient (e.g. 451 try later, 550 no such user). */
  reply: (recipient: string, attempt: number) => { code: number; message: string } | null;
  close(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: SinkMessage[] = [];
  const attempts: string[] = [];
  const sink: SmtpSink = {
    url: '',
    messages,
    attempts,
    reply: () => null,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      attempts.push(address.address);
      const refusal = sink.reply(address.address, attempts.filter((a) => a === address.address).length);
      if (refusal) {
        const error = new Error(refusal.message) as Error & { responseCode: number };
        error.responseCode = refusal.code;
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
          text: decodeBody(Buffer.concat(chunks).toString('utf8')),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  (sink as { url: string }).url = `smtp://127.0.0.1:${port}`;
  after(() => sink.close());
  return sink;
}
