// `npm start`: Prozvon's built bundle (dist/) in the emulator, driven through a seeded week of a
// Russian sales organisation exactly as its people would drive it — menus, pastes, cell edits,
// nightly triggers — then the master and the weekly workbooks written to out/*.xlsx and each
// team's funnel and ranking printed. Features still being built are detected in the bundle: a
// step whose feature is missing is skipped with a line saying so.

import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { addDays, startOfDay, type IsoDay } from '../src/core/calendar';
import { t, type Lang, type MessageKey } from '../src/core/messages';
import { CAMPAIGNS_SHEET, HISTORY_SHEET, mapHeaders } from '../src/core/schema';
import { createGas, type Gas } from '../test/emulator';
import { funnelTable, rankingTable } from './report';
import {
  randomFrom,
  seedOrganisation,
  transliterate,
  type Client,
  type Organisation,
  type Team,
} from './seed';
import { playWeek, type WeekWorkbook } from './week';

const SIZES = {
  small: { managers: 3, clients: 30 },
  normal: { managers: 5, clients: 100 },
  large: { managers: 10, clients: 300 },
} as const;

const HELP = `Prozvon demo: the built bundle in the Apps Script emulator, one seeded week of a sales team.

Usage: npm start -- [options]

  --size small|normal|large   3×30, 5×100 (default) or 10×300 managers × clients per manager
  --managers N                managers (split over two administrators' teams)
  --clients N                 clients per manager
  --seed N                    the organisation and the week's answers (default 42)
  --lang ru|en                the master's language: ru (ru_RU, default) or en (en_US)
  --out DIR                   where the .xlsx files go (default out)
  --help                      this text

Writes DIR/master.xlsx and one DIR/week-<ISO week>-<team>.xlsx per weekly workbook, and prints
each team's funnel (from the workbook's Totals) and manager ranking (from the master's Results).`;

interface Options {
  readonly managers: number;
  readonly clients: number;
  readonly seed: number;
  readonly lang: Lang;
  readonly out: string;
}

class UsageError extends Error {}

function wholeNumber(name: string, text: string | undefined, fallback: number, max: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > max)
    throw new UsageError(`--${name} must be a whole number from 1 to ${max} (got “${text}”)`);
  return value;
}

function parseOptions(argv: readonly string[]): Options | null {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      size: { type: 'string' },
      managers: { type: 'string' },
      clients: { type: 'string' },
      seed: { type: 'string' },
      lang: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) return null;
  const sizeName = values.size ?? 'normal';
  if (!(sizeName in SIZES)) throw new UsageError(`--size must be small, normal or large (got “${sizeName}”)`);
  const size = SIZES[sizeName as keyof typeof SIZES];
  const lang = values.lang ?? 'ru';
  if (lang !== 'ru' && lang !== 'en') throw new UsageError(`--lang must be ru or en (got “${lang}”)`);
  return {
    managers: wholeNumber('managers', values.managers, size.managers, 60),
    clients: wholeNumber('clients', values.clients, size.clients, 3000),
    seed: wholeNumber('seed', values.seed, 42, 2 ** 31),
    lang,
    out: resolve(values.out ?? 'out'),
  };
}

const started = Date.now();
function progress(line: string): void {
  const seconds = ((Date.now() - started) / 1000).toFixed(1).padStart(5);
  console.log(`[${seconds}s] ${line}`);
}

/** The Friday before the campaign week, mid-morning in Moscow: the administrators prepare the week. */
const PREPARATION = '2026-11-27T10:00:00+03:00';
const WEEK_START: IsoDay = '2026-11-30';
const TIME_ZONE = 'Europe/Moscow';

class Demo {
  readonly gas: Gas;
  readonly master: GoogleAppsScript.Spreadsheet.Spreadsheet;
  readonly entrypoints: ReadonlySet<string>;
  private readonly skipped = new Set<string>();
  private failuresSeen = 0;

  constructor(
    readonly options: Options,
    readonly org: Organisation,
    readonly dist: string,
  ) {
    const locale = options.lang === 'ru' ? 'ru_RU' : 'en_US';
    this.gas = createGas({ now: PREPARATION, timeZone: TIME_ZONE, locale });
    this.entrypoints = new Set(JSON.parse(readFileSync(join(dist, 'entrypoints.json'), 'utf8')) as string[]);
    const owner = this.firstAdmin;
    this.master = this.gas.createSpreadsheet(this.text('demo.masterName'), { owner, locale });
    this.gas.install(this.master, dist);
  }

