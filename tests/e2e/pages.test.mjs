// The Models, Data and Account pages in a real browser: each page shows its parts, the email composer
// downloads an .eml, and an account whose name is markup is shown as text.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';

import { screenshot, useAppInBrowser } from './support/app.mjs';

const session = useAppInBrowser();

test('the models page shows a card per model with its calibration chart', async () => {
  const { page } = session.browser;
  await page.goto(`${session.app.url}/#/models`);
  await page.getByTestId('model-card').first().waitFor();
  assert.equal(await page.getByTestId('model-card').count(), 3);
  await page.getByTestId('calibration-chart').first().waitFor();
  assert.ok(await page.getByTestId('confusion-matrix').count() >= 1);
  const text = await page.locator('main').innerText();
  assert.match(text, /baseline/i);
  assert.match(text, /cannot know/);
  await screenshot(page, 'models');
});

test('the data page shows the import history with its cleaning report and the heatmap', async () => {
  const { page } = session.browser;
  await page.goto(`${session.app.url}/#/data`);
  const row = page.getByTestId('import-row').first();
  await row.waitFor();
  await row.locator(':scope > summary').click();
  await row.getByText('Files').first().waitFor();
  const heatmap = page.getByTestId('correlation-heatmap');
  await heatmap.waitFor();
  assert.ok(await heatmap.locator('.heatmap-cell').count() >= 25);
  assert.ok(await page.getByTestId('distribution-chart').count() >= 2);
  await screenshot(page, 'data');
});

test('the account page shows the summary, opportunities and an email preview that downloads as .eml',
  async () => {
    const { page, dialogs } = session.browser;
    await page.goto(`${session.app.url}/#/account/${encodeURIComponent(session.app.markupName)}`);
    await page.getByTestId('account-summary').waitFor();
    // The markup name is text: the heading says it, no image was made of it, no script ran.
    assert.equal(await page.locator('.account-page > h1').textContent(), session.app.markupName);
    assert.match(await page.getByTestId('account-summary').textContent(), /<img src=x onerror=alert\(1\)>/);
    assert.equal(await page.locator('img[src="x"]').count(), 0);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(await page.evaluate(() => window.cspViolations), []); // not even a blocked handler
    await page.getByTestId('account-health').waitFor();
    assert.ok(await page.getByTestId('account-opportunities').locator('tbody tr').count() >= 1);
    assert.ok(await page.getByTestId('similar-accounts').locator('a').count() >= 1);
    const pdf = await page.getByTestId('report-pdf').getAttribute('href');
    assert.equal(pdf, `/api/v1/accounts/${encodeURIComponent(session.app.markupName)}/report.pdf`);

    await page.getByTestId('email-type').selectOption('proposal');
    await page.getByTestId('email-tone').selectOption('friendly');
    await page.getByTestId('email-draft').click();
    await page.getByTestId('email-preview').getByText('Subject:').waitFor();
    await screenshot(page, 'account');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('email-download').click(),
    ]);
    assert.match(download.suggestedFilename(), /\.eml$/);
    const message = fs.readFileSync(await download.path(), 'utf8');
    assert.match(message, /^From: .*<[^>]+@crm-assistant\.invalid>\r\n/);
    assert.match(message, /\r\nSubject: .+\r\n/);
    assert.match(message, /\r\nContent-Type: text\/plain; charset=UTF-8\r\n/);
    assert.deepEqual(dialogs, []);
  });

test('a similar account links to its own page', async () => {
  const { page } = session.browser;
  await page.goto(`${session.app.url}/#/account/${encodeURIComponent(session.app.markupName)}`);
  const link = page.getByTestId('similar-accounts').locator('a').first();
  await link.waitFor();
  const name = await link.textContent();
  await link.click();
  await page.waitForFunction((expected) => document.querySelector('.account-page > h1')?.textContent === expected, name);
  await page.getByTestId('account-summary').waitFor();
});
