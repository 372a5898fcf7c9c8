// The emulator's outside surface (DESIGN §5): createGas() builds one in-memory Google — a
// virtual clock, spreadsheets (sheets/), and the services a bound script sees — and exposes
// what users do (open, click a menu, edit, answer a dialog) and what time does (runTriggers).
// Every user action runs the script as Google would: who it runs as, in which auth mode,
// with or without a UI, and which triggers fire. Behaviour choices: NOTES.md.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import vm from 'node:vm';
import type { CreateSheetsBackend, Grid, SheetsBackend } from './contracts';
import { Runtime, type AuthMode, type ExecutionKind, type Stats } from './runtime';
import { CacheStores, createCacheService } from './services/cache';
import { compileTemplate, createHtmlService, escapeHtml } from './services/html';
import { createLockService, LockTable, type LockScope } from './services/lock';
import { createConsole, createLogger, LogBook, type LogEntry } from './services/logger';
import { createMailApp, MailBox, type SentMail } from './services/mail';
import { createPropertiesService, PropertyStores } from './services/properties';
import { QUOTA_ERRORS, QuotaBook, type AccountKind, type QuotaUse } from './services/quota';
import { createScriptApp, followingRun, TriggerTable, type TriggerRecord } from './services/script-app';
import { createSession, createUser } from './services/session';
import { isDate, isPlainObject, type ProjectView } from './services/shared';
import {
  createUi,
  UiState,
  type ButtonName,
  type MenuEntry,
  type MenuSpec,
  type ShownUi,
} from './services/ui';
import { createUtilities } from './services/utilities';
import { virtualDate } from './services/virtual-date';

export type { ShownUi, SentMail, LogEntry, MenuSpec, QuotaUse, AccountKind };

export interface GasOptions {
  /** The virtual clock's start, e.g. '2026-11-30T09:00:00+03:00'. */
  readonly now: string | Date;
  /** Default zone of new spreadsheets and of the script when the manifest names none. */
  readonly timeZone?: string;
  /** Default locale of new spreadsheets and users, e.g. 'ru_RU'. */
  readonly locale?: string;
  /**
   * Google Workspace domains. A user's email is visible to another user's trigger only inside
   * the script owner's Workspace domain; every other account is treated as a consumer account
   * whose email Google hides (the default, since it exposes code that trusts e.user). Daily
   * quotas follow the account kind too: a user of these domains has Workspace quotas.
   */
  readonly workspaceDomains?: readonly string[];
  /** Fire daily/weekly triggers at a fixed pseudo-random minute of their hour, as Google does. */
  readonly triggerJitter?: boolean;
  /** The spreadsheet half; defaults to ./sheets. */
  readonly sheetsBackend?: CreateSheetsBackend;
}

export type SpreadsheetRef = GoogleAppsScript.Spreadsheet.Spreadsheet | string;

export type EditResult =
  { readonly ok: true } | { readonly ok: false; readonly reason: string; readonly message?: string };

export interface TriggerInfo {
  readonly uid: string;
  readonly handler: string;
  readonly owner: string;
  readonly eventType: string;
  readonly sourceId: string | null;
  readonly nextRun: Date | null;
  readonly timeZone: string;
}

export interface TriggerFailure {
  readonly kind: 'simpleTrigger' | 'installableTrigger' | 'timeTrigger';
  readonly handler: string;
  readonly triggerUid: string | null;
  /** The user the trigger ran as (a failing installable trigger e-mails its creator). */
  readonly user: string;
  readonly message: string;
  readonly error: unknown;
  readonly time: Date;
}

/** Google's message when a menu item, trigger or call names a function the project lacks. */
export const functionNotFound = (name: string): string => `Script function not found: ${name}`;
/** Runaway catch-up guard for runTriggers (e.g. an every-minute trigger over a month). */
export const MAX_FIRINGS_PER_RUN = 2000;

/**
 * A built bundle as read from disk: every .js file compiled once (in the order gas-local loads
 * them: directory listing order, depth first), the manifest and the HTML files. A fork runs the
 * same compiled files in its own fresh vm context.
 */
interface Bundle {
  readonly dir: string;
  readonly scripts: readonly vm.Script[];
  readonly manifest: { readonly timeZone?: string; readonly oauthScopes?: readonly string[] };
  readonly html: ReadonlyMap<string, string>;
}

interface Project {
  readonly bundle: Bundle;
  readonly dir: string;
  readonly boundSpreadsheetId: string;
  readonly owner: string;
  readonly name: string;
  readonly timeZone: string;
  readonly oauthScopes: readonly string[] | null;
  readonly html: ReadonlyMap<string, string>;
  readonly scope: vm.Context;
  readonly templateRunners: Map<string, (vars: object, escape: (v: unknown) => string) => string>;
}

