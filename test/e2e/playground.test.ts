import { mkdirSync, copyFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { createTranslator, type Locale } from '../../src/taskpane/i18n/createTranslator';
import { buildPlayground } from './support/buildPlayground';
import { launchBrowser, type GuardedPage } from './support/launchBrowser';
import { serveStatic } from './support/serveStatic';

const ROOT = resolve(__dirname, '../..');
const SHOTS = join(ROOT, 'test-results/e2e');
const AXE = require.resolve('axe-core/axe.min.js');
const USER_SHEETS = ['Customers', 'Orders', 'Tickets'];

let dist: string;
let server: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  dist = buildPlayground();
  server = await serveStatic(dist);
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await server?.close();
});

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: { target: string[] }[];
}

/** Serious and critical axe violations on the page as it is now. */
async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations;
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** FNV-1a over the user's own cells (the original used ranges), to prove none changed. */
async function userCellsHash(page: Page, ranges: Record<string, string>): Promise<string> {
  return page.evaluate((r) => {
    const wb = (window as unknown as { __skWorkbook: { values(sheet: string, address: string): unknown[][] } }).__skWorkbook;
    let h = 0x811c9dc5;
    for (const [sheet, address] of Object.entries(r)) {
      const text = JSON.stringify(wb.values(sheet, address));
      for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    }
    return (h >>> 0).toString(16);
  }, ranges);
}

async function step(g: GuardedPage, name: string, locale: Locale, keep?: string) {
  const file = join(SHOTS, `${locale}-${name}.png`);
  await g.page.screenshot({ path: file, fullPage: false });
  if (keep) copyFileSync(file, join(ROOT, 'assets/screenshots', keep));
  expect([name, await axeViolations(g.page)]).toEqual([name, []]);
}

