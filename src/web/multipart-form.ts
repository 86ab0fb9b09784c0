// Reading the dossier forms posted as multipart/form-data (counter, online, kiosk).

/** A text field of the form, bounded; undefined when absent or not text. */
export function formText(value: unknown, max = 500): string | undefined {
  return typeof value === 'string' ? value.slice(0, max) : undefined;
}

/** The files of one `file-<n>` field: a browser sends an empty part for an empty file input. */
export function filesOf(value: unknown): Uint8Array[] {
  const all = Array.isArray(value) ? value : [value];
  return all.filter((v): v is Buffer => Buffer.isBuffer(v) && v.length > 0).map((b) => new Uint8Array(b));
}

/** The documents ticked (`doc-<n>` boxes), as indexes in the procedure's list. */
export function documentIndexesOf(body: Readonly<Record<string, unknown>>): number[] {
  return Object.keys(body)
    .map((key) => /^doc-(\d{1,3})$/.exec(key)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number);
}
