// `npm install` / `npm ci` run this (package.json "prepare"): it makes the empty PGlite cluster that new
// data folders and test databases load instead of running initdb (src/platform/db/pglite-template.ts),
// so the first `npm start` is ready in seconds. Failing here must not fail the install.
import { ensurePgliteTemplate, pgliteTemplateFile } from '../src/platform/db/pglite-template.ts';

try {
  await ensurePgliteTemplate();
  console.log(`xaso: embedded database template ready (${pgliteTemplateFile()})`);
} catch (error) {
  console.warn(
    `xaso: could not prepare the embedded database template (${String(error)}); initdb will run on first start`,
  );
}