async function fullFlow(locale: Locale, keepShots: boolean) {
  const { t } = createTranslator(locale);
  const g = await launchBrowser(server.url);
  const { page } = g;
  try {
    await page.goto(`${server.url}/playground.html?lang=${locale}`);
    const data = page.getByTestId('cell-data');
    await data.getByRole('button', { name: t('data.detect') }).waitFor();
    expect(await page.getByLabel(t('data.kind.orders')).inputValue()).toBe('Orders');
    expect(await page.getByLabel(t('data.kind.customers')).inputValue()).toBe('Customers');
    expect(await page.getByLabel(t('data.kind.tickets')).inputValue()).toBe('Tickets');
    await page.getByRole('table', { name: t('data.preview', { name: 'Orders' }) }).waitFor();
    const original = await page.evaluate((sheets) => {
      const wb = (window as unknown as { __skWorkbook: { usedAddress(s: string): string } }).__skWorkbook;
      return Object.fromEntries(sheets.map((s) => [s, wb.usedAddress(s).split('!')[1]]));
    }, USER_SHEETS);
    const before = await userCellsHash(page, original);
    await step(g, '1-data', locale);

    // Keyboard only: Tab from the top of the page to the step's button, then Enter.
    let onDetect = false;
    for (let i = 0; i < 40 && !onDetect; i++) {
      await page.keyboard.press('Tab');
      onDetect = await page.evaluate((label) => document.activeElement?.textContent === label, t('data.detect'));
    }
    expect(onDetect).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="cell-data"][data-status="done"]', { timeout: 60000 });
    const columns = page.getByTestId('cell-columns');
    expect(await columns.getByRole('combobox', { name: t('columns.roleFor', { column: 'order_date' }) }).first().textContent()).toContain('transaction date');
    expect(await columns.getByRole('combobox', { name: t('columns.roleFor', { column: 'amount' }) }).first().textContent()).toContain('amount');
    expect(await columns.getByRole('combobox', { name: t('columns.roleFor', { column: 'signup_date' }) }).first().textContent()).toContain('signup');
    await columns.scrollIntoViewIfNeeded();
    await step(g, '2-columns', locale, keepShots ? 'columns.png' : undefined);

    const models = page.getByTestId('cell-models');
    await models.getByRole('switch', { name: t('model.kmeans') }).check();
    await models.getByRole('switch', { name: t('model.lifecycle') }).check();
    expect(await models.getByRole('switch', { name: t('model.rfm') }).isChecked()).toBe(true);
    await models.getByRole('radio', { name: t('settings.kAuto') }).waitFor();
    expect(await models.getByRole('radio', { name: t('settings.kAuto') }).isChecked()).toBe(true);
    await models.getByRole('button', { name: t('models.run') }).click();
    await page.waitForSelector('[data-testid="cell-models"][data-status="done"]', { timeout: 180000 });

    const results = page.getByTestId('cell-results');
    const tabs = results.getByRole('tab');
    expect(await tabs.count()).toBe(3);
    for (const [i, kind] of (['rfm', 'lifecycle', 'kmeans'] as const).entries()) expect(await tabs.nth(i).getAttribute('value')).toBe(kind);
    for (const kind of ['rfm', 'lifecycle', 'kmeans'] as const) await results.getByRole('tab', { name: t(`model.${kind}`), exact: true }).waitFor();
    const firstSegment = results.getByRole('button', { name: new RegExp(`^${escapeRegExp(t('results.open', { segment: 'XXX' })).replace('XXX', '.+')}$`) }).first();
    const segmentName = (await firstSegment.textContent())!;
    // Keyboard, as a keyboard-only user would open it.
    await firstSegment.focus();
    await page.keyboard.press('Enter');
    const drill = page.getByTestId('drilldown');
    await drill.getByRole('cell').first().waitFor();
    expect(await drill.textContent()).toContain(segmentName);
    await results.scrollIntoViewIfNeeded();
    await step(g, '4-results', locale, keepShots ? 'results.png' : undefined);
    await tabs.nth(2).click();
    await results.getByRole('img', { name: t('chart.silhouette') }).waitFor();
    await step(g, '4-results-kmeans', locale);

    const write = page.getByTestId('cell-write');
    await write.getByRole('button', { name: t('write.go') }).click();
    await page.waitForSelector('[data-testid="cell-write"][data-status="done"]', { timeout: 120000 });
    expect(await page.getByTestId('write-report').textContent()).toContain('SK · RFM segment');
    await write.scrollIntoViewIfNeeded();
    await page.getByLabel('Customers cells').evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
    await step(g, '5-written', locale, keepShots ? 'write-back.png' : undefined);

    const after = await page.evaluate(() => {
      const wb = (window as unknown as { __skWorkbook: { sheetNames(): string[]; values(s: string, a: string): unknown[][]; usedAddress(s: string): string } }).__skWorkbook;
      const used = wb.usedAddress('Customers').split('!')[1];
      return { sheets: wb.sheetNames(), header: wb.values('Customers', used.replace(/\d+$/, '1')), rows: Number(used.replace(/^.*?(\d+)$/, '$1')) };
    });
    expect(after.sheets).toEqual(expect.arrayContaining([...USER_SHEETS, 'SK rfm', 'SK lifecycle', 'SK kmeans']));
    expect(after.header[0]).toEqual(expect.arrayContaining(['SK · RFM segment', 'SK · Lifecycle segment', 'SK · Clusters segment']));
    expect(after.rows).toBe(2001);
    expect(await userCellsHash(page, original)).toBe(before);

    await page.getByRole('tab', { name: 'Customers' }).click();
    await page.getByTestId('workbook-grid').getByText('SK · RFM segment').waitFor();
    expect(g.errors).toEqual([]);
    expect(g.blocked).toEqual([]);
  } finally {
    await g.browser.close();
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test('full flow in English: detect, RFM + k-means (auto k) + lifecycle, drill down, write back; nothing else touched or fetched', async () => {
  await fullFlow('en', true);
});

test('the same flow in German', async () => {
  await fullFlow('de', false);
});
