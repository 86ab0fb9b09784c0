// Signing pages (issue 5 §4): the requests list (/trinh-ky), a new request (/trinh-ky/moi), a request with
// a sketch of where its signatures go and its history (/trinh-ky/<id>), the leader's queue (/ky-duyet)
// and the clerk's seal queue (/dong-dau). Plain forms, no JavaScript; every signing form carries a random
// idempotency key so a re-post after a dropped connection never signs twice.
import { randomBytes } from 'node:crypto';
import type { getSignatureRequest } from '../../modules/signature-requests/get-signature-request.ts';
import type { SignatureRequestListItem } from '../../modules/signature-requests/signature-request.repository.ts';
import type {
  SignaturePlacement,
  SignatureRequestState,
} from '../../modules/signature-requests/signature-request.table.ts';
import type { UnitSigner } from '../../modules/signing/find-signing-credential.ts';
import type { AppError } from '../../platform/errors.ts';
import { table, tag } from '../components/content.ts';
import { button, csrfField, errorSummary, type FieldErrors, select, textInput } from '../components/form.ts';
import { html, type SafeHtml } from '../html.ts';
import type { PageContext } from '../page-context.ts';

export const dateTime = (d: Date) => d.toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });

const STATE_COLOUR: Record<SignatureRequestState, 'blue' | 'yellow' | 'green' | 'red' | 'grey'> = {
  awaiting_leader: 'blue',
  awaiting_seal: 'yellow',
  completed: 'green',
  returned: 'red',
  cancelled: 'grey',
};

export function stateTag(ctx: PageContext, state: SignatureRequestState): SafeHtml {
  return tag(ctx.t(`sigreq.state.${state}`), STATE_COLOUR[state]);
}

export function requestListPage(
  ctx: PageContext,
  options: { rows: readonly SignatureRequestListItem[]; canSubmit: boolean },
): SafeHtml {
  const { t } = ctx;
  return html`<h1>${t('sigreq.listTitle')}</h1>
${options.canSubmit ? html`<p><a class="button button--primary" href="/trinh-ky/moi">${t('sigreq.new')}</a></p>` : ''}
${
  options.rows.length === 0
    ? html`<p>${t('sigreq.none')}</p>`
    : table({
        head: [
          t('sigreq.document'),
          t('sigreq.unit'),
          t('sigreq.signer.name'),
          t('sigreq.state'),
          t('sigreq.createdAt'),
        ],
        rows: options.rows.map((r) => [
          html`<a href="/trinh-ky/${r.id}">${r.title}</a>`,
          r.unitName,
          r.signerName,
          stateTag(ctx, r.state),
          dateTime(r.created_at),
        ]),
      })
}`;
}

export interface NewRequestValues {
  readonly unit?: string | undefined;
  readonly title?: string | undefined;
  readonly signer?: string | undefined;
  readonly needsSeal?: boolean | undefined;
  readonly page?: string | undefined;
}