  get lang(): Lang {
    return this.options.lang;
  }

  get firstAdmin(): string {
    const team = this.org.teams[0];
    if (!team) throw new Error('the organisation has no team');
    return team.administrator.email;
  }

  text(key: MessageKey | 'demo.masterName'): string {
    if (key === 'demo.masterName') return this.lang === 'ru' ? 'Прозвон — мастер' : 'Prozvon — master';
    return t(this.lang, key);
  }

  /** Clicks a Prozvon menu item and returns the alert it showed. */
  menu(user: string, item: MessageKey): string {
    this.gas.ui.clearShown();
    this.gas.clickMenu(user, this.master, this.text('menu.title'), this.text(item));
    return this.gas.ui.lastAlert()?.message ?? '';
  }

  skip(step: string, why: string): void {
    if (this.skipped.has(step)) return;
    this.skipped.add(step);
    progress(`  skipped: ${step} — ${why}`);
  }

  /** Distinct trigger failures seen (handler: message), reported as warnings and in the summary. */
  readonly triggerProblems = new Set<string>();

  /** Trigger runs that failed since the last look: a handler missing from the bundle is a skip, anything else a warning. */
  checkTriggers(): void {
    const failures = this.gas.triggerFailures().slice(this.failuresSeen);
    this.failuresSeen += failures.length;
    for (const failure of failures) {
      if (failure.message === `Script function not found: ${failure.handler}`) {
        this.skip(`trigger ${failure.handler}`, 'not in this build yet; its runs do nothing');
        continue;
      }
      const problem = `${failure.handler} (as ${failure.user}): ${failure.message}`;
      if (!this.triggerProblems.has(problem)) progress(`  warning: a trigger run failed — ${problem}`);
      this.triggerProblems.add(problem);
    }
  }

  setUp(): void {
    const owner = this.firstAdmin;
    this.gas.open(owner, this.master);
    const message = this.menu(owner, 'menu.setupMaster');
    progress(`master set up by ${owner}: ${oneLine(message)}`);
    this.pasteTeam();
    // Set up again: it shares the master with the administrators the Team sheet now lists.
    this.menu(owner, 'menu.setupMaster');
    progress(
      `team of ${this.org.teams.length} administrators and ${this.managerCount()} managers pasted; master shared`,
    );
  }

  managerCount(): number {
    return this.org.teams.reduce((sum, team) => sum + team.managers.length, 0);
  }

  private pasteTeam(): void {
    const yes = this.text('value.yes');
    const rows = this.org.teams.flatMap((team) => [
      [
        team.administrator.email,
        team.administrator.name,
        this.text('role.administrator'),
        '',
        yes,
        team.name,
      ],
      ...team.managers.map((m) => [
        m.email,
        m.name,
        this.text('role.manager'),
        team.administrator.email,
        yes,
        team.name,
      ]),
    ]);
    expectOk(
      this.gas.edit(this.firstAdmin, this.master, this.text('sheet.team'), 'A2', rows),
      'pasting the team',
    );
  }

  addClients(): void {
    const { clients } = this.org;
    if (this.entrypoints.has('addClients')) {
      this.addClientsThroughDialog(clients);
      return;
    }
    this.skip(
      'Add clients',
      'the server function addClients is not in this build; the administrators paste into Clients',
    );
    const yes = this.text('value.yes');
    const rows = clients.map((c) => [
      c.id, c.organisation, c.contact, c.phone, '', c.email, c.manager, '', c.doNotCall ? yes : '', c.reason,
    ]); // prettier-ignore
    // Pasted in blocks of 1,000 rows, as one would from a large export.
    for (let start = 0; start < rows.length; start += 1000) {
      expectOk(
        this.gas.edit(
          this.firstAdmin,
          this.master,
          this.text('sheet.clients'),
          `A${start + 2}`,
          rows.slice(start, start + 1000),
        ),
        'pasting clients',
      );
    }
    progress(
      `${clients.length} clients pasted into ${this.text('sheet.clients')} (${this.org.duplicates} re-typed duplicates, ` +
        `${this.org.invalidPhones} unusable phones, ${clients.filter((c) => c.doNotCall).length} do-not-call)`,
    );
  }

