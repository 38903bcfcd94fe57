// Runs the browser tests with node's test runner, or skips them (exit 77, which ctest reports as skipped)
// with a clear message when chromium or playwright-core (npm ci in tests/e2e) is missing.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SKIP = 77;
const here = path.dirname(fileURLToPath(import.meta.url));
const chromium = process.env.CHROMIUM || '/usr/bin/chromium';

if (!fs.existsSync(chromium)) {
  console.log(`SKIPPED: no chromium at ${chromium} (apt-get install chromium, or scripts/install-deps.sh)`);
  process.exit(SKIP);
}
if (!fs.existsSync(path.join(here, 'node_modules', 'playwright-core'))) {
  console.log('SKIPPED: playwright-core is not installed (run npm ci in tests/e2e, or scripts/install-deps.sh)');
  process.exit(SKIP);
}
const tests = fs.readdirSync(here).filter((name) => name.endsWith('.test.mjs')).map((name) => path.join(here, name));
const result = spawnSync(process.execPath, ['--test', '--test-concurrency=1', ...tests], { stdio: 'inherit' });
process.exit(result.status ?? 1);
