// Without Chromium the browser tests skip, and the Jest output says which and why (the README
// promises it): run Jest on one browser test with a Chromium path that does not exist.

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');

it('names a skipped browser test and the missing Chromium in the Jest output', () => {
  const run = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/jest/bin/jest.js'), 'test/browser/add-clients.test.ts'],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, PROZVON_CHROMIUM: '/nonexistent/chromium', CI: 'true' },
      timeout: 60_000,
    },
  );
  expect(run.status).toBe(0);
  const output = `${run.stdout}${run.stderr}`;
  expect(output).toContain('Skipped tests (');
  expect(output).toContain(
    '○ test/browser/add-clients.test.ts: the Add clients dialog in Chromium — skipped: /nonexistent/chromium not found',
  );
}, 60_000);