  /**
   * Each administrator adds their managers' clients through the Add clients server function (as its
   * dialog calls it: pasted tab-separated rows with a header), then marks the do-not-call ones.
   */
  private addClientsThroughDialog(clients: readonly Client[]): void {
    const header = [
      'col.clients.organisation',
      'col.clients.contact',
      'col.clients.phone',
      'col.clients.email',
    ] as const;
    for (const team of this.org.teams) {
      for (const manager of team.managers) {
        const mine = clients.filter((client) => client.manager === manager.email);
        const text = [
          header.map((key) => this.text(key)).join('\t'),
          ...mine.map((c) =>
            [c.organisation, c.contact, c.phone, c.email].map((cell) => cell.replace(/\t/g, ' ')).join('\t'),
          ),
        ].join('\n');
        const report = this.gas.callServer(team.administrator.email, this.master, 'addClients', {
          text,
          headerRow: true,
          manager: manager.email,
        });
        progress(`  ${manager.name}: ${oneLine(summarise(report))}`);
      }
      const refusing = clients.filter(
        (c) =>
          c.doNotCall &&
          team.managers.some((m) => m.email === c.manager) &&
          /\d{7}/.test(c.phone.replace(/\D/g, '')),
      );
      if (refusing.length === 0) continue;
      if (!this.entrypoints.has('markDoNotCall')) {
        this.skip('Do not call', 'the server function markDoNotCall is not in this build');
        continue;
      }
      const report = this.gas.callServer(team.administrator.email, this.master, 'markDoNotCall', {
        contacts: refusing.map((c) => c.phone).join('\n'),
        reason: refusing[0]?.reason ?? '',
      });
      progress(`  ${team.administrator.name}, do not call: ${oneLine(summarise(report))}`);
    }
  }

  /** The administrator of `team` creates the week's campaign from the menu; returns its workbook. */
  newCampaign(team: Team, monday: IsoDay): WeekWorkbook {
    const admin = team.administrator.email;
    this.gas.open(admin, this.master);
    this.gas.ui.answer('OK', monday);
    const message = this.menu(admin, 'menu.newCampaign');
    const campaigns = this.gas.read(this.master, this.text('sheet.campaigns'), 'A1:L');
    const map = mapHeaders(campaigns[0] ?? [], CAMPAIGNS_SHEET.columns);
    const row = campaigns
      .slice(1)
      .reverse()
      .find((cells) => cells[map.team ?? -1] === team.name);
    const id = String(row?.[map.workbookId ?? -1] ?? '');
    if (!row || id === '')
      throw new Error(`${team.name}: no campaign was created. The script said: ${message}`);
    const workbook = this.gas.spreadsheet(id);
    const sheetNames = new Set(workbook.getSheets().map((sheet) => sheet.getName()));
    const managers = team.managers
      .filter((m) => sheetNames.has(m.name))
      .map((m) => ({ email: m.email, sheetName: m.name }));
    progress(`${team.administrator.name}: ${oneLine(message)}`);
    return { team: team.name, workbook, managers };
  }

  /** The night after `day`: the clock moves to 03:00 and the time-driven triggers due by then run. */
  night(day: IsoDay): void {
    this.gas.clock.set(at(addDays(day, 1), -6 * 60));
    this.gas.runTriggers();
    this.checkTriggers();
  }

  /** Each administrator reconciles from the menu; a failure is reported and the week goes on. */
  reconcile(): void {
    for (const team of this.org.teams) {
      const admin = team.administrator;
      try {
        const message = this.menu(admin.email, 'menu.reconcileNow');
        progress(`reconcile by ${admin.name}: ${oneLine(message)}`);
      } catch (error) {
        const problem = `menuReconcileNow (as ${admin.email}): ${error instanceof Error ? error.message : String(error)}`;
        progress(`  warning: reconcile failed — ${problem}`);
        this.triggerProblems.add(problem);
      }
    }
  }

  historyRows(): number {
    const grid = this.gas.read(this.master, this.text(HISTORY_SHEET.name), 'A1:L');
    return grid.slice(1).filter((row) => row.some((cell) => cell !== '')).length;
  }

  async export(books: readonly WeekWorkbook[]): Promise<string[]> {
    mkdirSync(this.options.out, { recursive: true });
    const files: string[] = [];
    const masterFile = join(this.options.out, 'master.xlsx');
    await this.gas.exportXlsx(this.master, masterFile);
    files.push(masterFile);
    for (const book of books) {
      const week = book.workbook.getName().match(/\d{4}-W\d{2}/)?.[0] ?? 'week';
      const file = join(this.options.out, `week-${week}-${transliterate(book.team)}.xlsx`);
      await this.gas.exportXlsx(book.workbook, file);
      files.push(file);
    }
    return files;
  }
}

