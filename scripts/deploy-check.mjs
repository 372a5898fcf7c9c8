// Run by `npm run deploy` before anything is built: is this checkout ready for `clasp push`?
// It checks .clasp.json (a real script ID, not the placeholder, and rootDir dist) and clasp's
// login (clasp 3 keeps it in ~/.clasprc.json, or where --auth / clasp_config_auth point), and
// says which command to run for each problem. Exit status 0 when ready, 1 otherwise.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

const PLACEHOLDER = 'REPLACE_WITH_YOUR_SCRIPT_ID';
const CREATE = 'npx clasp create-script --type sheets --title "Прозвон" --rootDir dist';
const WHERE_IS_THE_ID =
  'open the spreadsheet, Extensions → Apps Script, Project Settings (the gear) → IDs → Script ID';

/** What is wrong with .clasp.json, or null. */
function projectProblem(folder) {
  const file = join(folder, '.clasp.json');
  if (!existsSync(file))
    return (
      `There is no .clasp.json here. Either create a new spreadsheet with its script: ${CREATE}\n` +
      `  or restore the placeholder (git checkout .clasp.json) and put your script's ID in it (${WHERE_IS_THE_ID}).`
    );
  let project;
  try {
    project = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return `.clasp.json is not valid JSON (${error.message}). Restore it with git checkout .clasp.json.`;
  }
  const id = typeof project.scriptId === 'string' ? project.scriptId.trim() : '';
  if (id === '' || id === PLACEHOLDER)
    return (
      `.clasp.json has no script ID yet (it still says "${PLACEHOLDER}").\n` +
      `  For an existing spreadsheet: ${WHERE_IS_THE_ID}, and paste it into .clasp.json as "scriptId".\n` +
      `  For a new one: delete .clasp.json, then ${CREATE}`
    );
  if (!/^[A-Za-z0-9_-]{20,}$/.test(id))
    return `.clasp.json's scriptId "${id}" does not look like a script ID (${WHERE_IS_THE_ID}).`;
  if (project.rootDir !== 'dist')
    return `.clasp.json must say "rootDir": "dist" (it says ${JSON.stringify(project.rootDir ?? null)}): the build goes to dist/.`;
  return null;
}

/** clasp's credentials file: --auth / clasp_config_auth (a file or a folder), else ~/.clasprc.json. */
function credentialsFile(home) {
  const configured = process.env.clasp_config_auth;
  if (configured) {
    const path = resolve(configured);
    return existsSync(path) && statSync(path).isDirectory() ? join(path, '.clasprc.json') : path;
  }
  return join(home, '.clasprc.json');
}

/** What is wrong with clasp's login, or null. */
function loginProblem(home) {
  const file = credentialsFile(home);
  const login =
    'Run npx clasp login (it opens a browser; on a machine without one: npx clasp login --no-localhost),\n' +
    '  after turning on "Google Apps Script API" at https://script.google.com/home/usersettings.';
  if (!existsSync(file)) return `clasp is not logged in: there is no ${file}.\n  ${login}`;
  let store;
  try {
    store = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return `${file} cannot be read as clasp's credentials.\n  ${login}`;
  }
  // clasp 3 keeps tokens per user ("default" unless --user); clasp 1 and 2 files are still read by it.
  const hasToken = Boolean(store?.tokens?.default || store?.access_token || store?.token);
  return hasToken ? null : `clasp is not logged in: ${file} holds no credentials.\n  ${login}`;
}

const problems = [projectProblem(process.cwd()), loginProblem(homedir())].filter(Boolean);
if (problems.length > 0) {
  console.error(
    `npm run deploy: not ready to push to Google yet.\n\n${problems.map((p) => `- ${p}`).join('\n\n')}\n`,
  );
  process.exit(1);
}
console.log('npm run deploy: .clasp.json and the clasp login are in place.');
