// The demo's command line, checked before any work: options (with the project's own messages, not
// Node's) and the output folder (created and written to once, so a folder that cannot be written
// is reported at once instead of after the whole week). Only Node built-ins are loaded here, so
// `--help`, a bad option or a bad folder answer within a fraction of a second.

import {
  accessSync,
  constants,
  mkdirSync,
  readdirSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Lang } from '../src/core/messages';

export const SIZES = {
  small: { managers: 3, clients: 30 },
  normal: { managers: 5, clients: 100 },
  large: { managers: 10, clients: 300 },
} as const;

export const MAX_MANAGERS = 100;
export const MAX_CLIENTS = 3000;

export const HELP = `Prozvon demo: the built bundle in the Apps Script emulator, one seeded week of a sales team.

Usage: npm start -- [options]

  --size small|normal|large   3×30, 5×100 (default) or 10×300 managers × clients per manager
  --managers N                managers, 1 to ${MAX_MANAGERS} (split over two administrators' teams)
  --clients N                 clients per manager, 1 to ${MAX_CLIENTS.toLocaleString('en')}
  --seed N                    the organisation and the week's answers (default 42)
  --lang ru|en                the master's language and the run's: ru (ru_RU, default) or en (en_US)
  --out DIR                   where the files go (default out); checked before anything runs
  --wide                      print every funnel column (wider than 120 characters)
  --no-build                  use the dist/ already built (npm start builds it otherwise)
  --workspace                 the accounts are Google Workspace ones (6 hours of trigger time a day,
                              not a consumer account's 90 minutes)
  --help                      this text

Writes DIR/master.xlsx, one DIR/week-<ISO week>-<team>.xlsx per weekly workbook and one
DIR/report-<ISO week>-<team>.html per team (the week's funnel, plan and calls by day, ranking as
charts), after removing the files an earlier run left there (other files are left alone). Prints
each team's funnel (from the workbook's Totals) and manager ranking (from the master's Results).
Exit status: 0 done, 1 the run failed, 2 bad options or an output folder that cannot be written.`;

export interface Options {
  readonly managers: number;
  readonly clients: number;
  readonly seed: number;
  readonly lang: Lang;
  readonly out: string;
  readonly wide: boolean;
  readonly build: boolean;
  /** The accounts are Google Workspace ones (6 hours of trigger time a day), not consumer ones. */
  readonly workspace: boolean;
}

/** A mistake on the command line: printed with a pointer to --help, exit status 2. */
export class UsageError extends Error {}

const VALUE_OPTIONS = ['size', 'managers', 'clients', 'seed', 'lang', 'out'] as const;
const FLAG_OPTIONS = ['wide', 'no-build', 'workspace', 'help'] as const;

/**
 * `--managers -1` reads, to Node's parser, as an option missing its value; people mean the value.
 * Each value option takes the next word as its value unless that word is another option.
 */
function joinValues(argv: readonly string[]): string[] {
  const known = new Set([...VALUE_OPTIONS, ...FLAG_OPTIONS].map((name) => `--${name}`));
  const joined: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] ?? '';
    const name = arg.slice(2);
    if ((VALUE_OPTIONS as readonly string[]).includes(name) && arg.startsWith('--')) {
      const value = argv[index + 1];
      if (value === undefined || known.has(value)) throw new UsageError(`${arg} needs a value`);
      joined.push(`${arg}=${value}`);
      index++;
    } else joined.push(arg);
  }
  return joined;
}

function wholeNumber(name: string, text: string | undefined, fallback: number, max: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (text.trim() === '' || !Number.isInteger(value) || value < 1 || value > max)
    throw new UsageError(
      `--${name} must be a whole number from 1 to ${max.toLocaleString('en')} (got “${text}”)`,
    );
  return value;
}

