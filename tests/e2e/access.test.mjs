// Sign-in and row-level access in a real browser: a rep signs in through the form and finds no trace of
// another rep's deal or account in the pages, the API (with the page's cookie), the chat or an export; an
// admin finds them all; signing out ends the session.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { screenshot, useAppInBrowser } from './support/app.mjs';
import { askInChat, downloadOf } from './support/checks.mjs';
import { scopeCase } from './support/demo_data.mjs';

const REP = { name: 'rep1', password: 'rep1-password', role: 'rep' };
const ADMIN = { name: 'boss', password: 'boss-password', role: 'admin' };

let other; // {agentA, agentB, deal, account}: rep1 is agentA; the deal and account are agentB's

const session = useAppInBrowser({
  users: (dataDir) => {
    other = scopeCase(dataDir);
    return [{ ...REP, salesAgent: other.agentA }, ADMIN];
  },
});

//! Signs in through the page's form as `user`; waits until the header names them.
async function signIn(page, user) {
  await page.getByTestId('signin-user').fill(user.name);
  await page.getByTestId('signin-password').fill(user.password);
  await page.getByTestId('signin-submit').click();
  await page.getByTestId('current-user').filter({ hasText: user.name }).waitFor();
}

//! The status of GET `path` with the page's cookie, and its body text.
async function apiGet(page, path) {
  const response = await page.request.get(`${session.app.url}${path}`);
  return { status: response.status(), text: await response.text() };
}

//! The text of the chat's answer to `question`, in a new conversation.
async function chatAnswer(page, question) {
  await page.goto(`${session.app.url}/#/chat`);
  await page.getByTestId('chat-new-thread').click();
  return (await askInChat(page, question)).innerText();
}

//! The CSV of the open deals (the top_opportunities insight's export) with the page's cookie.
const openDealsCsv = (page) => apiGet(page, '/api/v1/insights/top_opportunities/export?format=csv&top=100000');

test('the sign-in form turns a wrong password away and signs a rep in', async () => {
  const { page } = session.browser;
  await page.goto(`${session.app.url}/#/dashboard`);
  await page.getByTestId('signin-submit').waitFor();
  await screenshot(page, 'signin');
  await page.getByTestId('signin-user').fill(REP.name);
  await page.getByTestId('signin-password').fill('not-the-password');
  await page.getByTestId('signin-submit').click();
  await page.locator('.signin [role="alert"]').filter({ hasText: /\S/ }).waitFor();
  assert.equal(await page.getByTestId('current-user').count(), 0);
  await signIn(page, REP);
});

test("a rep's pages show none of another rep's deals or accounts", async () => {
  const { page } = session.browser;
  await page.goto(`${session.app.url}/#/dashboard`);
  await page.waitForFunction(() => document.querySelector('.dashboard')
    && document.querySelectorAll('.dashboard [aria-busy="true"]').length === 0);
  const tables = page.getByTestId('data-table');
  const atRisk = await tables.and(page.locator('[data-table-name="at_risk_deals"]')).innerText();
  assert.ok(!atRisk.includes(other.deal) && !atRisk.includes(other.agentB));
  const leaderboard = await tables.and(page.locator('[data-table-name="leaderboard"]')).innerText();
  assert.ok(leaderboard.includes(other.agentA));
  assert.ok(!leaderboard.includes(other.agentB));

  await page.goto(`${session.app.url}/#/account/${encodeURIComponent(other.account)}`);
  await page.locator('.account-page [role="alert"]').waitFor();
  assert.equal(await page.getByTestId('account-summary').count(), 0);
});

test("the API, with the rep's cookie, answers as if the other rep's deal did not exist", async () => {
  const { page } = session.browser;
  assert.equal((await apiGet(page, `/api/v1/opportunities/${other.deal}`)).status, 404);
  const search = await apiGet(page, `/api/v1/search?q=${encodeURIComponent(other.account)}`);
  assert.equal(search.status, 200);
  for (const hit of JSON.parse(search.text).results) {
    assert.ok(hit.id !== other.account && !hit.title.includes(other.account), JSON.stringify(hit));
  }
});

test("the chat tells a rep nothing of the other rep's account or deal", async () => {
  const { page } = session.browser;
  for (const question of [`summarize ${other.account}`, `show me opportunity ${other.deal}`]) {
    const answer = await chatAnswer(page, question);
    assert.ok(!answer.includes(other.account) && !answer.includes(other.agentB), `${question}: ${answer}`);
  }
});

test("a rep's exports leave the other rep's deal out", async () => {
  const { page } = session.browser;
  await page.goto(`${session.app.url}/#/dashboard`);
  const block = page.locator('.table-block').filter({ has: page.locator('[data-table-name="at_risk_deals"]') });
  await block.locator('.export-menu > summary').click();
  const csv = (await downloadOf(page, () => block.getByTestId('export-csv').click())).bytes.toString('utf8');
  assert.ok(csv.includes(other.agentA));
  assert.ok(!csv.includes(other.deal) && !csv.includes(other.agentB));
  const open = await openDealsCsv(page);
  assert.equal(open.status, 200);
  assert.ok(!open.text.includes(other.deal) && !open.text.includes(other.account));
});

test('signing out ends the session', async () => {
  const { page } = session.browser;
  await page.getByTestId('signout').click();
  await page.getByTestId('signin-submit').waitFor();
  assert.equal((await apiGet(page, '/api/v1/session')).status, 401);
  assert.equal((await apiGet(page, `/api/v1/opportunities/${other.deal}`)).status, 401);
});

test("an admin sees the other rep's deal and account everywhere", async () => {
  const { page } = session.browser;
  await signIn(page, ADMIN);
  const deal = await apiGet(page, `/api/v1/opportunities/${other.deal}`);
  assert.equal(deal.status, 200);
  assert.ok(deal.text.includes(other.agentB));
  const search = JSON.parse((await apiGet(page, `/api/v1/search?q=${encodeURIComponent(other.account)}`)).text);
  assert.ok(search.results.some((hit) => hit.id === other.account));
  assert.ok((await openDealsCsv(page)).text.includes(other.deal));
  assert.ok((await chatAnswer(page, `summarize ${other.account}`)).includes(other.account));
  await page.goto(`${session.app.url}/#/account/${encodeURIComponent(other.account)}`);
  await page.getByTestId('account-summary').waitFor();
});
