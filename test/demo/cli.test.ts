// The demo as a command-line program: options and the output folder are checked before any work,
// with the project's own messages and exit status 2; a run leaves only its own files in the
// folder and prints tables that fit 120 characters. The run itself uses the built bundle (npm
// test builds it first; PROZVON_DIST points elsewhere when set).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_FILE, outputFolderProblem, parseOptions } from '../../demo/cli';
import { table } from '../../demo/report';

const ROOT = join(__dirname, '../..');

function demo(...args: string[]): { status: number | null; stdout: string; stderr: string; ms: number } {
  const started = Date.now();
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'demo/run.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, ms: Date.now() - started };
}

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'prozvon-cli-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the demo’s options', () => {
  it('reads sizes, counts, language and flags', () => {
    expect(parseOptions(['--size', 'small', '--lang', 'en', '--wide', '--no-build', '--out', 'x'])).toEqual({
      managers: 3,
      clients: 30,
      seed: 42,
      lang: 'en',
      out: join(process.cwd(), 'x'),
      wide: true,
      build: false,
      workspace: false,
    });
    expect(parseOptions(['--size', 'large', '--managers', '7'])).toMatchObject({ managers: 7, clients: 300 });
    expect(parseOptions(['--workspace'])).toMatchObject({ workspace: true });
    expect(parseOptions(['--help'])).toBeNull();
  });

  it.each([
    [['--managers', '-1'], '--managers must be a whole number from 1 to 100 (got “-1”)'],
    [['--managers=0'], '--managers must be a whole number from 1 to 100 (got “0”)'],
    [['--clients', '2.5'], '--clients must be a whole number from 1 to 3,000 (got “2.5”)'],
    [['--size', 'huge'], '--size must be small, normal or large (got “huge”)'],
    [['--lang', 'de'], '--lang must be ru or en (got “de”)'],
    [['--frobnicate'], 'unknown option --frobnicate'],
    [['--out'], '--out needs a value'],
    [['--out', '--wide'], '--out needs a value'],
    [['small'], 'unexpected argument small (options start with --)'],
    [['--wide=yes'], '--wide takes no value'],
  ])('refuses %j with “%s”', (args, message) => {
    expect(() => parseOptions(args)).toThrow(message);
  });
});

describe('the output folder check', () => {
  it('creates a missing folder, several levels deep', () => {
    const folder = join(scratch, 'a', 'b', 'c');
    expect(outputFolderProblem(folder)).toBeNull();
    expect(existsSync(folder)).toBe(true);
  });

  it('says why a folder cannot be used: a file on the way, a place where no folder can be made', () => {
    const file = join(scratch, 'a-file');
    writeFileSync(file, 'x');
    expect(outputFolderProblem(file)).toBe(`${file} is not a folder`);
    expect(outputFolderProblem(join(file, 'sub'))).toBe(
      `${file}/sub: a part of the path is a file, not a folder`,
    );
    // Node's own recursive mkdir never returns for this path; the check must.
    expect(outputFolderProblem('/proc/prozvon-demo')).toMatch(
      /^the folder \/proc\/prozvon-demo cannot be created: /,
    );
  });
});

describe('npm start as a command', () => {
  it('answers --help at once, without building', () => {
    const result = demo('--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: npm start -- [options]');
    expect(result.stdout).not.toContain('Сборка');
    expect(result.ms).toBeLessThan(5000);
  });

  it('refuses a bad option with its own message and status 2, before any work', () => {
    const result = demo('--managers', '-1');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('npm start: --managers must be a whole number from 1 to 100 (got “-1”).');
    expect(result.stdout).toBe('');
  });

  it('refuses an output folder it cannot write within a second of starting, and says which', () => {
    const result = demo('--out', '/proc/prozvon-demo');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      'npm start: the output folder cannot be used: the folder /proc/prozvon-demo cannot be created',
    );
    expect(result.stderr).toContain('Choose another with --out DIR.');
    expect(result.stdout).toBe('');
    // About half a second on an idle machine, tsx's start included; the margin is for a busy CI.
    expect(result.ms).toBeLessThan(3000);
  });

  it('plays a small week: only this run’s files in the folder, tables within 120 characters', () => {
    const out = join(scratch, 'out');
    expect(outputFolderProblem(out)).toBeNull();
    writeFileSync(join(out, 'week-2020-W01-old-team.xlsx'), 'left by an earlier run');
    writeFileSync(join(out, 'notes.txt'), 'not the demo’s');
    const result = demo('--size', 'small', '--no-build', '--out', out);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const files = readdirSync(out).sort();
    expect(files).toEqual([
      'master.xlsx',
      'notes.txt',
      'report-2026-W49-otdel-petrovoy.html',
      'report-2026-W49-otdel-sidorova.html',
      'trigger-time.json',
      'week-2026-W49-otdel-petrovoy.xlsx',
      'week-2026-W49-otdel-sidorova.xlsx',
      'week-2026-W50-otdel-petrovoy.xlsx',
      'week-2026-W50-otdel-sidorova.xlsx',
    ]);
    expect(files.filter((name) => !DEMO_FILE.test(name))).toEqual(['notes.txt']);
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('not the demo’s');
    const lines = result.stdout.split('\n');
    expect(lines.filter((line) => line.length > 120)).toEqual([]);
    expect(result.stdout).toContain('Из ');
    expect(result.stdout).toMatch(/удалены файлы прошлого запуска: 1\./);
    // Progress names the day; the funnel puts the team first and writes percentages the Russian way.
    expect(result.stdout).toMatch(/\] Пн 30\.11: правок менеджеров \d+/);
    const funnel = lines.slice(lines.findIndex((line) => line.endsWith('Отдел Петровой — Итоги')));
    expect(funnel[5]).toMatch(/^│ Команда +│/);
    expect(funnel[5]).toMatch(/│ +\d+,\d\s% │$/);
    // The README shows this run's table as it is printed.
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const sample = /<!-- demo:start[^\n]*\n```text\n([\s\S]*?)\n```\n<!-- demo:end -->/.exec(readme)?.[1];
    expect(sample).toBeDefined();
    expect(result.stdout).toContain(sample);
  }, 120_000);
});

describe('the terminal table', () => {
  it('wraps headers at spaces to fit the width it is given, and keeps single-line headers when they fit', () => {
    const wide = table(['Клиентов в списке', 'Позвонили'], [[92, 92]]);
    expect(wide.split('\n')[1]).toBe('│ Клиентов в списке │ Позвонили │');
    const narrow = table(['Клиентов в списке', 'Позвонили'], [[92, 92]], { maxWidth: 26 }).split('\n');
    expect(narrow.slice(1, 3)).toEqual(['│ Клиентов в │ Позвонили │', '│ списке     │           │']);
    expect(Math.max(...narrow.map((line) => line.length))).toBeLessThanOrEqual(26);
  });
});
