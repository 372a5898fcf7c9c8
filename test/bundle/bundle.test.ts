// The built bundle as Apps Script sees it: dist/ loaded into one shared global scope.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
// gas-local ships no types; it loads every .js file of a folder into one vm context.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const gasLocal = require('gas-local') as {
  require: (folder: string, globals?: object) => Record<string, unknown>;
};
import { menuHandlers } from '../../src/core/menu';
import { TRIGGER_HANDLERS } from '../../src/core/triggers';

const DIST = process.env.PROZVON_DIST ?? join(__dirname, '../../dist');

function entrypointNames(): string[] {
  return JSON.parse(readFileSync(join(DIST, 'entrypoints.json'), 'utf8')) as string[];
}

function sourceExports(): string[] {
  const source = readFileSync(join(__dirname, '../../src/entrypoints.ts'), 'utf8');
  return [...source.matchAll(/^export function (\w+)/gm)].map((match) => match[1] ?? '');
}

describe('the built bundle', () => {
  const scope = gasLocal.require(DIST);

  it('defines every export of src/entrypoints.ts as a top-level function', () => {
    const names = sourceExports();
    expect(names.length).toBeGreaterThan(0);
    expect(entrypointNames().sort()).toEqual([...names].sort());
    for (const name of names) expect(typeof scope[name]).toBe('function');
  });

  it('declares onOpen at the top level of Code.js in a plain vm context', () => {
    const context = vm.createContext({});
    vm.runInContext(readFileSync(join(DIST, 'Code.js'), 'utf8'), context);
    expect(typeof (context as Record<string, unknown>).onOpen).toBe('function');
    expect(readFileSync(join(DIST, 'Code.js'), 'utf8')).toMatch(/^function onOpen\(/m);
  });

  it('has a top-level function for every menu item', () => {
    for (const handler of menuHandlers()) expect(typeof scope[handler]).toBe('function');
  });

  it('has a top-level function for every trigger handler Prozvon installs', () => {
    const missing = Object.values(TRIGGER_HANDLERS).filter((handler) => typeof scope[handler] !== 'function');
    expect(missing).toEqual([]);
  });

  it('ships an appsscript.json for the V8 runtime with explicit scopes', () => {
    const manifest = JSON.parse(readFileSync(join(DIST, 'appsscript.json'), 'utf8')) as {
      runtimeVersion: string;
      timeZone: string;
      oauthScopes: string[];
    };
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.timeZone).toBe('Europe/Moscow');
    expect(manifest.oauthScopes).toContain('https://www.googleapis.com/auth/spreadsheets');
    expect(manifest.oauthScopes).not.toContain('https://www.googleapis.com/auth/drive');
  });
});