export function newRequestPage(
  ctx: PageContext,
  options: {
    units: readonly { id: string; name: string }[];
    signers: readonly UnitSigner[];
    values: NewRequestValues;
    errors?: FieldErrors;
    message?: string | undefined;
  },
): SafeHtml {
  const { t } = ctx;
  const v = options.values;
  const e = options.errors ?? {};
  const labels = {
    unit: t('sigreq.unit'),
    title: t('sigreq.titleField'),
    pdf: t('sigreq.pdf'),
    signer: t('sigreq.signer'),
    page: t('sigreq.page'),
  };
  const known = Object.fromEntries(Object.entries(e).filter(([name]) => name in labels));
  return html`<p><a href="/trinh-ky">${t('common.back')}</a></p>
<h1>${t('sigreq.newTitle')}</h1>
${errorSummary(ctx, { message: options.message, fields: known, labels })}
${
  options.units.length > 1
    ? html`<form method="get" action="/trinh-ky/moi" class="form-group">
  ${select(ctx, { name: 'unit', label: labels.unit, options: options.units.map((u) => ({ value: u.id, label: u.name })), ...(v.unit ? { value: v.unit } : {}) })}
  ${button(t('common.save'), { variant: 'secondary' })}
</form>`
    : ''
}
<form method="post" action="/trinh-ky/moi" enctype="multipart/form-data" novalidate>
  ${csrfField(ctx)}
  <input type="hidden" name="unit" value="${v.unit ?? ''}">
  ${textInput(ctx, { name: 'title', label: labels.title, value: v.title, error: e.title, isRequired: true })}
  <div class="form-group${e.pdf ? ' form-group--error' : ''}">
    <label class="label" for="pdf">${labels.pdf}</label>
    <div class="hint" id="pdf-hint">${t('sigreq.pdfHint')}</div>
    ${e.pdf ? html`<p class="error-message" id="pdf-error">${t(`field.${e.pdf === 'tooLarge' ? 'tooLarge' : e.pdf === 'required' ? 'required' : 'pdfInvalid'}`)}</p>` : ''}
    <input class="file-upload" type="file" id="pdf" name="pdf" accept="application/pdf" aria-describedby="pdf-hint">
  </div>
  ${
    options.signers.length === 0
      ? html`<p class="error-message" id="signer">${t('sigreq.noSigners')}</p>`
      : select(ctx, {
          name: 'signer',
          label: labels.signer,
          options: options.signers.map((s) => ({ value: s.staffId, label: `${s.fullName} — ${s.title}` })),
          ...(v.signer ? { value: v.signer } : {}),
          ...(e.signer ? { error: e.signer } : {}),
        })
  }
  <div class="form-group">
    <input type="checkbox" id="needsSeal" name="needsSeal" value="yes"${v.needsSeal === false ? '' : html` checked`}>
    <label for="needsSeal">${t('sigreq.needsSeal')}</label>
  </div>
  ${textInput(ctx, { name: 'page', label: labels.page, value: v.page, error: e.page, hint: t('sigreq.pageHint'), inputmode: 'numeric', width: 'third' })}
  ${button(t('sigreq.submit'))}
</form>`;
}

/**
 * A signing form's error for the page, in the page's language: field errors keyed by input name (pin, otp,
 * requests…) and a summary message by error code (the use cases' messages are English, for the API log).
 */
export function signingProblem(
  ctx: PageContext,
  error: AppError | undefined,
): { errors: FieldErrors; message: string | undefined } {
  if (!error) {
    return { errors: {}, message: undefined };
  }
  const fields = error.fields ?? {};
  const errors: Record<string, string> = {};
  for (const [name, code] of Object.entries(fields)) {
    if (name === 'PIN' || name === 'OTP') {
      errors[name.toLowerCase()] = name;
    } else if (name !== 'remaining' && name !== 'idempotencyKey') {
      errors[name] = code;
    }
  }
  const { t } = ctx;
  const message =
    error.code === 'INVALID_CREDENTIALS'
      ? t('sigreq.problem.credentials', { remaining: fields.remaining ?? '?' })
      : error.code === 'ACCOUNT_LOCKED'
        ? t('sigreq.problem.locked')
        : error.code === 'INVALID_STATE'
          ? t(/certificate/.test(error.message) ? 'sigreq.problem.noCredential' : 'sigreq.problem.state')
          : fields.idempotencyKey
            ? t('sigreq.problem.reload')
            : Object.keys(errors).length > 0
              ? undefined
              : error.message;
  return { errors, message };
}

/** PIN + one-time code + the form's idempotency key: the body of every signing form. */
export function signingFields(ctx: PageContext, errors: FieldErrors = {}): SafeHtml {
  const { t } = ctx;
  return html`<input type="hidden" name="idempotencyKey" value="${randomBytes(16).toString('base64url')}">
${textInput(ctx, { name: 'pin', label: t('sigreq.pin'), type: 'password', autocomplete: 'off', inputmode: 'numeric', width: 'third', isRequired: true, error: errors.pin ? 'PIN' : undefined })}
${textInput(ctx, { name: 'otp', label: t('sigreq.otp'), hint: t('sigreq.otpHint'), autocomplete: 'one-time-code', inputmode: 'numeric', width: 'third', isRequired: true, spellcheck: false, error: errors.otp ? 'OTP' : undefined })}
<p class="hint">${t('sigreq.retryHint')}</p>`;
}