/** 09:00 + `minute` of a day in Moscow. */
function at(day: IsoDay, minute: number): Date {
  return new Date(startOfDay(day, TIME_ZONE).getTime() + (9 * 60 + minute) * 60_000);
}

function oneLine(text: string | null): string {
  return (text ?? '').replace(/\s*\n+\s*/g, ' ').trim();
}

function summarise(report: unknown): string {
  if (report && typeof report === 'object' && 'message' in report) return String(report.message);
  return JSON.stringify(report);
}

function expectOk(result: { ok: boolean; reason?: string }, what: string): void {
  if (!result.ok) throw new Error(`${what} was refused: ${result.reason ?? 'unknown reason'}`);
}

async function main(): Promise<number> {
  let options: Options | null;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${HELP}`);
    return 2;
  }
  if (!options) {
    console.log(HELP);
    return 0;
  }
  const dist = resolve(process.env.PROZVON_DIST ?? 'dist');
  if (!existsSync(join(dist, 'Code.js')) || !existsSync(join(dist, 'entrypoints.json')))
    throw new Error(`no built bundle in ${dist}: run npm run build (npm start does it for you)`);

  const org = seedOrganisation({
    seed: options.seed,
    managers: options.managers,
    clientsPerManager: options.clients,
    lang: options.lang,
  });
  progress(
    `seed ${options.seed}: ${org.teams.length} teams, ${org.teams.map((team) => team.managers.length).join(' + ')} managers, ` +
      `${org.clients.length} clients, language ${options.lang}`,
  );
  const demo = new Demo(options, org, dist);
  demo.setUp();
  demo.addClients();

  const firstWeek = org.teams.map((team) => demo.newCampaign(team, WEEK_START));
  demo.checkTriggers();

  const random = randomFrom(options.seed * 7919 + 1);
  const played = playWeek({
    gas: demo.gas,
    lang: options.lang,
    random,
    books: firstWeek,
    weekStart: WEEK_START,
    at,
    night: (day) => demo.night(day),
    onDay: (day, tally) => {
      demo.checkTriggers();
      progress(
        `${day}: ${tally.edits} edits by managers${tally.refused > 0 ? `, ${tally.refused} refused` : ''}`,
      );
    },
  });
  progress(`week played: ${played.edits} edits; History holds ${demo.historyRows()} events`);
  if (demo.historyRows() === 0)
    demo.skip('History', 'no onWorkbookEdit in this build, so edits are not recorded yet');

  const nextMonday = addDays(WEEK_START, 7);
  demo.gas.clock.set(at(nextMonday, 3 * 60 + 30));
  demo.reconcile();
  const secondWeek = org.teams.map((team) => demo.newCampaign(team, nextMonday));
  demo.checkTriggers();

  const files = await demo.export([...firstWeek, ...secondWeek]);
  progress(`wrote ${files.map((file) => file.replace(`${process.cwd()}/`, '')).join(', ')}`);

  for (const book of firstWeek) {
    console.log(`\n${book.workbook.getName()} — ${t(options.lang, 'sheet.totals')}`);
    console.log(funnelTable(demo.gas, book.workbook, options.lang));
    const ranking = rankingTable(demo.gas, demo.master, options.lang, book.team);
    console.log(`\n${book.team} — ${t(options.lang, 'sheet.results')}`);
    console.log(ranking ?? '(no Results rows: the campaign was not closed)');
  }
  if (demo.triggerProblems.size > 0)
    console.log(
      `\nRuns that failed (a trigger's failures are e-mailed to its owner by Google):\n  ${[...demo.triggerProblems].join('\n  ')}`,
    );
  const stats = demo.gas.stats();
  console.log(
    `\nDone in ${((Date.now() - started) / 1000).toFixed(1)} s: ${stats.calls} Apps Script service calls, ` +
      `${stats.cellsRead} cells read, ${stats.cellsWritten} written.`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`\nThe demo failed: ${error instanceof Error ? error.message : String(error)}`);
    if (process.env.DEBUG && error instanceof Error) console.error(error.stack);
    process.exit(1);
  },
);
