// The pdf library and the pdf CLI use the pki library through its entry point only (issue 3): its
// internals can change without breaking them.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';

const root = new URL('../../../', import.meta.url);

function sources(dir: string): string[] {
  return readdirSync(new URL(dir, root), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .map((file) => `${dir}/${file}`);
}

test('src/lib/pdf and the pdf CLI import pki only from src/lib/pki/index.ts', () => {
  const files = [...sources('src/lib/pdf'), 'src/cli/pdf-command.ts'];
  assert.ok(files.length > 20);
  const offenders: string[] = [];
  for (const file of files) {
    const text = readFileSync(new URL(file, root), 'utf8');
    for (const [, specifier] of text.matchAll(/from '([^']*\/pki\/[^']*)'/g)) {
      if (!specifier!.endsWith('/pki/index.ts')) {
        offenders.push(`${file}: ${specifier}`);
      }
    }
  }
  assert.deepEqual(offenders, []);
});
