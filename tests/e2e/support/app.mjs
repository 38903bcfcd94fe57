// The e2e tests' world: a temporary store with small demo data (one account renamed to markup), imported
// and trained with the built CLI, optionally with users (then sign-in is required), `crm-assistant serve
// --port 0` on it, and Debian's chromium driven by playwright-core with a new empty profile. Screenshots
// go to $E2E_SCREENSHOTS.
//
//   startApp({opportunities, users}) → {url, markupName, dataDir, stop()}: the server is up; dataDir holds
//                   the demo CSV files it imported; stop() ends it and removes the store
//     users: [{name, password, role, salesAgent?, manager?}] added with `crm-assistant user add`, or a
//            function of dataDir that returns them (to pick people from the data)
//   useAppInBrowser(options) → {app, browser}: startApp and openBrowser before a file's tests, both
//                   stopped after them
//   openBrowser() → {context, page, dialogs, errors, close()}: a fresh profile; every JavaScript dialog is
//                   recorded in `dialogs` (and dismissed), every console error (but the session probe's
//                   404 or 401) and uncaught exception in `errors`, every Content-Security-Policy
//                   violation of a page in its window.cspViolations
//   screenshot(page, name) → saves $E2E_SCREENSHOTS/<name>.png (when the variable is set)
//
// Environment: CRM_CLI (the built crm-assistant, required), E2E_SCREENSHOTS (optional), CHROMIUM
// (default /usr/bin/chromium).

import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

export const MARKUP_NAME = '<img src=x onerror=alert(1)>';
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

//! The CLI to run; throws when it is not given.
function cli() {
  const binary = process.env.CRM_CLI;
  if (!binary || !fs.existsSync(binary)) throw new Error('set CRM_CLI to the built crm-assistant');
  return binary;
}

//! Runs the CLI with `args` (and `input` on its stdin); throws with its stderr when it fails.
function run(args, input = '') {
  try {
    return execFileSync(cli(), args, { encoding: 'utf8', input, stdio: ['pipe', 'pipe', 'pipe'] });
  } catch (error) {
    throw new Error(`crm-assistant ${args.join(' ')} failed: ${error.stderr || error.message}`);
  }
}

//! Renames the account `from` to `to` in every CSV of `folder` (whole fields only).
function renameAccount(folder, from, to) {
  for (const file of ['accounts.csv', 'sales_pipeline.csv', 'activities.csv']) {
    const file_path = path.join(folder, file);
    if (!fs.existsSync(file_path)) continue;
    const text = fs.readFileSync(file_path, 'utf8');
    const renamed = text.split('\n').map((line) => line.split(',').map((field) => (field === from ? to : field)).join(','));
    fs.writeFileSync(file_path, renamed.join('\n'));
  }
}

//! Waits for the "Serving on http://HOST:PORT" line of `server`; the URL.
function servingUrl(server) {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the server did not start: ${output}`)), 60000);
    const look = (chunk) => {
      output += chunk;
      const match = /Serving on (http:\/\/[^\s:]+:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    server.stdout.on('data', look);
    server.stderr.on('data', look);
    server.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}): ${output}`));
    });
  });
}

//! Adds `user` to the store of `db` (the --db arguments).
function addUser(db, { name, password, role, salesAgent, manager }) {
  const scope = [...(salesAgent ? ['--sales-agent', salesAgent] : []), ...(manager ? ['--manager', manager] : [])];
  run([...db, 'user', 'add', name, '--role', role, ...scope, '--password-stdin'], `${password}\n`);
}

export async function startApp({ opportunities = 600, users = [] } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-e2e-'));
  const demo = path.join(dir, 'demo');
  const db = ['--db', path.join(dir, 'crm.db')];
  run(['demo-data', '--out', demo, '--opportunities', String(opportunities), '--seed', '11']);
  const firstAccount = fs.readFileSync(path.join(demo, 'accounts.csv'), 'utf8').split('\n')[1].split(',')[0];
  renameAccount(demo, firstAccount, MARKUP_NAME);
  run([...db, 'import', demo]);
  run([...db, 'train']);
  for (const user of typeof users === 'function' ? users(demo) : users) addUser(db, user);
  const server = spawn(cli(), [...db, 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout.setEncoding('utf8');
  server.stderr.setEncoding('utf8');
  let url;
  try {
    url = await servingUrl(server);
  } catch (error) {
    server.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  server.removeAllListeners('exit');
  return {
    url,
    markupName: MARKUP_NAME,
    dataDir: demo,
    async stop() {
      if (server.exitCode === null) {
        const exited = new Promise((resolve) => server.once('exit', resolve));
        server.kill('SIGTERM');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
        if (server.exitCode === null) server.kill('SIGKILL');
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

// Starts the app (startApp's options) and a browser before a test file's tests and stops both after
// them. The returned object holds them as `app` and `browser` once the tests run.
export function useAppInBrowser(options) {
  const session = {};
  before(async () => {
    session.app = await startApp(options);
    session.browser = await openBrowser();
  });
  after(async () => {
    if (session.browser) await session.browser.close();
    if (session.app) await session.app.stop();
  });
  return session;
}

export async function openBrowser() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
  });
  await context.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => window.cspViolations.push(event.violatedDirective));
  });
  const page = context.pages()[0] || await context.newPage();
  const dialogs = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss().catch(() => {});
  });
  const errors = [];
  page.on('console', (message) => {
    // GET /api/v1/session answers 404 (no sign-in) or 401 (sign in) by design: not an error of the page.
    if (message.type() !== 'error' || message.location().url.endsWith('/api/v1/session')) return;
    errors.push(`${message.text()} ${message.location().url}`);
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return {
    context,
    page,
    dialogs,
    errors,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page, name) {
  const dir = process.env.E2E_SCREENSHOTS;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}
