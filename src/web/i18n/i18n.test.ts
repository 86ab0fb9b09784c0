// The message catalogues: each key is written once in Vietnamese and once in English, so no area's
// catalogue silently overrides another's when vi.ts and en.ts spread them together.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { en } from './en.ts';
import { vi } from './vi.ts';

const dir = new URL('.', import.meta.url);
const KEY = /^ {2}'([^']+)':/gm;

/** Every key written in the catalogue files of one language, with the file it is written in. */
function writtenKeys(language: 'vi' | 'en'): { key: string; file: string }[] {
  return readdirSync(dir)
    .filter((file) => file === `${language}.ts` || file.endsWith(`.${language}.ts`))
    .flatMap((file) =>
      [...readFileSync(new URL(file, dir), 'utf8').matchAll(KEY)].map((m) => ({ key: m[1] ?? '', file })),
    );
}

for (const [language, messages] of [
  ['vi', vi],
  ['en', en],
] as const) {
  test(`${language}: each key is written in one catalogue file only, and every one reaches the messages`, () => {
    const written = writtenKeys(language);
    const seen = new Map<string, string>();
    const twice = written.filter(({ key, file }) => {
      const first = seen.get(key);
      seen.set(key, first ?? file);
      return first !== undefined;
    });
    assert.deepEqual(
      twice.map(({ key, file }) => `${key} (${seen.get(key)} and ${file})`),
      [],
    );
    assert.deepEqual([...seen.keys()].sort(), Object.keys(messages).sort());
  });
}

test('Vietnamese and English have the same keys', () => {
  assert.deepEqual(Object.keys(en).sort(), Object.keys(vi).sort());
});