interface RunOptions {
  readonly kind: ExecutionKind;
  /** The real user at the keyboard (menus, dialogs, the editing user). */
  readonly user: string;
  readonly activeUser: string;
  readonly effectiveUser: string;
  readonly authMode: AuthMode;
  readonly ui: boolean;
  readonly spreadsheetId: string | null;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Reads and compiles a built bundle: its .js files, appsscript.json and *.html files. */
function readBundle(dir: string): Bundle {
  const folder = resolve(dir);
  const files = walk(folder);
  let manifest: Bundle['manifest'] = {};
  try {
    manifest = JSON.parse(readFileSync(join(folder, 'appsscript.json'), 'utf8')) as Bundle['manifest'];
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const html = new Map<string, string>();
  for (const file of files.filter((path) => path.endsWith('.html'))) {
    html.set(
      relative(folder, file)
        .replace(/\\/g, '/')
        .replace(/\.html$/, ''),
      readFileSync(file, 'utf8'),
    );
  }
  const scripts = files
    .filter((path) => extname(path) === '.js')
    .map((path) => new vm.Script(readFileSync(path, 'utf8'), { filename: path }));
  return { dir: folder, scripts, manifest, html };
}

function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function a1Of(row: number, column: number, numRows: number, numColumns: number): string {
  const start = `${columnLetters(column)}${row}`;
  if (numRows === 1 && numColumns === 1) return start;
  return `${start}:${columnLetters(column + numColumns - 1)}${row + numRows - 1}`;
}

function defaultBackend(): CreateSheetsBackend {
  // Loaded lazily so the services half can be used (and tested) on its own.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('./sheets/index') as { createSheetsBackend: CreateSheetsBackend }).createSheetsBackend;
}

const BUTTON_NAMES: readonly ButtonName[] = ['OK', 'CANCEL', 'YES', 'NO', 'CLOSE'];

/** Queued dialog replies and a record of what the script showed. */
export class UiSurface {
  constructor(private readonly state: UiState) {}

  /** Queues the reply to the next alert or prompt: a button name and, for prompts, the typed text. */
  answer(button: string, text = ''): this {
    const name = button.toUpperCase() as ButtonName;
    if (!BUTTON_NAMES.includes(name))
      throw new Error(`gas.ui.answer: unknown button ${button} (${BUTTON_NAMES.join(', ')})`);
    this.state.answers.push({ button: name, text });
    return this;
  }

  /** Replies queued and not yet used. */
  pendingAnswers(): ReadonlyArray<{ button: ButtonName; text: string }> {
    return [...this.state.answers];
  }

  /** Everything shown so far, oldest first: alerts, prompts, sidebars and dialogs. */
  shown(): readonly ShownUi[] {
    return [...this.state.shown];
  }

  alerts(): readonly ShownUi[] {
    return this.state.shown.filter((entry) => entry.kind === 'alert' || entry.kind === 'prompt');
  }

  lastAlert(): ShownUi | undefined {
    return this.alerts().at(-1);
  }

  dialogs(): readonly ShownUi[] {
    return this.state.shown.filter(
      (entry) => entry.kind === 'modalDialog' || entry.kind === 'modelessDialog',
    );
  }

  sidebars(): readonly ShownUi[] {
    return this.state.shown.filter((entry) => entry.kind === 'sidebar');
  }

  last(): ShownUi | undefined {
    return this.state.shown.at(-1);
  }

  /** Forgets what was shown (queued answers stay). */
  clearShown(): void {
    this.state.shown.length = 0;
  }
}

export class Gas {
  readonly runtime: Runtime;
  readonly clock: Runtime['clock'];
  readonly ui: UiSurface;
  readonly backend: SheetsBackend;
  readonly #options: GasOptions;
  readonly #uiState: UiState;
  readonly #triggers: TriggerTable;
  readonly #locks: LockTable;
  readonly #logBook: LogBook;
  readonly #mailBox: MailBox;
  readonly #quota: QuotaBook;
  readonly #failures: TriggerFailure[] = [];
  readonly #properties = new PropertyStores();
  readonly #caches = new CacheStores();
  readonly #sessions = new Map<number, { user: string; spreadsheetId: string | null }>();
  readonly #globals: Record<string, unknown>;
  #project: Project | null = null;

  constructor(options: GasOptions) {
    this.#options = options;
    const now = new Date(options.now);
    if (Number.isNaN(now.getTime())) throw new Error(`createGas: now is not a date: ${String(options.now)}`);
    this.runtime = new Runtime({
      now,
      timeZone: options.timeZone ?? 'Europe/Moscow',
      locale: options.locale ?? 'ru_RU',
    });
    this.clock = this.runtime.clock;
    const runtime = this.runtime;
    this.#uiState = new UiState(runtime);
    this.ui = new UiSurface(this.#uiState);
    this.#triggers = new TriggerTable(runtime, options.triggerJitter ?? false);
    this.#locks = new LockTable(runtime);
    this.#logBook = new LogBook(runtime);
    this.#quota = new QuotaBook(this.clock, (user) => this.#accountOf(user));
    this.#mailBox = new MailBox(this.#quota);
    runtime.onExecutionEnd((context) => this.#sessions.delete(context.executionId));

    const uiDeps = {
      runtime,
      state: this.#uiState,
      session: () => this.#session(),
      releaseLocks: (executionId: number) => this.#locks.releaseAll(executionId),
      addonMenuCaption: () => this.#project?.name ?? 'Untitled project',
    };
    this.backend = (options.sheetsBackend ?? defaultBackend())(runtime, { getUi: () => createUi(uiDeps) });

    const project = this.#projectView();
    this.#globals = {
      SpreadsheetApp: this.backend.spreadsheetApp,
      Charts: this.backend.charts,
      ScriptApp: createScriptApp({
        runtime,
        project,
        table: this.#triggers,
        spreadsheetId: (ref) => this.#scriptSpreadsheetId(ref),
        scriptId: '1EmulatedScriptIdProzvon0000000000000000000000000000000',
      }),
      PropertiesService: createPropertiesService(runtime, this.#properties, this.#quota),
      CacheService: createCacheService(runtime, this.#caches),
      LockService: createLockService(runtime, this.#locks),
      Session: createSession(runtime, project, () => this.runtime.locale),
      Utilities: createUtilities(runtime),
      HtmlService: createHtmlService(runtime, project),
      Logger: createLogger(runtime, this.#logBook),
      console: createConsole(runtime, this.#logBook),
      MailApp: createMailApp(runtime, project, this.#mailBox),
      Date: virtualDate(this.clock),
    };
  }

  /**
   * A test facility, not a Google behaviour: an independent deep copy of this whole world, so a
   * test builds a fixture once and drives each case from an identical copy. Copied: every
   * spreadsheet (ids kept), the property stores and caches, triggers (next runs, owners), locks
   * held by other processes, the clock, the UI (menus per user, queued answers, what was shown),
   * mail, logs, trigger failures, quota use, stats, a pending failCall and the installed project
   * (the same compiled bundle run in a fresh vm context of the copy's services). Spreadsheet
   * objects belong to their world: look them up in the copy by id (`fork.spreadsheet(id)`).
   * New spreadsheets and triggers never get an id the other world hands out. NOTES.md, "Forking a world".
   */
  fork(): Gas {
    if (this.runtime.hasContext()) throw new Error('emulator: gas.fork() cannot run inside an execution');
    if (!this.backend.copyFrom)
      throw new Error('emulator: this sheets backend cannot be forked (no copyFrom)');
    const copy = new Gas(this.#options);
    copy.#copyFrom(this);
    return copy;
  }

  #copyFrom(source: Gas): void {
    this.runtime.copyFrom(source.runtime);
    this.backend.copyFrom?.(source.backend);
    this.#uiState.copyFrom(source.#uiState);
    this.#triggers.copyFrom(source.#triggers);
    this.#locks.copyFrom(source.#locks);
    this.#logBook.copyFrom(source.#logBook);
    this.#mailBox.copyFrom(source.#mailBox);
    this.#quota.copyFrom(source.#quota);
    this.#properties.copyFrom(source.#properties);
    this.#caches.copyFrom(source.#caches);
    for (const failure of source.#failures) {
      // The error object itself is shared: it is a record of what was thrown, never changed.
      this.#failures.push({ ...failure, time: new Date(failure.time.getTime()) });
    }
    const project = source.#project;
    if (project) {
      this.#instantiate(project.bundle, {
        boundSpreadsheetId: project.boundSpreadsheetId,
        owner: project.owner,
        name: project.name,
      });
    }
  }

  /** The services as the script sees them (for unit tests of a service without a bundle). */
  get globals(): Readonly<Record<string, unknown>> {
    return this.#globals;
  }

  // --- spreadsheets --------------------------------------------------------------------

  createSpreadsheet(
    name: string,
    options: { owner: string; locale?: string; timeZone?: string },
  ): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return this.backend.createSpreadsheet(name, {
      owner: options.owner,
      locale: options.locale ?? this.runtime.locale,
      timeZone: options.timeZone ?? this.runtime.timeZone,
    });
  }

  spreadsheets(): GoogleAppsScript.Spreadsheet.Spreadsheet[] {
    return this.backend.spreadsheets();
  }

  spreadsheet(ref: SpreadsheetRef): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return this.backend.byId(this.idOf(ref));
  }

  /**
   * A spreadsheet's id from the object or the id itself (never counted). An object of another
   * world (the original of a fork, or a fork) is refused: look it up here by its id.
   */
  idOf(ref: SpreadsheetRef): string {
    if (typeof ref === 'string') return ref;
    const id = this.runtime.uncounted(() => ref.getId());
    // A backend that can be forked hands out one object per spreadsheet (contracts.ts).
    if (this.backend.copyFrom && this.#ownObject(id) !== ref) {
      throw new Error(
        `emulator: this Spreadsheet object (${id}) belongs to another world (a fork or its original); ` +
          'look it up in this one with gas.spreadsheet(id)',
      );
    }
    return id;
  }

  #ownObject(id: string): GoogleAppsScript.Spreadsheet.Spreadsheet | null {
    try {
      return this.backend.byId(id);
    } catch {
      return null; // not a spreadsheet of this world
    }
  }

  read(ref: SpreadsheetRef, sheetName: string, a1: string): Grid {
    return this.backend.read(this.idOf(ref), sheetName, a1);
  }

  readDisplay(ref: SpreadsheetRef, sheetName: string, a1: string): string[][] {
    return this.backend.readDisplay(this.idOf(ref), sheetName, a1);
  }

  exportXlsx(ref: SpreadsheetRef, path: string): Promise<void> {
    return this.backend.exportXlsx(this.idOf(ref), path);
  }

  /** The sheets half's test probes (isInvalid, toasts, readFormulas), when it offers them. */
  #probe<T>(name: string): T {
    const probe = (this.backend as unknown as Record<string, unknown>)[name];
    if (typeof probe !== 'function') throw new Error(`emulator: the sheets backend has no ${name} probe`);
    return probe.bind(this.backend) as T;
  }

  /** True when the cell holds a value its validation rule rejects (a script wrote it). */
  isInvalid(ref: SpreadsheetRef, sheetName: string, a1: string): boolean {
    return this.#probe<(id: string, s: string, a: string) => boolean>('isInvalid')(
      this.idOf(ref),
      sheetName,
      a1,
    );
  }

  /** Toasts shown in a spreadsheet, oldest first. */
  toasts(ref: SpreadsheetRef): readonly unknown[] {
    return this.#probe<(id: string) => readonly unknown[]>('toasts')(this.idOf(ref));
  }

  /** Formula texts of a range ('' for constants). */
  readFormulas(ref: SpreadsheetRef, sheetName: string, a1: string): string[][] {
    return this.#probe<(id: string, s: string, a: string) => string[][]>('readFormulas')(
      this.idOf(ref),
      sheetName,
      a1,
    );
  }

  select(user: string, ref: SpreadsheetRef, sheetName: string, a1: string): void {
    this.backend.select(user, this.idOf(ref), sheetName, a1);
  }

  // --- the project -----------------------------------------------------------------------

  /**
   * Installs the built bundle in `dir` as the script bound to `container`: every .js file is
   * loaded into one vm context whose globals are this emulator's services (as gas-local does);
   * appsscript.json gives the time zone and scopes; *.html files serve HtmlService.
   */
  install(container: SpreadsheetRef, dir: string, options: { name?: string } = {}): void {
    const id = this.idOf(container);
    this.#instantiate(readBundle(dir), {
      boundSpreadsheetId: id,
      owner: this.backend.ownerOf(id),
      name: options.name ?? 'Untitled project',
    });
  }

  /** Runs the bundle's files in a fresh vm context of this world's services and makes it the project. */
  #instantiate(bundle: Bundle, binding: Pick<Project, 'boundSpreadsheetId' | 'owner' | 'name'>): void {
    const scope = vm.createContext({ ...this.#globals });
    for (const script of bundle.scripts) script.runInContext(scope);
    const ScriptError = vm.runInContext('Error', scope) as ErrorConstructor;
    this.runtime.scriptError = (error) => {
      if (error instanceof ScriptError || !(error instanceof Error)) return error;
      const converted = new ScriptError(error.message);
      // Apps Script names its service errors "Exception" (logs show "Exception: …").
      converted.name = error.name === 'Error' ? 'Exception' : error.name;
      if (error.stack) converted.stack = error.stack.replace(/^Error/, converted.name);
      return converted;
    };
    this.#project = {
      bundle,
      dir: bundle.dir,
      ...binding,
      timeZone: bundle.manifest.timeZone ?? this.runtime.timeZone,
      oauthScopes: bundle.manifest.oauthScopes ?? null,
      html: bundle.html,
      scope,
      templateRunners: new Map(),
    };
  }

  #requireProject(): Project {
    if (!this.#project)
      throw new Error('emulator: no script installed (call gas.install(spreadsheet, dir) first)');
    return this.#project;
  }

  #projectView(): ProjectView {
    return {
      timeZone: () => this.#project?.timeZone ?? this.runtime.timeZone,
      manifestScopes: () => this.#project?.oauthScopes ?? null,
      owner: () => this.#requireProject().owner,
      htmlFile: (name) => {
        const files = this.#requireProject().html;
        return files.get(name) ?? files.get(name.replace(/\.html$/, '')) ?? null;
      },
      runTemplate: (code, vars) => {
        const project = this.#requireProject();
        let runner = project.templateRunners.get(code);
        if (!runner) {
          // `with` gives the template's variables as bare names, as Apps Script templates do.
          runner = vm.runInContext(
            `(function (__vars, __escape) { with (__vars) { ${code}\n} })`,
            project.scope,
          ) as (vars: object, escape: (v: unknown) => string) => string;
          project.templateRunners.set(code, runner);
        }
        return runner(vars, escapeHtml);
      },
    };
  }

  /** A top-level function of the bundle by name (function declarations and top-level let/const). */
  #function(name: string): ((...args: unknown[]) => unknown) | null {
    const { scope } = this.#requireProject();
    if (!/^[A-Za-z_$][\w$]*$/.test(name)) return null;
    const found: unknown = vm.runInContext(`typeof ${name} === 'function' ? ${name} : undefined`, scope);
    return typeof found === 'function' ? (found as (...args: unknown[]) => unknown) : null;
  }

  #scriptSpreadsheetId(ref: unknown): string {
    if (typeof ref === 'string') {
      this.backend.byId(ref);
      return ref;
    }
    if (ref && typeof ref === 'object' && typeof (ref as { getId?: unknown }).getId === 'function') {
      return this.runtime.uncounted(() => (ref as GoogleAppsScript.Spreadsheet.Spreadsheet).getId());
    }
    throw new Error(
      `The parameters (${typeof ref}) don't match the method signature for ScriptApp.TriggerBuilder.forSpreadsheet.`,
    );
  }

  // --- identities --------------------------------------------------------------------------

  #domain(email: string): string {
    return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
  }

  /** Google Workspace when the user's domain is one of `workspaceDomains`, else a consumer account. */
  #accountOf(user: string): AccountKind {
    const workspace = (this.#options.workspaceDomains ?? []).map((domain) => domain.toLowerCase());
    return workspace.includes(this.#domain(user)) ? 'workspace' : 'consumer';
  }

  /**
   * The active user's email as another user's script sees it: Google shows it only to the
   * script owner or inside the owner's Workspace domain; consumer accounts get ''.
   */
  #visibleTo(user: string, runsAs: string): string {
    if (user === runsAs) return user;
    const owner = this.#requireProject().owner;
    if (user === owner) return user;
    const workspace = this.#options.workspaceDomains ?? [];
    const domain = this.#domain(user);
    return workspace.includes(domain) && domain === this.#domain(owner) ? user : '';
  }

  #session(): { user: string; spreadsheetId: string | null } {
    const context = this.runtime.context();
    return (
      this.#sessions.get(context.executionId) ?? {
        user: context.activeUser,
        spreadsheetId: context.activeSpreadsheetId,
      }
    );
  }

  #run<T>(options: RunOptions, fn: () => T): T {
    const project = this.#requireProject();
    return this.runtime.execute(
      {
        kind: options.kind,
        activeUser: options.activeUser,
        effectiveUser: options.effectiveUser,
        authMode: options.authMode,
        ui: options.ui,
        boundSpreadsheetId: project.boundSpreadsheetId,
        activeSpreadsheetId: options.spreadsheetId,
      },
      () => {
        this.#sessions.set(this.runtime.context().executionId, {
          user: options.user,
          spreadsheetId: options.spreadsheetId,
        });
        return fn();
      },
    );
  }

  /**
   * Runs a trigger as `runsAs` — unless that user's daily trigger runtime is spent: Google then
   * does not run it and reports `Service using too much computer time for one day`. The
   * execution's estimated time (cost model) is charged to them, whether it succeeded or not.
   */
  #runTrigger<T>(runsAs: string, options: RunOptions, fn: () => T): T {
    if (this.#quota.isExhausted(runsAs, 'triggerMs')) throw new Error(QUOTA_ERRORS.triggerTime);
    const since = this.clock.nowMillis();
    let started = false;
    try {
      return this.#run(options, () => {
        started = true;
        return fn();
      });
    } finally {
      if (started) this.#quota.charge(runsAs, 'triggerMs', this.runtime.executionEstimateMs(), since);
    }
  }

  #requireAccess(user: string, id: string, level: 'view' | 'edit'): void {
    if (!this.backend.canAccess(user, id, level)) {
      throw new Error(`emulator: ${user} has no ${level} access to spreadsheet ${id}`);
    }
  }

  // --- what users do -------------------------------------------------------------------------

  /**
   * A user opens the spreadsheet: the page starts with no custom menus; the simple onOpen runs
   * (bound spreadsheet, editors only, LIMITED) and then installable onOpen triggers (as their
   * creators, FULL). Viewers get no triggers, as Google runs none for read-only users.
   */
  open(user: string, ref: SpreadsheetRef): void {
    const id = this.idOf(ref);
    this.#requireAccess(user, id, 'view');
    this.#uiState.menus.delete(UiState.key(user, id));
    if (!this.backend.canAccess(user, id, 'edit')) return;
    const project = this.#requireProject();
    if (id === project.boundSpreadsheetId) {
      this.#fireSimple('onOpen', user, id, (authMode) => ({
        authMode,
        source: this.backend.byId(id),
        user: createUser(this.runtime, this.#visibleTo(user, user)),
      }));
    }
    for (const record of this.#spreadsheetTriggers(id, 'ON_OPEN')) {
      this.#fireInstallable(record, user, id, (base) => base);
    }
  }

  /** Menus that user's executions added to the UI of that spreadsheet (after gas.open). */
  menus(user: string, ref: SpreadsheetRef): readonly MenuSpec[] {
    return this.#uiState.menusOf(user, this.idOf(ref));
  }

  /**
   * Clicks a menu item (path: menu caption, [sub-menu captions…], item caption) and runs its
   * handler as that user (kind 'menu', FULL, with a UI). Script errors are rethrown: Google
   * shows them to the user.
   */
  clickMenu(user: string, ref: SpreadsheetRef, ...path: string[]): unknown {
    const id = this.idOf(ref);
    this.#requireAccess(user, id, 'view');
    const functionName = this.#findMenuItem(user, id, path);
    const fn = this.#function(functionName);
    if (!fn) throw new Error(functionNotFound(functionName));
    return this.#run(
      {
        kind: 'menu',
        user,
        activeUser: user,
        effectiveUser: user,
        authMode: 'FULL',
        ui: true,
        spreadsheetId: id,
      },
      () => fn.call(this.#requireProject().scope),
    );
  }

  #findMenuItem(user: string, id: string, path: string[]): string {
    const [menuCaption, ...rest] = path;
    const menus = this.#uiState.menusOf(user, id);
    const describe = (): string =>
      menus.length === 0
        ? `${user} has no custom menus in ${id} (did gas.open run onOpen?)`
        : `menus: ${menus.map((menu) => `${menu.caption} [${menu.items.map(entryCaption).join(', ')}]`).join('; ')}`;
    let entries: readonly MenuEntry[] | undefined = menus.find((menu) => menu.caption === menuCaption)?.items;
    if (!entries || rest.length === 0)
      throw new Error(`emulator: no menu "${path.join(' > ')}"; ${describe()}`);
    for (let i = 0; i < rest.length; i++) {
      const caption = rest[i];
      const entry: MenuEntry | undefined = entries.find((e) => entryCaption(e) === caption);
      if (entry?.kind === 'item' && i === rest.length - 1) return entry.functionName;
      if (entry?.kind !== 'subMenu') break;
      entries = entry.menu.items;
    }
    throw new Error(`emulator: no menu item "${path.join(' > ')}"; ${describe()}`);
  }

  /**
   * google.script.run from a dialog or sidebar: arguments and result obey Google's rules —
   * Dates and functions fail, `undefined` in arrays becomes null, objects are copied, names
   * ending in `_` are private — and errors reach the caller (the failure handler).
   */
  callServer(user: string, ref: SpreadsheetRef, functionName: string, ...args: unknown[]): unknown {
    const id = this.idOf(ref);
    this.#requireAccess(user, id, 'view');
    const fn = functionName.endsWith('_') ? null : this.#function(functionName);
    if (!fn) throw new TypeError(`google.script.run.${functionName} is not a function`);
    args.forEach((arg, index) => {
      if (containsIllegal(arg)) throw new Error(`Failed due to illegal value in property: ${index}`);
    });
    const { scope } = this.#requireProject();
    // Arguments arrive as fresh objects of the script's own realm.
    const copied = (vm.runInContext('JSON', scope) as JSON).parse(JSON.stringify(args)) as unknown[];
    const result = this.#run(
      {
        kind: 'server',
        user,
        activeUser: user,
        effectiveUser: user,
        authMode: 'FULL',
        ui: true,
        spreadsheetId: id,
      },
      () => fn.apply(scope, copied),
    );
    // A Date anywhere in the result makes the client receive null.
    if (containsDate(result)) return null;
    return result === undefined ? undefined : (JSON.parse(JSON.stringify(result)) as unknown);
  }

  /** Runs a top-level function as from the script editor (kind 'direct', FULL, no UI); errors propagate. */
  run(user: string, ref: SpreadsheetRef, functionName: string, ...args: unknown[]): unknown {
    const id = this.idOf(ref);
    this.#requireAccess(user, id, 'edit');
    const fn = this.#function(functionName);
    if (!fn) throw new Error(functionNotFound(functionName));
    return this.#run(
      {
        kind: 'direct',
        user,
        activeUser: user,
        effectiveUser: user,
        authMode: 'FULL',
        ui: false,
        spreadsheetId: id,
      },
      () => fn.apply(this.#requireProject().scope, args),
    );
  }

  /**
   * A user types into a cell (a value) or pastes (a 2-D array); '' clears. Protection and
   * validation are enforced by the sheets half; a refused edit writes nothing and fires
   * nothing. An accepted edit fires the simple onEdit (bound spreadsheet only) and installable
   * onEdit and onChange triggers of that spreadsheet. Script writes never come through here.
   */
  edit(user: string, ref: SpreadsheetRef, sheetName: string, a1: string, values: unknown): EditResult {
    const id = this.idOf(ref);
    const grid: string[][] = (Array.isArray(values) ? values : [[values]]).map((row: unknown) => {
      if (!Array.isArray(row)) throw new Error('gas.edit: a paste is a 2-D array of typed text');
      return row.map(typedText);
    });
    const outcome = this.backend.userEdit({ user, spreadsheetId: id, sheetName, a1, values: grid });
    if (!outcome.ok) {
      const refused = { ok: false as const, reason: outcome.reason };
      // The message is there for people reading a failure, not part of the compared shape.
      Object.defineProperty(refused, 'message', { value: outcome.message, enumerable: false });
      return refused;
    }
    const rangeA1 = a1Of(outcome.row, outcome.column, outcome.numRows, outcome.numColumns);
    const singleCell: Record<string, string> = {};
    if (outcome.value !== undefined) singleCell.value = outcome.value;
    if (outcome.oldValue !== undefined) singleCell.oldValue = outcome.oldValue;
    const project = this.#requireProject();
    const base = (authMode: unknown, runsAs: string): Record<string, unknown> => ({
      authMode,
      range: this.backend.rangeFor(id, outcome.sheetName, rangeA1),
      source: this.backend.byId(id),
      user: createUser(this.runtime, this.#visibleTo(user, runsAs)),
      ...singleCell,
    });
    if (id === project.boundSpreadsheetId)
      this.#fireSimple('onEdit', user, id, (authMode) => base(authMode, user));
    for (const record of this.#spreadsheetTriggers(id, 'ON_EDIT')) {
      this.#fireInstallable(record, user, id, () => base(this.#triggers.AuthMode.FULL, record.owner));
    }
    this.#fireChange(user, id, 'EDIT');
    return { ok: true };
  }

  /**
   * A user deletes whole rows (the row header's «Delete rows»). Refused, with nothing deleted,
   * unless the user may edit every cell of those rows; an accepted deletion fires the installable
   * onChange triggers of that spreadsheet with changeType REMOVE_ROW, and no onEdit.
   */
  deleteRows(user: string, ref: SpreadsheetRef, sheetName: string, row: number, howMany = 1): EditResult {
    const id = this.idOf(ref);
    const outcome = this.backend.userDeleteRows({ user, spreadsheetId: id, sheetName, row, howMany });
    if (!outcome.ok) {
      const refused = { ok: false as const, reason: outcome.reason };
      Object.defineProperty(refused, 'message', { value: outcome.message, enumerable: false });
      return refused;
    }
    this.#fireChange(user, id, 'REMOVE_ROW');
    return { ok: true };
  }

  #fireChange(user: string, id: string, changeType: string): void {
    for (const record of this.#spreadsheetTriggers(id, 'ON_CHANGE')) {
      this.#fireInstallable(record, user, id, () => ({
        authMode: this.#triggers.AuthMode.FULL,
        changeType,
        source: this.backend.byId(id),
        user: createUser(this.runtime, this.#visibleTo(user, record.owner)),
      }));
    }
  }

  #spreadsheetTriggers(id: string, eventType: TriggerRecord['eventType']): TriggerRecord[] {
    return this.#triggers.records.filter(
      (record) => record.sourceId === id && record.eventType === eventType,
    );
  }

  /** A simple trigger: runs as the user in LIMITED mode, identity hidden unless visible. */
  #fireSimple(
    name: 'onOpen' | 'onEdit',
    user: string,
    id: string,
    event: (authMode: unknown) => object,
  ): void {
    const fn = this.#function(name);
    if (!fn) return;
    const { scope } = this.#requireProject();
    try {
      this.#runTrigger(
        user,
        {
          kind: 'simpleTrigger',
          user,
          activeUser: this.#visibleTo(user, ''),
          effectiveUser: user,
          authMode: 'LIMITED',
          ui: true,
          spreadsheetId: id,
        },
        () => fn.call(scope, event(this.#triggers.AuthMode.LIMITED)),
      );
    } catch (error) {
      this.#recordFailure('simpleTrigger', name, null, user, error);
    }
  }

  /** An installable spreadsheet trigger: runs as its creator in FULL mode, with triggerUid. */
  #fireInstallable(
    record: TriggerRecord,
    user: string,
    id: string,
    event: (base: Record<string, unknown>) => Record<string, unknown>,
  ): void {
    try {
      const fn = this.#function(record.handler);
      if (!fn) throw new Error(functionNotFound(record.handler));
      this.#runTrigger(
        record.owner,
        {
          kind: 'installableTrigger',
          user,
          activeUser: this.#visibleTo(user, record.owner),
          effectiveUser: record.owner,
          authMode: 'FULL',
          ui: true,
          spreadsheetId: id,
        },
        () =>
          fn.call(this.#requireProject().scope, {
            ...event({
              authMode: this.#triggers.AuthMode.FULL,
              source: this.backend.byId(id),
              user: createUser(this.runtime, this.#visibleTo(user, record.owner)),
            }),
            triggerUid: record.uid,
          }),
      );
    } catch (error) {
      this.#recordFailure('installableTrigger', record.handler, record.uid, record.owner, error);
    }
  }

  #recordFailure(
    kind: TriggerFailure['kind'],
    handler: string,
    uid: string | null,
    user: string,
    error: unknown,
  ): void {
    this.#failures.push({
      kind,
      handler,
      triggerUid: uid,
      user,
      message:
        error instanceof Error || (error && typeof error === 'object' && 'message' in error)
          ? String((error as Error).message)
          : String(error),
      error,
      time: this.clock.now(),
    });
  }

  // --- what time does --------------------------------------------------------------------------

  /**
   * Fires every time-driven trigger due by now, earliest first, each in its own execution as
   * its creator (FULL, no UI). Missed occurrences are caught up in order with the clock set to
   * each one's time, then the clock returns to now (or later, if the runs took longer).
   * One-off triggers stay listed after firing, as Google keeps them until deleted.
   */
  runTriggers(): { fired: number } {
    const target = this.clock.nowMillis();
    let cursor = -Infinity;
    let fired = 0;
    for (;;) {
      const record = this.#triggers.due(target)[0];
      if (!record || record.nextRun === null || !record.schedule) break;
      if (++fired > MAX_FIRINGS_PER_RUN) {
        throw new Error(
          `emulator: more than ${MAX_FIRINGS_PER_RUN} trigger firings due; advance the clock in smaller steps`,
        );
      }
      const at = record.nextRun;
      record.nextRun = followingRun(record.schedule, at, record.timeZone);
      this.clock.set(Math.max(at, cursor));
      this.#fireClock(record, at);
      cursor = this.clock.nowMillis();
    }
    this.clock.set(Math.max(target, cursor));
    return { fired };
  }

  #fireClock(record: TriggerRecord, at: number): void {
    try {
      const fn = this.#function(record.handler);
      if (!fn) throw new Error(functionNotFound(record.handler));
      const d = new Date(at);
      const project = this.#requireProject();
      const event = {
        authMode: this.#triggers.AuthMode.FULL,
        year: d.getUTCFullYear(),
        month: d.getUTCMonth() + 1,
        'day-of-month': d.getUTCDate(),
        'day-of-week': d.getUTCDay() === 0 ? 7 : d.getUTCDay(),
        'week-of-year': isoWeek(d),
        hour: d.getUTCHours(),
        minute: d.getUTCMinutes(),
        second: d.getUTCSeconds(),
        timezone: 'UTC',
        triggerUid: record.uid,
      };
      this.#runTrigger(
        record.owner,
        {
          kind: 'timeTrigger',
          user: record.owner,
          activeUser: record.owner,
          effectiveUser: record.owner,
          authMode: 'FULL',
          ui: false,
          spreadsheetId: project.boundSpreadsheetId,
        },
        () => fn.call(project.scope, event),
      );
    } catch (error) {
      this.#recordFailure('timeTrigger', record.handler, record.uid, record.owner, error);
    }
  }

  // --- looking inside ------------------------------------------------------------------------

  triggers(): TriggerInfo[] {
    return this.#triggers.records.map((record) => ({
      uid: record.uid,
      handler: record.handler,
      owner: record.owner,
      eventType: record.eventType,
      sourceId: record.sourceId,
      nextRun: record.nextRun === null ? null : new Date(record.nextRun),
      timeZone: record.timeZone,
    }));
  }

  triggerFailures(): readonly TriggerFailure[] {
    return [...this.#failures];
  }

  mail(): readonly SentMail[] {
    return [...this.#mailBox.sent];
  }

  logs(): readonly LogEntry[] {
    return [...this.#logBook.entries];
  }

  /**
   * Another execution holds a lock for `ms` of virtual time: 'script', 'user' (of `target`,
   * an email) or 'document' (of `target`, default the bound spreadsheet).
   */
  holdLock(kind: 'script' | 'user' | 'document', ms: number, target?: SpreadsheetRef): void {
    let scope: LockScope = 'script';
    if (kind === 'user') {
      if (typeof target !== 'string') throw new Error('gas.holdLock: a user lock needs the user email');
      scope = { user: target };
    } else if (kind === 'document') {
      scope = {
        document: target === undefined ? this.#requireProject().boundSpreadsheetId : this.idOf(target),
      };
    }
    this.#locks.holdExternally(scope, ms);
  }

  stats(): Stats {
    return this.runtime.getStats();
  }

  /**
   * A user's daily quotas for the current quota day (each resets 24 h after its first use):
   * trigger runtime in estimated ms (every trigger execution that ran as them — a manager's
   * edit through an installable trigger runs as the trigger's creator), property reads and
   * writes, and mail recipients, each with the limit of the user's account kind.
   */
  quotaUse(user: string): QuotaUse {
    return this.#quota.use(user);
  }

  resetStats(): void {
    this.runtime.resetStats();
  }

  failCall(n: number, message: string): void {
    this.runtime.failCall(n, message);
  }

  /** True while the fault set by failCall has not hit a call yet (so a test knows what it hit). */
  faultPending(): boolean {
    return this.runtime.faultPending();
  }
}

function entryCaption(entry: MenuEntry): string {
  if (entry.kind === 'item') return entry.caption;
  if (entry.kind === 'subMenu') return entry.menu.caption;
  return '—';
}

function typedText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value).toUpperCase();
  throw new Error(`gas.edit: type text as a user would (got ${isDate(value) ? 'a Date' : typeof value})`);
}

function containsIllegal(value: unknown): boolean {
  if (isDate(value) || typeof value === 'function' || typeof value === 'symbol') return true;
  if (Array.isArray(value)) return value.some(containsIllegal);
  if (value && typeof value === 'object') {
    if (!isPlainObject(value)) return true;
    return Object.values(value).some(containsIllegal);
  }
  return false;
}

function containsDate(value: unknown): boolean {
  if (isDate(value)) return true;
  if (Array.isArray(value)) return value.some(containsDate);
  if (value && typeof value === 'object') return Object.values(value).some(containsDate);
  return false;
}

function isoWeek(date: Date): number {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  return Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
}

export function createGas(options: GasOptions): Gas {
  return new Gas(options);
}

/** Template compilation, exported for the HtmlService contract tests. */
export { compileTemplate };
