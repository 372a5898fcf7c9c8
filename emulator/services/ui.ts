// Ui: menus, alerts, prompts, sidebars and dialogs of an open spreadsheet. Menus are recorded
// per user and spreadsheet (what that user's onOpen built, for gas.clickMenu); alerts and
// prompts take queued replies (gas.ui.answer) and release the execution's locks, because Google
// suspends the script while they are shown; everything shown is recorded for tests.

import { copyData } from '../deep-copy';
import type { Runtime } from '../runtime';
import { htmlData, htmlOutputs } from './html';
import { enumName, makeEnum, type EnumOf } from './shared';
import { signatureError } from './utilities';

export type MenuEntry =
  | { readonly kind: 'item'; readonly caption: string; readonly functionName: string }
  | { readonly kind: 'separator' }
  | { readonly kind: 'subMenu'; readonly menu: MenuSpec };

export interface MenuSpec {
  readonly caption: string;
  readonly addon: boolean;
  readonly items: MenuEntry[];
}

export type ButtonName = 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE';
const BUTTONS: readonly ButtonName[] = ['CLOSE', 'OK', 'CANCEL', 'YES', 'NO'];
const BUTTON_SETS = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
} as const satisfies Record<string, readonly ButtonName[]>;
type ButtonSetName = keyof typeof BUTTON_SETS;

export interface ShownUi {
  readonly kind: 'alert' | 'prompt' | 'sidebar' | 'modalDialog' | 'modelessDialog';
  readonly user: string;
  readonly spreadsheetId: string | null;
  readonly title: string;
  /** The alert/prompt text ('' for HTML surfaces). */
  readonly message: string;
  /** Alert/prompt buttons offered. */
  readonly buttons: readonly ButtonName[];
  /** HTML content of sidebars and dialogs ('' for alerts). */
  readonly html: string;
  readonly width: number;
  readonly height: number;
  /** The reply used (alerts and prompts): CLOSE when no answer was queued. */
  readonly answer?: { readonly button: ButtonName; readonly text: string };
  readonly time: Date;
}

export interface UiSession {
  /** The real user at the keyboard (even when Session hides their email). */
  readonly user: string;
  readonly spreadsheetId: string | null;
}

/** Everything the Ui remembers across executions. */
export class UiState {
  readonly menus = new Map<string, MenuSpec[]>();
  readonly shown: ShownUi[] = [];
  readonly answers: Array<{ button: ButtonName; text: string }> = [];
  readonly Button: EnumOf<ButtonName>;
  readonly ButtonSet: EnumOf<ButtonSetName>;

  constructor(runtime: Runtime) {
    this.Button = makeEnum(runtime, 'Button', BUTTONS);
    this.ButtonSet = makeEnum(runtime, 'ButtonSet', Object.keys(BUTTON_SETS) as ButtonSetName[]);
  }

  static key(user: string, spreadsheetId: string | null): string {
    return `${user}\u0000${spreadsheetId ?? ''}`;
  }

  menusOf(user: string, spreadsheetId: string | null): MenuSpec[] {
    return this.menus.get(UiState.key(user, spreadsheetId)) ?? [];
  }

  /** For gas.fork (a test facility): the same menus per user, shown surfaces and queued answers. */
  copyFrom(source: UiState): void {
    this.menus.clear();
    for (const [key, menus] of copyData(source.menus)) this.menus.set(key, menus);
    this.shown.splice(0, this.shown.length, ...copyData(source.shown));
    this.answers.splice(0, this.answers.length, ...copyData(source.answers));
  }
}

const menuSpecs = new WeakMap<object, MenuSpec>();

class Menu {
  readonly #spec: MenuSpec;
  readonly #addToUi: (spec: MenuSpec) => void;

  constructor(spec: MenuSpec, addToUi: (spec: MenuSpec) => void) {
    this.#spec = spec;
    this.#addToUi = addToUi;
  }

  addItem(caption: unknown, functionName: unknown): this {
    if (typeof caption !== 'string' || typeof functionName !== 'string') {
      throw signatureError('Menu.addItem', [caption, functionName]);
    }
    this.#spec.items.push({ kind: 'item', caption, functionName });
    return this;
  }

  addSeparator(): this {
    this.#spec.items.push({ kind: 'separator' });
    return this;
  }

  addSubMenu(menu: unknown): this {
    const spec = menu && typeof menu === 'object' ? menuSpecs.get(menu) : undefined;
    if (!spec) throw signatureError('Menu.addSubMenu', [menu]);
    this.#spec.items.push({ kind: 'subMenu', menu: spec });
    return this;
  }

  addToUi(): void {
    this.#addToUi(this.#spec);
  }
}

export interface UiDeps {
  readonly runtime: Runtime;
  readonly state: UiState;
  readonly session: () => UiSession;
  readonly releaseLocks: (executionId: number) => void;
  readonly addonMenuCaption: () => string;
}

class UiImpl {
  readonly #deps: UiDeps;
  readonly Button: EnumOf<ButtonName>;
  readonly ButtonSet: EnumOf<ButtonSetName>;

  constructor(deps: UiDeps) {
    this.#deps = deps;
    this.Button = deps.state.Button;
    this.ButtonSet = deps.state.ButtonSet;
  }

