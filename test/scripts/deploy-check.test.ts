// npm run deploy checks .clasp.json and clasp's login before building, and says what to run.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SCRIPT = join(__dirname, '../../scripts/deploy-check.mjs');
const A_SCRIPT_ID = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-AbCdEfGhIjKlMnOpQr';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'prozvon-deploy-'));
  mkdirSync(join(root, 'project'));
  mkdirSync(join(root, 'home'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function check(project: object | string | null, credentials: object | null) {
  if (project !== null)
    writeFileSync(
      join(root, 'project', '.clasp.json'),
      typeof project === 'string' ? project : JSON.stringify(project),
    );
  if (credentials !== null) writeFileSync(join(root, 'home', '.clasprc.json'), JSON.stringify(credentials));
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: join(root, 'home') };
  delete env.clasp_config_auth;
  const run = spawnSync(process.execPath, [SCRIPT], { cwd: join(root, 'project'), encoding: 'utf8', env });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

const loggedIn = { tokens: { default: { type: 'authorized_user', refresh_token: 'r' } } };

describe('npm run deploy’s check', () => {
  it('passes with a real script ID in .clasp.json and clasp logged in', () => {
    const result = check({ scriptId: A_SCRIPT_ID, rootDir: 'dist' }, loggedIn);
    expect(result).toEqual({
      status: 0,
      output: 'npm run deploy: .clasp.json and the clasp login are in place.\n',
    });
  });

  it('refuses the placeholder script ID and says where to find the real one', () => {
    const result = check({ scriptId: 'REPLACE_WITH_YOUR_SCRIPT_ID', rootDir: 'dist' }, loggedIn);
    expect(result.status).toBe(1);
    expect(result.output).toContain('.clasp.json has no script ID yet');
    expect(result.output).toContain(
      'Extensions → Apps Script, Project Settings (the gear) → IDs → Script ID',
    );
    expect(result.output).toContain('npx clasp create-script --type sheets --title "Прозвон" --rootDir dist');
  });

  it('says to run npx clasp login when there are no credentials, or none for the default user', () => {
    const missing = check({ scriptId: A_SCRIPT_ID, rootDir: 'dist' }, null);
    expect(missing.status).toBe(1);
    expect(missing.output).toContain(
      `clasp is not logged in: there is no ${join(root, 'home', '.clasprc.json')}`,
    );
    expect(missing.output).toContain('Run npx clasp login');
    const empty = check({ scriptId: A_SCRIPT_ID, rootDir: 'dist' }, { tokens: {} });
    expect(empty.output).toContain('holds no credentials');
  });

  it('reports every problem at once: no .clasp.json and no login', () => {
    const result = check(null, null);
    expect(result.status).toBe(1);
    expect(result.output).toContain('There is no .clasp.json here.');
    expect(result.output).toContain('clasp is not logged in');
  });

  it('refuses a .clasp.json that is not JSON, or that builds elsewhere than dist/', () => {
    expect(check('{ scriptId: ', loggedIn).output).toContain('.clasp.json is not valid JSON');
    expect(check({ scriptId: A_SCRIPT_ID, rootDir: 'src' }, loggedIn).output).toContain(
      '.clasp.json must say "rootDir": "dist"',
    );
  });
});
