import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.SK_CHROMIUM ?? '/usr/bin/chromium';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface GuardedPage {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Requests to anything but the test server, all aborted. */
  blocked: string[];
  /** Errors the page threw or logged. */
  errors: string[];
}

/**
 * Debian's chromium driven by playwright-core, with every request that does not go to `origin`
 * aborted and recorded, so a test can assert that nothing left the machine.
 */
export async function launchBrowser(origin: string): Promise<GuardedPage> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  // bypassCSP only lets the test inject axe-core; the page's own CSP still applies to the app.
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, serviceWorkers: 'block', bypassCSP: true });
  const blocked: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return { browser, context, page, blocked, errors };
}
