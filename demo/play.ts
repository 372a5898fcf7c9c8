// The demo's run, after run.ts has checked the options and the output folder: Prozvon's built
// bundle (dist/) in the emulator, driven through a seeded week of a Russian sales organisation
// exactly as its people would drive it — menus, pastes, cell edits, nightly triggers — then the
// master and the weekly workbooks written to the output folder as .xlsx, a report page with charts
// per team, and each team's funnel and ranking printed. Every line is in the run's language
// (--lang); a step longer than a couple of seconds says how far it is. Features still being built
// are detected in the bundle: a step whose feature is missing is skipped with a line saying so.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { addDays, startOfDay, type IsoDay } from '../src/core/calendar';
import { t, type Lang, type MessageKey } from '../src/core/messages';
import { CAMPAIGNS_SHEET, HISTORY_SHEET, mapHeaders } from '../src/core/schema';
import { createGas, type Gas } from '../emulator';
import { removeEarlierRun, type Options } from './cli';
import { daysTable, funnelTable, rankingTable, readRanking, readTotals, TABLE_WIDTH } from './report';
import { renderReport } from './report-html';
import {
  DEMO_DOMAIN,
  randomFrom,
  seedOrganisation,
  transliterate,
  type Client,
  type Organisation,
  type Team,
} from './seed';
import { count, say as phrase, seconds, type DemoKey } from './text';
import { playWeek, type WeekWorkbook } from './week';

/**
 * Prints lines of the run with the time since start, wrapped to the table width. A progress line
 * on a terminal is rewritten in place until the step's own line replaces it; in a log (a pipe or
 * a file) progress lines are printed as they come, less often.
 */
class Printer {
  private pending = false;
  readonly progressEveryMs = process.stdout.isTTY ? 1000 : 3000;

  constructor(
    private readonly lang: Lang,
    private readonly started: number,
  ) {}

  private stamp(): string {
    return `[${seconds(this.lang, Date.now() - this.started).padStart(7)}] `;
  }

  line(text: string): void {
    if (this.pending) process.stdout.write('\r\x1b[K');
    this.pending = false;
    const stamp = this.stamp();
    const indent = ' '.repeat(stamp.length + (/^ +/.exec(text)?.[0].length ?? 0) + 2);
    console.log(wrap(`${stamp}${text}`, TABLE_WIDTH, indent).join('\n'));
  }

  say(key: DemoKey, params: Readonly<Record<string, string | number>> = {}): void {
    this.line(phrase(this.lang, key, params));
  }

  /** How far a long step is: in place on a terminal, a line of its own in a log. */
  progress(key: DemoKey, params: Readonly<Record<string, string | number>>): void {
    const text = `${this.stamp()}${phrase(this.lang, key, params)}`.slice(0, TABLE_WIDTH);
    if (!process.stdout.isTTY) {
      console.log(text);
      return;
    }
    process.stdout.write(`\r\x1b[K${text}`);
    this.pending = true;
  }
}

/** Word-wraps a line to `width` characters; continuation lines start with `indent`. */
export function wrap(text: string, width: number, indent: string): string[] {
  const lines: string[] = [];
  let rest = text;
  while (rest.length > width) {
    const room = lines.length === 0 ? rest : rest;
    let cut = room.lastIndexOf(' ', width);
    if (cut <= indent.length) cut = width;
    lines.push(rest.slice(0, cut).trimEnd());
    rest = indent + rest.slice(cut).trimStart();
  }
  lines.push(rest);
  return lines;
}

/** The Friday before the campaign week, mid-morning in Moscow: the administrators prepare the week. */
const PREPARATION = '2026-11-27T10:00:00+03:00';
const WEEK_START: IsoDay = '2026-11-30';
const TIME_ZONE = 'Europe/Moscow';

/** Each administrator's trigger runtime since the start, after a day's edits. */
interface TriggerDay {
  readonly day: IsoDay | '';
  readonly ms: Readonly<Record<string, number>>;
}

