// A real browser for UI tests: Debian's chromium through playwright-core (no downloaded browsers), and
// axe-core's WCAG 2.2 AA rules run inside a page. Callers check `requireTool(t, CHROMIUM, 'chromium')` first.
import { createRequire } from 'node:module';
import { type Browser, chromium, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

const axeSource: string = createRequire(import.meta.url)('axe-core').source;

/** Headless chromium with the flags this sandbox needs (no background connections to a closed network). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

type Violation = { id: string; help: string; nodes: unknown[] };

/**
 * The page's axe-core violations of WCAG 2.0–2.2 A/AA, one line each (`id: help (nodes)`); [] when none.
 * The page's context needs `bypassCSP: true`: our CSP forbids the injected script, as it should.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (o: unknown) => Promise<{ violations: unknown }> } })
      .axe;
    return axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
  });
  return (result.violations as Violation[]).map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
}

/**
 * The axe-core violations of a page loaded without JavaScript: its current HTML (open <details> included)
 * is replayed in a second, script-enabled page of the same browser, where axe can run.
 */
export async function axeViolationsOfNoScriptPage(browser: Browser, page: Page): Promise<string[]> {
  const html = await page.content();
  const probe = await browser.newContext({ bypassCSP: true });
  try {
    const probePage = await probe.newPage();
    await probePage.route('**/*', (route) =>
      route.request().url().endsWith('/assets/xaso.css')
        ? route.continue()
        : route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }),
    );
    await probePage.goto(page.url());
    return await axeViolations(probePage);
  } finally {
    await probe.close();
  }
}

/** Asserts no axe-core violations on what `page` (loaded without JavaScript) shows. */
export async function assertNoAxeViolations(browser: Browser, page: Page, label: string): Promise<void> {
  const violations = await axeViolationsOfNoScriptPage(browser, page);
  if (violations.length > 0) {
    throw new Error(`${label}: ${violations.join('; ')}`);
  }
}