  #menu(caption: string, addon: boolean): GoogleAppsScript.Base.Menu {
    const spec: MenuSpec = { caption, addon, items: [] };
    const session = this.#deps.session();
    const menu = this.#deps.runtime.instrument(
      new Menu(spec, (added) => {
        const key = UiState.key(session.user, session.spreadsheetId);
        // A menu with the same caption is replaced, as rebuilding a menu in onOpen does.
        const menus = (this.#deps.state.menus.get(key) ?? []).filter((m) => m.caption !== added.caption);
        menus.push(added);
        this.#deps.state.menus.set(key, menus);
      }),
      'Menu',
    );
    menuSpecs.set(menu, spec);
    return menu as unknown as GoogleAppsScript.Base.Menu;
  }

  createMenu(caption: unknown): GoogleAppsScript.Base.Menu {
    if (typeof caption !== 'string') throw signatureError('Ui.createMenu', [caption]);
    return this.#menu(caption, false);
  }

  createAddonMenu(): GoogleAppsScript.Base.Menu {
    return this.#menu(this.#deps.addonMenuCaption(), true);
  }

  /** alert(prompt) | alert(prompt, buttons) | alert(title, prompt, buttons). */
  alert(...args: unknown[]): unknown {
    const { title, message, set } = this.#dialogArgs('Ui.alert', args);
    return this.#deps.state.Button[this.#ask('alert', title, message, set).button];
  }

  prompt(...args: unknown[]): GoogleAppsScript.Base.PromptResponse {
    const { title, message, set } = this.#dialogArgs('Ui.prompt', args, 'OK');
    const answer = this.#ask('prompt', title, message, set);
    const button = this.#deps.state.Button[answer.button];
    return this.#deps.runtime.instrument(
      { getResponseText: () => answer.text, getSelectedButton: () => button },
      'PromptResponse',
    ) as unknown as GoogleAppsScript.Base.PromptResponse;
  }

  #dialogArgs(
    member: string,
    args: unknown[],
    defaultSet: ButtonSetName = 'OK',
  ): { title: string; message: string; set: ButtonSetName } {
    const setName = (value: unknown): ButtonSetName => {
      const name = enumName(value);
      if (!(name in BUTTON_SETS) || value !== this.ButtonSet[name as ButtonSetName])
        throw signatureError(member, args);
      return name as ButtonSetName;
    };
    if (args.length === 1 && typeof args[0] === 'string')
      return { title: '', message: args[0], set: defaultSet };
    if (args.length === 2 && typeof args[0] === 'string')
      return { title: '', message: args[0], set: setName(args[1]) };
    if (args.length === 3 && typeof args[0] === 'string' && typeof args[1] === 'string') {
      return { title: args[0], message: args[1], set: setName(args[2]) };
    }
    throw signatureError(member, args);
  }

  #ask(
    kind: 'alert' | 'prompt',
    title: string,
    message: string,
    set: ButtonSetName,
  ): { button: ButtonName; text: string } {
    const { runtime, state } = this.#deps;
    // The script is suspended while the dialog is open; its locks are lost (Ui reference).
    this.#deps.releaseLocks(runtime.context().executionId);
    const buttons = BUTTON_SETS[set];
    const queued = state.answers.shift();
    const answer = queued ?? { button: 'CLOSE' as const, text: '' };
    if (answer.button !== 'CLOSE' && !(buttons as readonly ButtonName[]).includes(answer.button)) {
      throw new Error(
        `emulator: the queued answer ${answer.button} is not a button of this ${kind} (${buttons.join(', ')}): "${message}"`,
      );
    }
    this.#record({ kind, title, message, buttons, html: '', width: 0, height: 0, answer });
    return answer;
  }

  #record(entry: Omit<ShownUi, 'user' | 'spreadsheetId' | 'time'>): void {
    const session = this.#deps.session();
    this.#deps.state.shown.push({
      ...entry,
      user: session.user,
      spreadsheetId: session.spreadsheetId,
      time: this.#deps.runtime.clock.now(),
    });
  }

  #html(member: string, args: unknown[]): { content: string; title: string; width: number; height: number } {
    const output = args[0];
    const data =
      output && typeof output === 'object' && htmlOutputs.has(output) ? htmlData.get(output) : undefined;
    if (!data) throw signatureError(member, args);
    return data;
  }

  showSidebar(...args: unknown[]): void {
    const data = this.#html('Ui.showSidebar', args);
    // Sidebars are always 300 px wide (Ui reference).
    this.#record({
      kind: 'sidebar',
      title: data.title,
      message: '',
      buttons: [],
      html: data.content,
      width: 300,
      height: 0,
    });
  }

  showModalDialog(...args: unknown[]): void {
    const data = this.#html('Ui.showModalDialog', args);
    if (typeof args[1] !== 'string') throw signatureError('Ui.showModalDialog', args);
    this.#record({
      kind: 'modalDialog',
      title: args[1],
      message: '',
      buttons: [],
      html: data.content,
      width: data.width,
      height: data.height,
    });
  }

  showModelessDialog(...args: unknown[]): void {
    const data = this.#html('Ui.showModelessDialog', args);
    if (typeof args[1] !== 'string') throw signatureError('Ui.showModelessDialog', args);
    this.#record({
      kind: 'modelessDialog',
      title: args[1],
      message: '',
      buttons: [],
      html: data.content,
      width: data.width,
      height: data.height,
    });
  }
}

export function createUi(deps: UiDeps): GoogleAppsScript.Base.Ui {
  return deps.runtime.instrument(new UiImpl(deps), 'Ui') as unknown as GoogleAppsScript.Base.Ui;
}
