#!/usr/bin/env node
// The `xaso` command. The project runs on Node 24 (the `node` npm package); npm puts it first on PATH for
// `npx xaso` and npm scripts. Refuse clearly on an older Node instead of failing on TypeScript syntax.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(`xaso needs Node.js 24 (found ${process.versions.node}); run it through npx or npm scripts.`);
  process.exit(1);
}
const { runCli } = await import('../src/cli.ts');
const code = await runCli(process.argv.slice(2));
if (code >= 0) {
  process.exitCode = code;
}