/** What `out/trigger-time.json` holds for each administrator (read by `npm run bench`). */
export interface AdministratorTriggerTime {
  readonly admin: string;
  readonly name: string;
  readonly managers: number;
  readonly clientsPerManager: number;
  readonly days: readonly { readonly day: IsoDay | ''; readonly ms: number }[];
}

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
    readonly out: Printer,
  ) {
    const locale = options.lang === 'ru' ? 'ru_RU' : 'en_US';
    this.gas = createGas({
      now: PREPARATION,
      timeZone: TIME_ZONE,
      locale,
      ...(options.workspace ? { workspaceDomains: [DEMO_DOMAIN] } : {}),
    });
    this.entrypoints = new Set(JSON.parse(readFileSync(join(dist, 'entrypoints.json'), 'utf8')) as string[]);
    const owner = this.firstAdmin;
    this.master = this.gas.createSpreadsheet(phrase(this.lang, 'masterName'), { owner, locale });
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

  text(key: MessageKey): string {
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
    this.out.say('skipped', { step, why });
  }

  /** Distinct trigger failures seen (handler: message), reported as warnings and in the summary. */
  readonly triggerProblems = new Set<string>();

  /** Trigger runs that failed since the last look: a handler missing from the bundle is a skip, anything else a warning. */
  checkTriggers(): void {
    const failures = this.gas.triggerFailures().slice(this.failuresSeen);
    this.failuresSeen += failures.length;
    for (const failure of failures) {
      if (failure.message === `Script function not found: ${failure.handler}`) {
        this.skip(failure.handler, phrase(this.lang, 'triggerNotInBuild'));
        continue;
      }
      const problem = `${failure.handler} (${failure.user}): ${failure.message}`;
      if (!this.triggerProblems.has(problem)) this.out.say('triggerFailed', { problem });
      this.triggerProblems.add(problem);
    }
  }

  setUp(): void {
    const owner = this.firstAdmin;
    this.gas.open(owner, this.master);
    const message = this.menu(owner, 'menu.setupMaster');
    this.out.say('masterSetUp', { admin: owner, message: oneLine(message) });
    this.pasteTeam();
    // Set up again: it shares the master with the administrators the Team sheet now lists.
    this.menu(owner, 'menu.setupMaster');
    this.out.say('teamPasted', {
      sheet: this.text('sheet.team'),
      admins: this.org.teams.length,
      managers: this.managerCount(),
    });
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
    this.skip(this.text('menu.addClients'), phrase(this.lang, 'notInBuild', { name: 'addClients' }));
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
    this.out.say('clientsPasted', {
      sheet: this.text('sheet.clients'),
      count: count(this.lang, clients.length),
      duplicates: this.org.duplicates,
      invalid: this.org.invalidPhones,
      doNotCall: clients.filter((c) => c.doNotCall).length,
    });
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
    const total = this.managerCount();
    let n = 0;
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
        n++;
        this.out.say('clientsAdded', {
          n,
          total,
          manager: manager.name,
          message: oneLine(summarise(report)),
        });
      }
      const refusing = clients.filter(
        (c) =>
          c.doNotCall &&
          team.managers.some((m) => m.email === c.manager) &&
          /\d{7}/.test(c.phone.replace(/\D/g, '')),
      );
      if (refusing.length === 0) continue;
      if (!this.entrypoints.has('markDoNotCall')) {
        this.skip(
          this.text('menu.markDoNotCall'),
          phrase(this.lang, 'notInBuild', { name: 'markDoNotCall' }),
        );
        continue;
      }
      const report = this.gas.callServer(team.administrator.email, this.master, 'markDoNotCall', {
        contacts: refusing.map((c) => c.phone).join('\n'),
        reason: refusing[0]?.reason ?? '',
      });
      this.out.say('doNotCall', { admin: team.administrator.name, message: oneLine(summarise(report)) });
    }
  }

  /** The administrator of `team` creates the week's campaign from the menu; returns its workbook. */
  newCampaign(team: Team, monday: IsoDay, n: number): WeekWorkbook {
    this.out.say('campaignStarting', { team: team.name, n, total: this.org.teams.length });
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
    this.out.say('campaignCreated', { admin: team.administrator.name, message: oneLine(message) });
    return { team: team.name, workbook, managers };
  }

  /** The night after `day`: the clock moves to 03:00 and the time-driven triggers due by then run. */
  night(day: IsoDay): void {
    const started = Date.now();
    this.out.progress('nightStarting', { day: shortDay(addDays(day, 1), this.lang) });
    this.gas.clock.set(at(addDays(day, 1), -6 * 60));
    this.gas.runTriggers();
    this.checkTriggers();
    this.out.say('night', {
      day: shortDay(addDays(day, 1), this.lang),
      seconds: seconds(this.lang, Date.now() - started),
    });
  }

  /** Each administrator reconciles from the menu; a failure is reported and the week goes on. */
  reconcile(): void {
    for (const team of this.org.teams) {
      const admin = team.administrator;
      try {
        const message = this.menu(admin.email, 'menu.reconcileNow');
        this.out.say('reconciled', { admin: admin.name, message: oneLine(message) });
      } catch (error) {
        const problem = `menuReconcileNow (${admin.email}): ${error instanceof Error ? error.message : String(error)}`;
        this.out.say('reconcileFailed', { problem });
        this.triggerProblems.add(problem);
      }
    }
  }

  /** Each administrator's trigger runtime so far (the emulator's estimate), after `day`'s edits. */
  triggerTotals(day: IsoDay | ''): TriggerDay {
    return {
      day,
      ms: Object.fromEntries(
        this.org.teams.map((team) => [
          team.administrator.email,
          this.gas.quotaUse(team.administrator.email).triggerMs.total,
        ]),
      ),
    };
  }

  /**
   * Per administrator, the trigger runtime of each day of the week: that day's edits (their edit
   * triggers run as the administrator who created the campaign) and the night before it.
   */
  triggerTime(snapshots: readonly TriggerDay[]): AdministratorTriggerTime[] {
    return this.org.teams.map((team) => {
      const email = team.administrator.email;
      return {
        admin: email,
        name: team.administrator.name,
        managers: team.managers.length,
        clientsPerManager: this.options.clients,
        days: snapshots.slice(1).map((snapshot, index) => ({
          day: snapshot.day,
          ms: Math.round((snapshot.ms[email] ?? 0) - (snapshots[index]?.ms[email] ?? 0)),
        })),
      };
    });
  }

  historyRows(): number {
    const grid = this.gas.read(this.master, this.text(HISTORY_SHEET.name), 'A1:L');
    return grid.slice(1).filter((row) => row.some((cell) => cell !== '')).length;
  }

  /** Writes the master, every weekly workbook and a report page per team of the played week. */
  async export(played: readonly WeekWorkbook[], next: readonly WeekWorkbook[]): Promise<string[]> {
    const folder = this.options.out;
    const jobs: Array<{ file: string; write: () => Promise<void> | void }> = [
      { file: 'master.xlsx', write: () => this.gas.exportXlsx(this.master, join(folder, 'master.xlsx')) },
    ];
    for (const book of [...played, ...next]) {
      const file = `week-${weekOf(book)}-${transliterate(book.team)}.xlsx`;
      jobs.push({ file, write: () => this.gas.exportXlsx(book.workbook, join(folder, file)) });
    }
    for (const book of played) {
      const file = `report-${weekOf(book)}-${transliterate(book.team)}.html`;
      jobs.push({
        file,
        write: () =>
          writeFileSync(
            join(folder, file),
            renderReport({
              lang: this.lang,
              workbook: book.workbook.getName(),
              totals: readTotals(this.gas, book.workbook, this.lang),
              ranking: readRanking(this.gas, this.master, this.lang, book.team),
            }),
          ),
      });
    }
    for (const [index, job] of jobs.entries()) {
      this.out.say('writing', { file: job.file, n: index + 1, total: jobs.length });
      await job.write();
    }
    return jobs.map((job) => job.file);
  }
}

