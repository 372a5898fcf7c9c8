// ScriptApp: installable triggers (spreadsheet and time-driven), their builders and getters,
// enums, and the 20-triggers-per-user-per-script limit. The trigger table lives here; the
// surface fires spreadsheet triggers on user events and clock triggers on gas.runTriggers().
// Times of day are wall-clock times in the trigger's zone (inTimezone, else the script's).

import type { Runtime } from '../runtime';
import { enumName, isDate, makeEnum, requireScope, SCOPES, type EnumOf, type ProjectView } from './shared';
import { isKnownTimeZone, zonedFields, zonedTimeToEpoch } from '../time-zone';
import { signatureError } from './utilities';

export const MAX_TRIGGERS_PER_USER = 20;
export const TRIGGER_ERRORS = {
  tooMany:
    'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
  everyMinutes: 'The value passed to everyMinutes() must be 1, 5, 10, 15 or 30.',
} as const;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export type SpreadsheetEventType = 'ON_OPEN' | 'ON_EDIT' | 'ON_CHANGE' | 'ON_FORM_SUBMIT';

export type ClockSchedule =
  | { readonly kind: 'once'; readonly at: number }
  | { readonly kind: 'minutes' | 'hours'; readonly every: number }
  | {
      readonly kind: 'days' | 'weeks' | 'monthDay';
      readonly every: number;
      /** Local time of day; null = the creation time's. */
      readonly hour: number | null;
      readonly minute: number;
      /** ISO weekday 1-7 for 'weeks'; day of month for 'monthDay'. */
      readonly day: number;
    };

export interface TriggerRecord {
  readonly uid: string;
  readonly handler: string;
  /** The user who created it: it runs as them. */
  readonly owner: string;
  readonly eventType: SpreadsheetEventType | 'CLOCK';
  readonly sourceId: string | null;
  readonly schedule: ClockSchedule | null;
  readonly timeZone: string;
  readonly createdAt: number;
  /** Next firing time for clock triggers (null once a one-off trigger has fired). */
  nextRun: number | null;
}

export const AUTH_MODES = ['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL'] as const;
const EVENT_TYPES = [
  'CLOCK',
  'ON_OPEN',
  'ON_EDIT',
  'ON_FORM_SUBMIT',
  'ON_CHANGE',
  'ON_EVENT_UPDATED',
] as const;
const TRIGGER_SOURCES = ['SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR'] as const;
const WEEKDAYS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'] as const;

/** The trigger table and the enums, shared by every execution. */
export class TriggerTable {
  readonly records: TriggerRecord[] = [];
  readonly AuthMode: EnumOf<(typeof AUTH_MODES)[number]>;
  readonly EventType: EnumOf<(typeof EVENT_TYPES)[number]>;
  readonly TriggerSource: EnumOf<(typeof TRIGGER_SOURCES)[number]>;
  readonly WeekDay: EnumOf<(typeof WEEKDAYS)[number]>;
  /** Shared by a world and its forks, so a fork never hands out an id its original does. */
  #uids = { next: 7036412183390939000n };

  constructor(
    runtime: Runtime,
    /** Puts a one-hour trigger's firing at a fixed pseudo-random minute of its hour, as Google does. */
    readonly jitter: boolean,
  ) {
    this.AuthMode = makeEnum(runtime, 'AuthMode', AUTH_MODES);
    this.EventType = makeEnum(runtime, 'EventType', EVENT_TYPES);
    this.TriggerSource = makeEnum(runtime, 'TriggerSource', TRIGGER_SOURCES);
    this.WeekDay = makeEnum(runtime, 'Weekday', WEEKDAYS);
  }

  newUid(): string {
    this.#uids.next += 1n;
    return this.#uids.next.toString();
  }

  /**
   * For gas.fork (a test facility): this table's triggers become copies of `source`'s (next runs
   * and owners kept), and both draw later ids from one sequence.
   */
  copyFrom(source: TriggerTable): void {
    this.records.length = 0;
    for (const record of source.records) {
      this.records.push({ ...record, schedule: record.schedule && { ...record.schedule } });
    }
    this.#uids = source.#uids;
  }

  ofOwner(owner: string): TriggerRecord[] {
    return this.records.filter((record) => record.owner === owner);
  }

  delete(uid: string): boolean {
    const index = this.records.findIndex((record) => record.uid === uid);
    if (index < 0) return false;
    this.records.splice(index, 1);
    return true;
  }

  /** Clock triggers due at or before `now`, earliest first. */
  due(now: number): TriggerRecord[] {
    return this.records
      .filter((record) => record.nextRun !== null && record.nextRun <= now)
      .sort((a, b) => (a.nextRun ?? 0) - (b.nextRun ?? 0));
  }
}