/** Signing or sealing one request from its page; the answer comes back to the page. */
function oneRequestForm(
  ctx: PageContext,
  o: { action: string; id: string; title: string; label: string; errors: FieldErrors | undefined },
): SafeHtml {
  return html`<h2>${o.title}</h2>
<form method="post" action="${o.action}" novalidate>
  ${csrfField(ctx)}
  <input type="hidden" name="ids" value="${o.id}">
  <input type="hidden" name="back" value="/trinh-ky/${o.id}">
  ${signingFields(ctx, o.errors)}
  ${button(o.label)}
</form>`;
}

function placementSketch(ctx: PageContext, request: { placement: SignaturePlacement }): SafeHtml {
  const p = request.placement;
  const w = Math.round(p.pageWidth);
  const h = Math.round(p.pageHeight);
  const rect = (b: { x: number; y: number; width: number; height: number }, colour: string, label: string) =>
    html`<rect x="${Math.round(b.x)}" y="${Math.round(h - b.y - b.height)}" width="${Math.round(b.width)}" height="${Math.round(b.height)}" fill="${colour}" fill-opacity="0.25" stroke="${colour}" stroke-width="3"/><text x="${Math.round(b.x + 6)}" y="${Math.round(h - b.y - b.height / 2)}" font-size="${Math.max(10, Math.round(b.height / 4))}" fill="${colour}">${label}</text>`;
  const alt = ctx.t('sigreq.placementAlt', { page: p.leader.page });
  return html`<figure class="form-group">
<figcaption>${ctx.t('sigreq.placement', { page: p.leader.page, pages: p.pageCount })}</figcaption>
<svg role="img" aria-label="${alt}" viewBox="0 0 ${w} ${h}" width="180" height="${Math.round((180 * h) / Math.max(1, w))}"><title>${alt}</title><rect x="0" y="0" width="${w}" height="${h}" fill="#fff" stroke="#505a5f" stroke-width="3"/>${rect(p.leader, '#1d70b8', ctx.t('sigreq.leaderBox'))}${p.seal && p.seal.page === p.leader.page ? rect(p.seal, '#d4351c', ctx.t('sigreq.sealBox')) : ''}</svg>
</figure>`;
}

export function requestDetailPage(
  ctx: PageContext,
  options: {
    detail: Awaited<ReturnType<typeof getSignatureRequest>>;
    pdfSize: number;
    errors?: FieldErrors;
    message?: string | undefined;
  },
): SafeHtml {
  const { t } = ctx;
  const { detail } = options;
  const r = detail.request;
  const item = (label: string, value: SafeHtml | string) =>
    html`<div><dt>${label}</dt><dd>${value}</dd></div>`;
  const size = `${Math.max(1, Math.round(options.pdfSize / 1024))} KB`;
  return html`<p><a href="/trinh-ky">${t('common.back')}</a></p>
<h1>${r.title}</h1>
${errorSummary(ctx, { message: options.message })}
<dl class="summary-list">
${item(t('sigreq.state'), stateTag(ctx, r.state))}
${item(t('sigreq.unit'), detail.unit.name)}
${item(t('sigreq.signer.name'), detail.signerName)}
${item(t('sigreq.createdAt'), dateTime(r.created_at))}
${r.return_reason ? item(t('sigreq.returnReason'), r.return_reason) : ''}
${item(t('sigreq.document'), html`<a href="/trinh-ky/${r.id}/van-ban.pdf">${t('sigreq.download', { size })}</a>`)}
${r.state === 'completed' ? item(t('sigreq.verifyLink'), html`<a href="/xac-minh/${r.id}">/xac-minh/${r.id}</a>`) : ''}
</dl>
${placementSketch(ctx, r)}
${
  detail.canSign
    ? html`${oneRequestForm(ctx, { action: '/ky-duyet', id: r.id, title: t('sigreq.signTitle'), label: t('sigreq.signButton'), errors: options.errors })}
<details class="form-group">
  <summary>${t('sigreq.returnTitle')}</summary>
  <form method="post" action="/trinh-ky/${r.id}/tra-lai" novalidate>
    ${csrfField(ctx)}
    <div class="form-group">
      <label class="label" for="reason">${t('sigreq.returnReason')}</label>
      <textarea class="textarea" id="reason" name="reason" rows="3"></textarea>
    </div>
    ${button(t('sigreq.returnButton'), { variant: 'warning' })}
  </form>
</details>`
    : ''
}
${
  detail.canSeal
    ? oneRequestForm(ctx, {
        action: '/dong-dau',
        id: r.id,
        title: t('sigreq.sealTitle'),
        label: t('sigreq.sealButton'),
        errors: options.errors,
      })
    : ''
}
${
  detail.canCancel
    ? html`<form method="post" action="/trinh-ky/${r.id}/huy" class="form-group">${csrfField(ctx)}${button(t('sigreq.cancelButton'), { variant: 'secondary' })}</form>`
    : ''
}
<h2>${t('sigreq.history')}</h2>
${table({
  head: [t('sigreq.when'), t('sigreq.stepColumn'), t('sigreq.who'), t('sigreq.note')],
  rows: detail.events.map((e) => [
    dateTime(e.at),
    t(`sigreq.step.${e.step}`),
    e.staffName ?? '',
    e.note ?? '',
  ]),
})}`;
}

