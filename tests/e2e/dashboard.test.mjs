// The dashboard in a real browser: every chart drawn without a console error or CSP violation, an office
// filter that changes the URL and the figures, and a table's CSV and XLSX exports.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { screenshot, useAppInBrowser } from './support/app.mjs';
import { chartState, downloadOf } from './support/checks.mjs';

const session = useAppInBrowser();

//! Waits until every panel and key figure of a newly drawn dashboard (not one marked data-old) is drawn;
//! the figures' text and the charts' data, to compare before and after a filter.
async function settled(page) {
  await page.waitForFunction(() => document.querySelector('.dashboard:not([data-old])')
    && document.querySelectorAll('.dashboard [aria-busy="true"]').length === 0
    && [...document.querySelectorAll('.kpi-value')].every((value) => value.textContent !== '…'));
  const kpis = await page.locator('.kpi-value').allTextContents();
  const charts = [];
  for (const canvas of await page.getByTestId('dashboard-chart').all()) charts.push(await chartState(canvas));
  return { kpis, charts };
}

test('the dashboard draws all its charts', async () => {
  const { page, errors } = session.browser;
  await page.goto(`${session.app.url}/#/dashboard`);
  const { charts } = await settled(page);
  assert.ok(charts.length >= 8, `${charts.length} charts`);
  for (const chart of charts) {
    assert.ok(chart.drawn && chart.painted, 'every chart is drawn on its canvas');
  }
  assert.equal(await page.locator('.dashboard .error').count(), 0);
  assert.deepEqual(errors, []);
  assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
  await screenshot(page, 'dashboard');
});

test('the first render comes within a second, and the local admin has nothing to sign out of', async () => {
  const { page } = session.browser;
  await page.goto(`${session.app.url}/#/dashboard`);
  await settled(page);
  const paint = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime);
  assert.ok(paint !== undefined && paint < 1000, `first contentful paint after ${paint} ms`);
  await page.getByTestId('current-user').filter({ hasText: 'local-admin' }).waitFor();
  assert.equal(await page.getByTestId('signout').count(), 0);
});

test('the dashboard fits a phone screen', async () => {
  const { page } = session.browser;
  await page.setViewportSize({ width: 390, height: 844 });
  try {
    await page.goto(`${session.app.url}/#/dashboard`);
    await settled(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `the page is ${overflow} px wider than the phone`);
    await screenshot(page, 'dashboard-phone');
  } finally {
    await page.setViewportSize({ width: 1280, height: 900 });
  }
});

test('an office filter goes into the URL and changes the figures', async () => {
  const { page, errors } = session.browser;
  await page.goto(`${session.app.url}/#/dashboard`);
  const all = await settled(page);
  const select = page.getByTestId('filter-regional_office');
  await select.locator('option:not([value=""])').first().waitFor({ state: 'attached' });
  const office = await select.locator('option:not([value=""])').first().getAttribute('value');
  await page.locator('.dashboard').evaluate((element) => { element.dataset.old = 'true'; });
  await select.selectOption(office);
  await page.waitForFunction((value) => new URLSearchParams(window.location.hash.split('?')[1]).get('regional_office')
    === value && document.querySelector('[data-testid="filter-regional_office"]')?.value === value, office);
  const filtered = await settled(page);
  assert.ok(filtered.charts.length >= 8);
  assert.notDeepEqual(filtered.kpis, all.kpis);
  assert.notDeepEqual(filtered.charts.map((c) => c.data), all.charts.map((c) => c.data));
  assert.deepEqual(errors, []);
  await screenshot(page, 'dashboard-filtered');
});

test("a table's CSV and XLSX exports download with their names and contents", async () => {
  const { page } = session.browser;
  await page.goto(`${session.app.url}/#/dashboard`);
  await settled(page);
  const insight = await (await page.request.get(`${session.app.url}/api/v1/insights/at_risk_deals`)).json();
  const table = insight.tables[0];
  const block = page.locator('.table-block').filter({ has: page.locator('[data-table-name="at_risk_deals"]') });
  const menu = block.locator('.export-menu > summary');

  await menu.click();
  const csv = await downloadOf(page, () => block.getByTestId('export-csv').click());
  assert.equal(csv.name, 'at-risk-deals.csv');
  const lines = csv.bytes.toString('utf8').replace(/^\uFEFF/, '').split('\r\n');
  assert.equal(lines[0], table.columns.join(','));
  assert.ok(lines[1].startsWith(`${table.rows[0][0]},`));

  await menu.click();
  const xlsx = await downloadOf(page, () => block.getByTestId('export-xlsx').click());
  assert.equal(xlsx.name, 'at-risk-deals.xlsx');
  assert.equal(xlsx.bytes.subarray(0, 2).toString('latin1'), 'PK');
});