function localDayPlus(
  epochMs: number,
  timeZone: string,
  days: number,
): { year: number; month: number; day: number } {
  const f = zonedFields(epochMs, timeZone);
  const shifted = new Date(Date.UTC(f.year, f.month - 1, f.day + days));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** The first firing of a schedule created at `createdAt`. */
export function firstRun(schedule: ClockSchedule, createdAt: number, timeZone: string): number {
  switch (schedule.kind) {
    case 'once':
      return schedule.at;
    case 'minutes':
      return createdAt + schedule.every * MINUTE;
    case 'hours':
      return createdAt + schedule.every * HOUR;
    default: {
      const created = zonedFields(createdAt, timeZone);
      const hour = schedule.hour ?? created.hour;
      const minute = schedule.hour === null ? created.minute : schedule.minute;
      // Daily/weekly/monthly triggers without atHour first fire one period after creation.
      if (schedule.hour === null && schedule.kind === 'days') return createdAt + schedule.every * DAY;
      for (let offset = 0; offset < 400; offset++) {
        const d = localDayPlus(createdAt, timeZone, offset);
        const at = zonedTimeToEpoch(timeZone, d.year, d.month, d.day, hour, minute);
        if (at <= createdAt) continue;
        if (schedule.kind === 'weeks' && zonedFields(at, timeZone).weekday !== schedule.day) continue;
        if (schedule.kind === 'monthDay' && d.day !== schedule.day) continue;
        return at;
      }
      throw new Error(`emulator: no firing time found for ${JSON.stringify(schedule)}`);
    }
  }
}

/** The firing after `previous` (null for a one-off trigger). */
export function followingRun(schedule: ClockSchedule, previous: number, timeZone: string): number | null {
  switch (schedule.kind) {
    case 'once':
      return null;
    case 'minutes':
      return previous + schedule.every * MINUTE;
    case 'hours':
      return previous + schedule.every * HOUR;
    case 'days':
    case 'weeks': {
      const f = zonedFields(previous, timeZone);
      const d = localDayPlus(previous, timeZone, schedule.every * (schedule.kind === 'weeks' ? 7 : 1));
      return zonedTimeToEpoch(timeZone, d.year, d.month, d.day, f.hour, f.minute);
    }
    case 'monthDay': {
      const f = zonedFields(previous, timeZone);
      const next = new Date(Date.UTC(f.year, f.month, schedule.day));
      return zonedTimeToEpoch(
        timeZone,
        next.getUTCFullYear(),
        next.getUTCMonth() + 1,
        next.getUTCDate(),
        f.hour,
        f.minute,
      );
    }
  }
}

export interface ScriptAppDeps {
  readonly runtime: Runtime;
  readonly project: ProjectView;
  readonly table: TriggerTable;
  /** The id of a spreadsheet the script passed (object or id); throws like Google if unknown. */
  readonly spreadsheetId: (spreadsheetOrId: unknown) => string;
  readonly scriptId: string;
}

const triggerUids = new WeakMap<object, string>();

function triggerObject(deps: ScriptAppDeps, record: TriggerRecord): GoogleAppsScript.Script.Trigger {
  const { table } = deps;
  const trigger = deps.runtime.instrument(
    {
      getHandlerFunction: () => record.handler,
      getEventType: () => table.EventType[record.eventType],
      getTriggerSource: () =>
        record.eventType === 'CLOCK' ? table.TriggerSource.CLOCK : table.TriggerSource.SPREADSHEETS,
      getTriggerSourceId: () => record.sourceId,
      getUniqueId: () => record.uid,
    },
    'Trigger',
  );
  triggerUids.set(trigger, record.uid);
  return trigger as unknown as GoogleAppsScript.Script.Trigger;
}

/** Adds a trigger for the effective user, enforcing the per-user limit. */
function createRecord(
  deps: ScriptAppDeps,
  fields: Pick<TriggerRecord, 'handler' | 'eventType' | 'sourceId' | 'schedule'> & { timeZone?: string },
): GoogleAppsScript.Script.Trigger {
  const { runtime, table } = deps;
  requireScope(runtime, deps.project.manifestScopes(), 'ScriptApp.newTrigger', SCOPES.scriptapp);
  const owner = runtime.context().effectiveUser;
  if (table.ofOwner(owner).length >= MAX_TRIGGERS_PER_USER) throw new Error(TRIGGER_ERRORS.tooMany);
  const createdAt = runtime.clock.nowMillis();
  const timeZone = fields.timeZone ?? deps.project.timeZone();
  const record: TriggerRecord = {
    uid: table.newUid(),
    handler: fields.handler,
    owner,
    eventType: fields.eventType,
    sourceId: fields.sourceId,
    schedule: fields.schedule,
    timeZone,
    createdAt,
    nextRun: fields.schedule ? firstRun(fields.schedule, createdAt, timeZone) : null,
  };
  table.records.push(record);
  return triggerObject(deps, record);
}

class SpreadsheetTriggerBuilder {
  #eventType: SpreadsheetEventType | null = null;

  constructor(
    private readonly deps: ScriptAppDeps,
    private readonly handler: string,
    private readonly sourceId: string,
  ) {}

  onOpen(): this {
    this.#eventType = 'ON_OPEN';
    return this;
  }

  onEdit(): this {
    this.#eventType = 'ON_EDIT';
    return this;
  }

  onChange(): this {
    this.#eventType = 'ON_CHANGE';
    return this;
  }

  onFormSubmit(): this {
    this.#eventType = 'ON_FORM_SUBMIT';
    return this;
  }

  create(): GoogleAppsScript.Script.Trigger {
    if (!this.#eventType)
      throw new Error('Missing event type for the trigger: call onOpen(), onEdit() or onChange().');
    return createRecord(this.deps, {
      handler: this.handler,
      eventType: this.#eventType,
      sourceId: this.sourceId,
      schedule: null,
    });
  }
}

class ClockTriggerBuilder {
  #kind: 'once' | 'minutes' | 'hours' | 'days' | 'weeks' | 'monthDay' | null = null;
  #every = 1;
  #at = 0;
  #hour: number | null = null;
  #minute: number | null = null;
  #day = 1;
  #timeZone: string | null = null;

  constructor(
    private readonly deps: ScriptAppDeps,
    private readonly handler: string,
  ) {}

  #positive(member: string, value: unknown): number {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new Error(`Invalid argument: ${member}`);
    return n;
  }

  after(durationMilliseconds: unknown): this {
    const ms = Number(durationMilliseconds);
    if (!Number.isFinite(ms) || ms < 0)
      throw signatureError('ClockTriggerBuilder.after', [durationMilliseconds]);
    this.#kind = 'once';
    this.#at = this.deps.runtime.clock.nowMillis() + ms;
    return this;
  }

  at(date: unknown): this {
    if (!isDate(date)) throw signatureError('ClockTriggerBuilder.at', [date]);
    this.#kind = 'once';
    this.#at = date.getTime();
    return this;
  }

  everyMinutes(n: unknown): this {
    if (![1, 5, 10, 15, 30].includes(Number(n))) throw new Error(TRIGGER_ERRORS.everyMinutes);
    this.#kind = 'minutes';
    this.#every = Number(n);
    return this;
  }

  everyHours(n: unknown): this {
    this.#kind = 'hours';
    this.#every = this.#positive('everyHours', n);
    return this;
  }

  everyDays(n: unknown): this {
    this.#kind = 'days';
    this.#every = this.#positive('everyDays', n);
    return this;
  }

  everyWeeks(n: unknown): this {
    this.#kind = 'weeks';
    this.#every = this.#positive('everyWeeks', n);
    if (this.#day < 1 || this.#day > 7) this.#day = 1;
    return this;
  }

  onWeekDay(day: unknown): this {
    const index = (WEEKDAYS as readonly string[]).indexOf(enumName(day));
    if (index < 0) throw signatureError('ClockTriggerBuilder.onWeekDay', [day]);
    if (this.#kind !== 'weeks') {
      this.#kind = 'weeks';
      this.#every = 1;
    }
    this.#day = index === 0 ? 7 : index;
    return this;
  }

  onMonthDay(day: unknown): this {
    const n = Number(day);
    if (!Number.isInteger(n) || n < 1 || n > 31) throw new Error('Invalid argument: day');
    this.#kind = 'monthDay';
    this.#day = n;
    return this;
  }

  atHour(hour: unknown): this {
    const n = Number(hour);
    if (!Number.isInteger(n) || n < 0 || n > 23) throw new Error('Invalid argument: hour');
    this.#hour = n;
    return this;
  }

  nearMinute(minute: unknown): this {
    const n = Number(minute);
    if (!Number.isInteger(n) || n < 0 || n > 59) throw new Error('Invalid argument: minute');
    this.#minute = n;
    return this;
  }

  inTimezone(timezone: unknown): this {
    if (typeof timezone !== 'string' || !isKnownTimeZone(timezone))
      throw new Error('Invalid argument: timezone');
    this.#timeZone = timezone;
    return this;
  }

  create(): GoogleAppsScript.Script.Trigger {
    const kind = this.#kind;
    if (!kind)
      throw new Error(
        'The trigger has no schedule: call everyMinutes, everyHours, everyDays, everyWeeks, at or after.',
      );
    if (this.#hour !== null && (kind === 'minutes' || kind === 'hours' || kind === 'once')) {
      throw new Error('atHour() can only be used with everyDays(), everyWeeks() or onMonthDay().');
    }
    let schedule: ClockSchedule;
    if (kind === 'once') schedule = { kind, at: this.#at };
    else if (kind === 'minutes' || kind === 'hours') schedule = { kind, every: this.#every };
    else {
      const jitterMinute = this.deps.table.jitter ? pseudoRandomMinute(this.handler) : 0;
      schedule = {
        kind,
        every: this.#every,
        hour: this.#hour,
        minute: this.#minute ?? jitterMinute,
        day: this.#day,
      };
    }
    return createRecord(this.deps, {
      handler: this.handler,
      eventType: 'CLOCK',
      sourceId: null,
      schedule,
      ...(this.#timeZone ? { timeZone: this.#timeZone } : {}),
    });
  }
}

function pseudoRandomMinute(seed: string): number {
  let hash = 0;
  for (const ch of seed) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return hash % 60;
}

class TriggerBuilder {
  constructor(
    private readonly deps: ScriptAppDeps,
    private readonly handler: string,
  ) {}

  forSpreadsheet(spreadsheetOrId: unknown): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    const id = this.deps.spreadsheetId(spreadsheetOrId);
    return this.deps.runtime.instrument(
      new SpreadsheetTriggerBuilder(this.deps, this.handler, id),
      'SpreadsheetTriggerBuilder',
    ) as unknown as GoogleAppsScript.Script.SpreadsheetTriggerBuilder;
  }

  timeBased(): GoogleAppsScript.Script.ClockTriggerBuilder {
    return this.deps.runtime.instrument(
      new ClockTriggerBuilder(this.deps, this.handler),
      'ClockTriggerBuilder',
    ) as unknown as GoogleAppsScript.Script.ClockTriggerBuilder;
  }
}

class ScriptAppImpl {
  readonly AuthMode;
  readonly EventType;
  readonly TriggerSource;
  readonly WeekDay;

  constructor(private readonly deps: ScriptAppDeps) {
    this.AuthMode = deps.table.AuthMode;
    this.EventType = deps.table.EventType;
    this.TriggerSource = deps.table.TriggerSource;
    this.WeekDay = deps.table.WeekDay;
  }

  #require(member: string): void {
    requireScope(
      this.deps.runtime,
      this.deps.project.manifestScopes(),
      `ScriptApp.${member}`,
      SCOPES.scriptapp,
    );
  }

  newTrigger(functionName: unknown): GoogleAppsScript.Script.TriggerBuilder {
    if (typeof functionName !== 'string') throw signatureError('ScriptApp.newTrigger', [functionName]);
    this.#require('newTrigger');
    return this.deps.runtime.instrument(
      new TriggerBuilder(this.deps, functionName),
      'TriggerBuilder',
    ) as unknown as GoogleAppsScript.Script.TriggerBuilder;
  }

  /** The current user's triggers of this project only; other users' triggers are invisible. */
  getProjectTriggers(): GoogleAppsScript.Script.Trigger[] {
    this.#require('getProjectTriggers');
    const owner = this.deps.runtime.context().effectiveUser;
    return this.deps.table.ofOwner(owner).map((record) => triggerObject(this.deps, record));
  }

  getUserTriggers(spreadsheet: unknown): GoogleAppsScript.Script.Trigger[] {
    this.#require('getUserTriggers');
    const id = this.deps.spreadsheetId(spreadsheet);
    const owner = this.deps.runtime.context().effectiveUser;
    return this.deps.table
      .ofOwner(owner)
      .filter((record) => record.sourceId === id)
      .map((record) => triggerObject(this.deps, record));
  }

  deleteTrigger(trigger: unknown): void {
    this.#require('deleteTrigger');
    const uid = trigger && typeof trigger === 'object' ? triggerUids.get(trigger) : undefined;
    if (uid === undefined) throw signatureError('ScriptApp.deleteTrigger', [trigger]);
    const owner = this.deps.runtime.context().effectiveUser;
    const record = this.deps.table.records.find((r) => r.uid === uid);
    // Deleting a trigger twice, or another user's, is refused rather than silently ignored.
    if (!record || record.owner !== owner) throw new Error('Invalid argument: trigger');
    this.deps.table.delete(uid);
  }

  getScriptId(): string {
    return this.deps.scriptId;
  }

  getOAuthToken(): string {
    return `ya29.emulated-${this.deps.runtime.context().effectiveUser}`;
  }
}

export function createScriptApp(deps: ScriptAppDeps): GoogleAppsScript.Script.ScriptApp {
  return deps.runtime.instrument(
    new ScriptAppImpl(deps),
    'ScriptApp',
  ) as unknown as GoogleAppsScript.Script.ScriptApp;
}