export function queuePage(
  ctx: PageContext,
  options: {
    kind: 'leader' | 'seal';
    rows: readonly SignatureRequestListItem[];
    errors?: FieldErrors;
    message?: string | undefined;
    status?: number;
  },
): SafeHtml {
  const { t } = ctx;
  const isLeader = options.kind === 'leader';
  const title = t(isLeader ? 'sigreq.queueTitle' : 'sigreq.sealQueueTitle');
  const totpLink = html`<p><a href="/ky-so/otp">${t('totp.link')}</a></p>`;
  if (options.rows.length === 0) {
    return html`<h1>${title}</h1>${errorSummary(ctx, { message: options.message })}<p>${t(isLeader ? 'sigreq.queueEmpty' : 'sigreq.sealQueueEmpty')}</p>${totpLink}`;
  }
  const labels = { requests: t('sigreq.document'), pin: t('sigreq.pin'), otp: t('sigreq.otp') };
  const fieldErrors = Object.fromEntries(
    Object.entries(options.errors ?? {}).filter(([name]) => name in labels),
  );
  return html`<h1>${title}</h1>
${errorSummary(ctx, { message: options.message, fields: fieldErrors, labels })}
<form method="post" action="${isLeader ? '/ky-duyet' : '/dong-dau'}" novalidate>
  ${csrfField(ctx)}
  <p class="hint" id="requests">${t('sigreq.maxBatch', { max: 50 })}</p>
  ${table({
    head: [
      t('sigreq.select'),
      t('sigreq.document'),
      t('sigreq.unit'),
      isLeader ? t('sigreq.createdAt') : t('sigreq.signer.name'),
    ],
    rows: options.rows.map((r) => [
      html`<input type="checkbox" id="r-${r.id}" name="ids" value="${r.id}"><label for="r-${r.id}" class="visually-hidden">${t('sigreq.selectLabel', { title: r.title })}</label>`,
      html`<a href="/trinh-ky/${r.id}">${r.title}</a>`,
      r.unitName,
      isLeader ? dateTime(r.created_at) : r.signerName,
    ]),
  })}
  ${signingFields(ctx, options.errors)}
  ${button(t(isLeader ? 'sigreq.signSelected' : 'sigreq.sealSelected'))}
</form>
${totpLink}`;
}

/** The receiving officer signs a dossier's BM.01 receipt (issue 6 §4), or downloads it once signed. */
export function receiptSigningPage(
  ctx: PageContext,
  options: { code: string; isSigned: boolean; errors?: FieldErrors; message?: string | undefined },
): SafeHtml {
  const { t } = ctx;
  const base = `/ho-so/${encodeURIComponent(options.code)}`;
  return html`<p><a href="${base}/bien-nhan">${t('common.back')}</a></p>
<h1>${t('sigreq.receiptTitle', { code: options.code })}</h1>
${errorSummary(ctx, { message: options.message ?? (options.errors?.signer ? t('sigreq.problem.noCredential') : undefined) })}
${
  options.isSigned
    ? html`<p>${t('sigreq.receiptSigned')}</p><p><a class="button" href="${base}/bien-nhan-da-ky.pdf">${t('sigreq.receiptDownload')}</a></p>`
    : html`<p>${t('sigreq.receiptIntro')}</p>
<form method="post" action="${base}/bien-nhan/ky-so" novalidate>
  ${csrfField(ctx)}
  ${signingFields(ctx, options.errors)}
  ${button(t('sigreq.receiptSignButton'))}
</form>`
}`;
}
