// `npm run bench -- <name>` runs bench/<name>.ts in its own process: each benchmark prints a readable
// table, then as its last line one JSON object with its figures and the baseline measured in the same run.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const available = readdirSync(dir)
  .filter((file) => file.endsWith('.ts') && file !== 'run.ts' && !file.startsWith('_'))
  .map((file) => file.slice(0, -3));
const name = process.argv[2];
if (!name || !existsSync(`${dir}${name}.ts`)) {
  console.error(`usage: npm run bench -- <name>   (available: ${available.join(', ') || 'none'})`);
  process.exit(2);
}
const run = spawnSync(process.execPath, [`${dir}${name}.ts`, ...process.argv.slice(3)], { stdio: 'inherit' });
process.exit(run.status ?? 1);
