// Type-safe server-side templates without a build step: components are typed functions returning
// `SafeHtml`, built with the `html` tag, which escapes every interpolated value unless it is already
// SafeHtml. Node runs the TypeScript directly (no JSX transform needed), see ARCHITECTURE.md.

export class SafeHtml {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

function render(value: HtmlValue): string {
  if (value instanceof SafeHtml) {
    return value.value;
  }
  if (Array.isArray(value)) {
    return value.map(render).join('');
  }
  if (value === null || value === undefined || value === false || value === true) {
    return '';
  }
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) {
    out += render(values[i] as HtmlValue) + (strings[i + 1] ?? '');
  }
  return new SafeHtml(out);
}

/** Trusted markup that is already HTML (e.g. a message containing a `<strong>` we wrote ourselves). */
export function unsafeRaw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}