function weekOf(book: WeekWorkbook): string {
  return book.workbook.getName().match(/\d{4}-W\d{2}/)?.[0] ?? 'week';
}

/** 09:00 + `minute` of a day in Moscow. */
function at(day: IsoDay, minute: number): Date {
  return new Date(startOfDay(day, TIME_ZONE).getTime() + (9 * 60 + minute) * 60_000);
}

/** «Пн 30.11» / «Mon 11/30». */
function shortDay(day: IsoDay, lang: Lang): string {
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay() || 7;
  const date =
    lang === 'ru'
      ? `${day.slice(8, 10)}.${day.slice(5, 7)}`
      : `${Number(day.slice(5, 7))}/${Number(day.slice(8, 10))}`;
  return `${t(lang, `weekday.${weekday}` as MessageKey)} ${date}`;
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

/** Builds dist/ as `npm run build` does, printing its output only when it fails. */
function build(out: Printer, lang: Lang): boolean {
  const started = Date.now();
  out.say('building');
  const result = spawnSync('npm', ['run', '--silent', 'build'], { encoding: 'utf8', stdio: 'pipe' });
  if (result.status === 0) {
    out.say('built', { seconds: seconds(lang, Date.now() - started) });
    return true;
  }
  console.error(`${phrase(lang, 'buildFailed')}\n${result.stdout ?? ''}${result.stderr ?? ''}`);
  return false;
}

/** Plays the week; resolves to the exit status. */
export async function play(options: Options, started: number): Promise<number> {
  const { lang } = options;
  const out = new Printer(lang, started);
  try {
    return await run(options, out, started);
  } catch (error) {
    console.error(
      `\n${phrase(lang, 'failed', { message: error instanceof Error ? error.message : String(error) })}`,
    );
    if (process.env.DEBUG && error instanceof Error) console.error(error.stack);
    return 1;
  }
}

async function run(options: Options, out: Printer, started: number): Promise<number> {
  const { lang } = options;
  const dist = resolve(process.env.PROZVON_DIST ?? 'dist');
  if (options.build && !build(out, lang)) return 1;
  if (!existsSync(join(dist, 'Code.js')) || !existsSync(join(dist, 'entrypoints.json')))
    throw new Error(`no built bundle in ${dist}: run npm run build (npm start does it unless --no-build)`);

  const removed = removeEarlierRun(options.out);
  const inside = relative(process.cwd(), options.out);
  const folder = inside === '' ? '.' : inside.startsWith('..') ? options.out : inside;
  if (removed > 0) out.say('cleaned', { dir: folder, count: removed });

  const org = seedOrganisation({
    seed: options.seed,
    managers: options.managers,
    clientsPerManager: options.clients,
    lang,
  });
  out.say('seeded', {
    seed: options.seed,
    teams: org.teams.length,
    managers: org.teams.reduce((sum, team) => sum + team.managers.length, 0),
    split: org.teams.map((team) => team.managers.length).join(' + '),
    clients: count(lang, org.clients.length),
  });
  const demo = new Demo(options, org, dist, out);
  demo.setUp();
  demo.addClients();

  const firstWeek = org.teams.map((team, index) => demo.newCampaign(team, WEEK_START, index + 1));
  demo.checkTriggers();

  const random = randomFrom(options.seed * 7919 + 1);
  const triggerDays: TriggerDay[] = [demo.triggerTotals('')];
  let lastProgress = Date.now();
  const played = playWeek({
    gas: demo.gas,
    lang,
    random,
    books: firstWeek,
    weekStart: WEEK_START,
    at,
    night: (day) => demo.night(day),
    onProgress: (day, done, total) => {
      if (Date.now() - lastProgress < out.progressEveryMs) return;
      lastProgress = Date.now();
      out.progress('dayProgress', {
        day: shortDay(day, lang),
        done: count(lang, done),
        total: count(lang, total),
        percent: new Intl.NumberFormat(lang === 'ru' ? 'ru-RU' : 'en-US', { style: 'percent' }).format(
          done / total,
        ),
      });
    },
    onDay: (day, tally) => {
      triggerDays.push(demo.triggerTotals(day));
      demo.checkTriggers();
      lastProgress = Date.now();
      out.say('dayDone', {
        day: shortDay(day, lang),
        edits: count(lang, tally.edits),
        refused: tally.refused > 0 ? phrase(lang, 'dayRefused', { refused: tally.refused }) : '',
      });
    },
  });
  const events = demo.historyRows();
  out.say('weekPlayed', { edits: count(lang, played.edits), events: count(lang, events) });
  const triggerTime = demo.triggerTime(triggerDays);
  writeFileSync(join(options.out, 'trigger-time.json'), `${JSON.stringify(triggerTime, null, 2)}\n`);
  for (const admin of triggerTime) {
    const minutes = (ms: number) =>
      new Intl.NumberFormat(lang === 'ru' ? 'ru-RU' : 'en-US', { maximumFractionDigits: 1 }).format(
        ms / 60_000,
      );
    out.say('triggerTime', {
      admin: admin.name,
      managers: admin.managers,
      busiest: minutes(Math.max(...admin.days.map((day) => day.ms))),
      week: minutes(admin.days.reduce((sum, day) => sum + day.ms, 0)),
      consumer: 90,
      workspace: 360,
    });
  }
  if (events === 0) demo.skip(t(lang, 'sheet.history'), phrase(lang, 'noHistory'));

  const nextMonday = addDays(WEEK_START, 7);
  demo.gas.clock.set(at(nextMonday, 3 * 60 + 30));
  demo.reconcile();
  const secondWeek = org.teams.map((team, index) => demo.newCampaign(team, nextMonday, index + 1));
  demo.checkTriggers();

  const files = await demo.export(firstWeek, secondWeek);
  out.say('wrote', { dir: folder, files: files.join(', ') });

  for (const book of firstWeek) {
    console.log(`\n${book.workbook.getName()} — ${t(lang, 'sheet.totals')}`);
    const totals = readTotals(demo.gas, book.workbook, lang);
    console.log(funnelTable(totals, lang, options.wide));
    console.log(`\n${book.workbook.getName()} — ${t(lang, 'totals.daily')}`);
    console.log(daysTable(totals, lang));
    const ranking = readRanking(demo.gas, demo.master, lang, book.team);
    console.log(`\n${book.team} — ${t(lang, 'sheet.results')}`);
    console.log(ranking.length > 0 ? rankingTable(ranking, lang) : phrase(lang, 'noResults'));
  }
  if (demo.triggerProblems.size > 0)
    console.log(`\n${phrase(lang, 'failedRuns')}\n  ${[...demo.triggerProblems].join('\n  ')}`);
  const stats = demo.gas.stats();
  console.log(
    `\n${phrase(lang, 'done', {
      seconds: seconds(lang, Date.now() - started),
      calls: count(lang, stats.calls),
      read: count(lang, stats.cellsRead),
      written: count(lang, stats.cellsWritten),
    })}`,
  );
  return 0;
}