/** The options, or null for --help. Throws UsageError with a message of our own. */
export function parseOptions(argv: readonly string[]): Options | null {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: joinValues(argv),
      options: {
        ...Object.fromEntries(VALUE_OPTIONS.map((name) => [name, { type: 'string' as const }])),
        wide: { type: 'boolean' },
        'no-build': { type: 'boolean' },
        workspace: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as { code?: string }).code;
    const message = error instanceof Error ? error.message : String(error);
    const option = /'([^']*)'/.exec(message)?.[1];
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`unknown option ${option ?? message}`);
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
      throw new UsageError(`unexpected argument ${option ?? message} (options start with --)`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
      throw new UsageError(`${(option ?? '').split(' ')[0] || 'an option'} takes no value`);
    throw new UsageError(message);
  }
  if (values.help) return null;
  const sizeName = String(values.size ?? 'normal');
  if (!Object.prototype.hasOwnProperty.call(SIZES, sizeName))
    throw new UsageError(`--size must be small, normal or large (got “${sizeName}”)`);
  const size = SIZES[sizeName as keyof typeof SIZES];
  const lang = String(values.lang ?? 'ru');
  if (lang !== 'ru' && lang !== 'en') throw new UsageError(`--lang must be ru or en (got “${lang}”)`);
  const out = String(values.out ?? 'out');
  if (out.trim() === '') throw new UsageError('--out needs a folder');
  return {
    managers: wholeNumber('managers', values.managers as string | undefined, size.managers, MAX_MANAGERS),
    clients: wholeNumber('clients', values.clients as string | undefined, size.clients, MAX_CLIENTS),
    seed: wholeNumber('seed', values.seed as string | undefined, 42, 2 ** 31),
    lang,
    out: resolve(out),
    wide: values.wide === true,
    build: values['no-build'] !== true,
    workspace: values.workspace === true,
  };
}

/** Files a run of the demo writes; an earlier run's are removed, nothing else in the folder is. */
export const DEMO_FILE =
  /^(master\.xlsx|trigger-time\.json|week-[0-9]{4}-W[0-9]{2}-[a-z0-9-]+\.xlsx|report-[0-9]{4}-W[0-9]{2}-[a-z0-9-]+\.html)$/;

/** Why a folder cannot take the demo's files, or null when it can (it is created if missing). */
export function outputFolderProblem(folder: string): string | null {
  // Node's mkdirSync(…, { recursive: true }) never returns for some paths (/proc/x): make each
  // missing level ourselves, from the nearest folder that exists.
  const missing: string[] = [];
  let existing = folder;
  for (;;) {
    try {
      const stat = statSync(existing);
      if (!stat.isDirectory()) return `${existing} is not a folder`;
      break;
    } catch (error) {
      if ((error as { code?: string }).code !== 'ENOENT') return `${existing}: ${reason(error)}`;
      const parent = dirname(existing);
      if (parent === existing) return `${existing} does not exist`;
      missing.unshift(existing);
      existing = parent;
    }
  }
  try {
    accessSync(existing, constants.W_OK);
  } catch (error) {
    return `${existing} cannot be written to: ${reason(error)}`;
  }
  for (const level of missing) {
    try {
      mkdirSync(level);
    } catch (error) {
      return `the folder ${level} cannot be created: ${reason(error)}`;
    }
  }
  const probe = join(folder, `.prozvon-write-test-${process.pid}`);
  try {
    writeFileSync(probe, '');
    unlinkSync(probe);
    return null;
  } catch (error) {
    return `${folder} cannot be written to: ${reason(error)}`;
  }
}

function reason(error: unknown): string {
  const code = (error as { code?: string }).code;
  const known: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EROFS: 'read-only file system',
    ENOENT: 'the system allows no folder there',
    ENOTDIR: 'a part of the path is a file, not a folder',
    ENOSPC: 'no space left on the device',
  };
  return (code && known[code]) ?? (error instanceof Error ? error.message : String(error));
}

/** Removes the files an earlier run wrote; returns how many. */
export function removeEarlierRun(folder: string): number {
  let removed = 0;
  for (const name of readdirSync(folder)) {
    if (!DEMO_FILE.test(name)) continue;
    rmSync(join(folder, name), { force: true });
    removed++;
  }
  return removed;
}
