// "New weekly campaign" for one team: who calls whom this week. One list per active manager of
// the team, do-not-call clients left out with the reason on record, each row with the client's
// history summary, and last week's seminar attendees first, flagged for the feedback question.
// Refuses clearly instead of producing a half-right campaign (DESIGN §7).

import { isoWeekLabel, mondayOf, type IsoDay } from './calendar';
import { actionLabel, firstStep, type CadenceSettings, type CampaignDates, type NextAction } from './cadence';
import { cellText, labelKey } from './cells';
import {
  buildTimelines,
  summariseTimeline,
  type CampaignWeek,
  type ClientTimeline,
  type HistoryEvent,
} from './clientHistory';
import type { ClientRecord } from './clientRecord';
import { ProzvonError } from './errors';
import { clientIdSerial, normaliseEmail, normalisePhone } from './identity';
import type { ManagerRowFields } from './managerRows';
import { t, type Lang, type MessageKey, type MessageParams } from './messages';
import { weekCalendar, type CalendarDay } from './schedule';
import type { Taxonomy } from './taxonomy';
import { leadsTeam } from './teams';
import { wrongNumbers, type WrongNumber } from './wrongNumbers';

/** A Team sheet row; the gas layer turns the role and active cells into these values. */
export interface TeamMember {
  readonly email: string;
  readonly name: string;
  readonly role: 'administrator' | 'manager';
  /** For a manager: the administrator's e-mail. */
  readonly administrator: string;
  readonly team: string;
  readonly active: boolean;
}

/** A Clients sheet row, as far as planning needs it. */
export interface PlanningClient extends ClientRecord {
  readonly doNotCall: boolean;
  readonly doNotCallReason: string;
}

/** A Campaigns sheet row. */
export interface CampaignRecord extends CampaignWeek {
  readonly team: string;
  readonly topic: string;
  readonly seminarDate: IsoDay;
  readonly url: string;
  /** When it was created (what the manager sheets were copied from Clients at), when known. */
  readonly createdAt?: Date | null | undefined;
}

export interface CampaignRequest {
  readonly team: string;
  /** The administrator asking (Session's active user). */
  readonly requestedBy: string;
  /** Any day of the campaign week; the campaign starts on that week's Monday. */
  readonly week: IsoDay;
  readonly topic: string;
  readonly seminarDate: IsoDay;
  /** Only these managers (e-mails); default: every active manager of the team. */
  readonly managers?: readonly string[] | undefined;
}

export interface PlanningInput {
  readonly request: CampaignRequest;
  readonly members: readonly TeamMember[];
  readonly clients: readonly PlanningClient[];
  readonly history: readonly HistoryEvent[];
  readonly campaigns: readonly CampaignRecord[];
  readonly taxonomy: Taxonomy;
  readonly cadence: CadenceSettings;
  readonly lang: Lang;
  readonly timeZone: string;
  /** Sheet names the workbook already uses (Totals, Log), so no manager sheet takes them. */
  readonly reservedSheetNames?: readonly string[] | undefined;
  /**
   * Clients History records as do-not-call (core/doNotCall doNotCallFromHistory): left out even
   * when Clients does not show the flag yet (reconcile puts it there).
   */
  readonly doNotCallRecorded?: ReadonlySet<string> | undefined;
}

/** One row of a manager's sheet (keys follow schema CALLS_SHEET_COLUMNS where they overlap). */
export interface PlannedRow extends ManagerRowFields {
  readonly lastContactDay: IsoDay | null;
  readonly nextActionCode: NextAction;
}

export interface ManagerList {
  readonly manager: string;
  readonly name: string;
  /** Unique, valid sheet name for the manager's sheet. */
  readonly sheetName: string;
  readonly rows: readonly PlannedRow[];
}

export interface ExcludedClient {
  readonly clientId: string;
  readonly organisation: string;
  readonly manager: string;
  readonly reason: string;
}

export interface PlanWarning {
  readonly key: MessageKey;
  readonly params: MessageParams;
}

export interface CampaignPlan {
  /** '2026-W49 · Команда Петровой': unique per team and week. */
  readonly campaignId: string;
  /** The campaign's one name, '2026-W49 · Команда Петровой' (the topic is on Totals and Campaigns). */
  readonly workbookName: string;
  readonly team: string;
  readonly weekStart: IsoDay;
  readonly isoWeek: string;
  readonly topic: string;
  readonly seminarDate: IsoDay;
  readonly lists: readonly ManagerList[];
  readonly excluded: readonly ExcludedClient[];
  readonly warnings: readonly PlanWarning[];
  readonly calendar: readonly CalendarDay[];
}

const same = (a: string, b: string): boolean => labelKey(a) === labelKey(b);

/** A campaign's id: unique per team and ISO week ('2026-W49 · Команда Петровой'). */
export function campaignIdFor(team: string, week: IsoDay): string {
  return `${isoWeekLabel(mondayOf(week))} · ${team}`;
}

function assertTeamAdministrator(request: CampaignRequest, members: readonly TeamMember[]): void {
  if (!leadsTeam(request.requestedBy, request.team, members)) {
    throw new ProzvonError('planning.notTeamAdministrator', {
      email: request.requestedBy,
      team: request.team,
    });
  }
}

function chooseManagers(request: CampaignRequest, members: readonly TeamMember[]): TeamMember[] {
  const active = members.filter((m) => m.active && m.role === 'manager' && same(m.team, request.team));
  if (active.length === 0) throw new ProzvonError('planning.noManagers', { team: request.team });
  if (!request.managers) return active;
  return request.managers.map((email) => {
    const manager = active.find((m) => same(m.email, email));
    if (!manager) throw new ProzvonError('planning.unknownManager', { manager: email, team: request.team });
    return manager;
  });
}

const FORBIDDEN_IN_SHEET_NAME = /[[\]*?/\\:]/g;

/** Sheet names from manager names: Sheets forbids some characters and duplicate names. */
function sheetNames(managers: readonly TeamMember[], reserved: readonly string[]): string[] {
  const taken = new Set(reserved.map(labelKey));
  return managers.map((manager) => {
    const base = (manager.name.replace(FORBIDDEN_IN_SHEET_NAME, ' ').trim() || manager.email).slice(0, 90);
    let name = base;
    for (let n = 2; taken.has(labelKey(name)); n += 1) name = `${base} (${n})`;
    taken.add(labelKey(name));
    return name;
  });
}

/** The normalised phone a client is matched on: the stored E.164 value, else the typed phone normalised. */
function phoneKey(client: PlanningClient): string {
  const stored = cellText(client.phoneE164);
  if (stored !== '') return stored;
  const phone = normalisePhone(client.phone);
  return phone.ok ? phone.normalised : '';
}

/** The normalised phone and e-mail a client is reached by, as keys that cannot collide. */
function contactKeys(client: PlanningClient): string[] {
  const keys: string[] = [];
  const phone = phoneKey(client);
  if (phone !== '') keys.push(`phone:${phone}`);
  const email = normaliseEmail(client.email);
  if (email.ok) keys.push(`email:${email.email}`);
  return keys;
}

/** Do-not-call contacts, so that a flagged client's phone or e-mail under another ID is caught too. */
/** A do-not-call client whose phone or e-mail another client shares: named only to its own team. */
interface Blocker {
  readonly clientId: string;
  readonly manager: string;
}

function doNotCallContacts(clients: readonly PlanningClient[]) {
  const phones = new Map<string, Blocker>();
  const emails = new Map<string, Blocker>();
  for (const client of clients.filter((c) => c.doNotCall)) {
    const blocker = { clientId: client.id, manager: client.manager };
    const phone = phoneKey(client);
    if (phone !== '' && !phones.has(phone)) phones.set(phone, blocker);
    const email = normaliseEmail(client.email);
    if (email.ok && !emails.has(email.email)) emails.set(email.email, blocker);
  }
  return { phones, emails };
}

/** A seminar before its own week, or a second campaign of the team's week, is refused. */
function assertCampaignCanStart(
  request: CampaignRequest,
  campaigns: readonly CampaignRecord[],
  weekStart: IsoDay,
): void {
  if (request.seminarDate < weekStart) {
    throw new ProzvonError('planning.seminarBeforeWeek', { seminar: request.seminarDate, weekStart });
  }
  const existing = campaigns.find((c) => same(c.team, request.team) && mondayOf(c.weekStart) === weekStart);
  if (existing) {
    throw new ProzvonError('planning.campaignExists', {
      team: request.team,
      week: isoWeekLabel(weekStart),
      weekStart,
      id: existing.id,
      url: existing.url,
    });
  }
}

/** The team's latest campaign before this week: its attendees are asked about its seminar. */
function previousCampaign(
  campaigns: readonly CampaignRecord[],
  team: string,
  weekStart: IsoDay,
): CampaignRecord | undefined {
  return campaigns
    .filter((c) => same(c.team, team) && c.weekStart < weekStart)
    .sort((a, b) => (a.weekStart < b.weekStart ? 1 : -1))[0];
}

/** What leaves a client out of the week: a do-not-call flag (theirs or on their contacts), a wrong number. */
interface ExclusionRules {
  readonly recorded: ReadonlySet<string>;
  readonly blocked: ReturnType<typeof doNotCallContacts>;
  /** The team's members (label keys): another team's do-not-call client is not named to it. */
  readonly ownTeam: ReadonlySet<string>;
  readonly wrongNumber: ReadonlyMap<string, WrongNumber>;
  readonly lang: Lang;
}

function exclusionRules(input: PlanningInput): ExclusionRules {
  const recorded = input.doNotCallRecorded ?? new Set<string>();
  const flaggedClients = input.clients.map((client) =>
    !client.doNotCall && recorded.has(client.id) ? { ...client, doNotCall: true } : client,
  );
  return {
    recorded,
    blocked: doNotCallContacts(flaggedClients),
    ownTeam: new Set(
      input.members.filter((member) => same(member.team, input.request.team)).map((m) => labelKey(m.email)),
    ),
    // A number marked wrong and not fixed on Clients since is not called again (core/wrongNumbers).
    wrongNumber: wrongNumbers(input.clients, input.history, input.campaigns, input.taxonomy),
    lang: input.lang,
  };
}

interface Exclusion {
  readonly reason: string;
  /** Left out for a wrong number: named in a warning, so the administrator fixes the number. */
  readonly wrongNumber: boolean;
}

/** Why a client is not called this week, or undefined when they are. */
function exclusionOf(client: PlanningClient, rules: ExclusionRules): Exclusion | undefined {
  const { lang, blocked } = rules;
  const because = (reason: string): Exclusion => ({ reason, wrongNumber: false });
  if (client.doNotCall || rules.recorded.has(client.id))
    return because(client.doNotCallReason.trim() || t(lang, 'planning.excluded.flagged'));
  // The same contact as a do-not-call client of any team: a do-not-call holds company-wide.
  const sharedWith = (blocker: Blocker, key: 'Phone' | 'Email') =>
    rules.ownTeam.has(labelKey(blocker.manager))
      ? because(t(lang, `planning.excluded.same${key}`, { clientId: blocker.clientId }))
      : because(t(lang, `planning.excluded.same${key}OtherTeam`));
  const phone = phoneKey(client);
  const byPhone = phone !== '' ? blocked.phones.get(phone) : undefined;
  if (byPhone) return sharedWith(byPhone, 'Phone');
  const email = normaliseEmail(client.email);
  const byEmail = email.ok ? blocked.emails.get(email.email) : undefined;
  if (byEmail) return sharedWith(byEmail, 'Email');
  const wrong = rules.wrongNumber.get(client.id);
  if (wrong)
    return { reason: t(lang, 'planning.excluded.wrongNumber', { phone: wrong.phone }), wrongNumber: true };
  return undefined;
}

/**
 * The ID each contact key is called under: the same person under two IDs is called once, under
 * the oldest ID (the lowest serial).
 */
function oldestIds(clients: readonly PlanningClient[]): Map<string, string> {
  const keeper = new Map<string, string>();
  const byAge = [...clients].sort(
    (a, b) =>
      (clientIdSerial(a.id) ?? Infinity) - (clientIdSerial(b.id) ?? Infinity) || (a.id < b.id ? -1 : 1),
  );
  for (const client of byAge) {
    for (const key of contactKeys(client)) if (!keeper.has(key)) keeper.set(key, client.id);
  }
  return keeper;
}

/** A manager's clients: those called, those left out (with the reason), those called under an older ID. */
interface ManagerClients {
  readonly called: readonly PlanningClient[];
  readonly excluded: readonly ExcludedClient[];
  readonly wrongNumberIds: readonly string[];
  /** 'C-000051 = C-000007': the client, and the older ID the same person is called under. */
  readonly duplicates: readonly string[];
}

function managerClients(
  clients: readonly PlanningClient[],
  manager: TeamMember,
  rules: ExclusionRules,
  keeper: ReadonlyMap<string, string>,
): ManagerClients {
  const called: PlanningClient[] = [];
  const excluded: ExcludedClient[] = [];
  const wrongNumberIds: string[] = [];
  const duplicates: string[] = [];
  for (const client of clients.filter((c) => same(c.manager, manager.email))) {
    const exclusion = exclusionOf(client, rules);
    if (exclusion !== undefined) {
      const { id: clientId, organisation } = client;
      excluded.push({ clientId, organisation, manager: manager.email, reason: exclusion.reason });
      if (exclusion.wrongNumber) wrongNumberIds.push(client.id);
      continue;
    }
    const older = contactKeys(client)
      .map((key) => keeper.get(key))
      .find((id) => id !== undefined && id !== client.id);
    if (older !== undefined) duplicates.push(`${client.id} = ${older}`);
    else called.push(client);
  }
  return { called, excluded, wrongNumberIds, duplicates };
}

/** What every row of the week's lists is planned from. */
interface RowContext {
  readonly campaignId: string;
  readonly dates: CampaignDates;
  readonly previous: CampaignRecord | undefined;
  readonly timelines: ReadonlyMap<string, ClientTimeline>;
  readonly cadence: CadenceSettings;
  readonly lang: Lang;
}

/** Attended the team's previous seminar and has not said yet how it was. */
function attendedPrevious(clientId: string, context: RowContext): boolean {
  const { previous } = context;
  if (previous === undefined) return false;
  const state = context.timelines.get(clientId)?.campaigns.find((s) => s.campaign === previous.id);
  return state?.stage?.meaning === 'ATTENDED' && state.quality === undefined;
}

/** A manager's rows: last week's attendees first (the feedback question), then by organisation. */
function plannedRows(called: readonly PlanningClient[], context: RowContext): PlannedRow[] {
  return called
    .map((client) => ({ client, feedback: attendedPrevious(client.id, context) }))
    .sort(
      (a, b) =>
        Number(b.feedback) - Number(a.feedback) ||
        a.client.organisation.localeCompare(b.client.organisation, 'ru') ||
        (a.client.id < b.client.id ? -1 : a.client.id > b.client.id ? 1 : 0),
    )
    .map(({ client, feedback }, position) => plannedRow(client, feedback, position + 1, context));
}

function plannedRow(
  client: PlanningClient,
  feedback: boolean,
  number: number,
  context: RowContext,
): PlannedRow {
  const { lang, previous } = context;
  const timeline = context.timelines.get(client.id);
  const step = firstStep(context.dates, context.cadence, feedback);
  return {
    number,
    clientId: client.id,
    organisation: client.organisation,
    contact: client.contact,
    phone: client.phone,
    email: client.email,
    history: summariseTimeline(timeline, lang, context.campaignId),
    lastContactDay: timeline?.lastContactDay ?? null,
    nextCall: step.nextCallDate ?? context.dates.weekStart,
    nextActionCode: step.action,
    nextAction: actionLabel(step.action, lang),
    feedbackFor: feedback && previous ? previous.id : null,
  };
}

function assertEveryManagerHasClients(lists: readonly ManagerList[]): void {
  const empty = lists.filter((list) => list.rows.length === 0);
  if (empty.length > 0) {
    throw new ProzvonError('planning.managerWithoutClients', {
      managers: empty.map((list) => `${list.name} (${list.manager})`).join(', '),
    });
  }
}

/** What the administrator is told: clients nobody calls, numbers to fix, people under two IDs. */
function campaignWarnings(
  input: PlanningInput,
  split: readonly ManagerClients[],
  wrongNumber: ReadonlyMap<string, WrongNumber>,
): PlanWarning[] {
  const leftForWrongNumber = new Set(split.flatMap((part) => part.wrongNumberIds));
  const duplicates = split.flatMap((part) => part.duplicates);
  return [
    ...planningWarnings(input.request, input.members, input.clients),
    ...wrongNumberWarnings(
      split.flatMap((part) => part.excluded).filter((client) => leftForWrongNumber.has(client.clientId)),
      wrongNumber,
    ),
    ...(duplicates.length > 0
      ? [
          {
            key: 'planning.duplicateContacts' as const,
            params: { count: duplicates.length, examples: duplicates.slice(0, 3).join(', ') },
          },
        ]
      : []),
  ];
}

/**
 * Plans the weekly campaign of one team.
 * @throws ProzvonError planning.notTeamAdministrator, .noManagers, .unknownManager,
 *   .seminarBeforeWeek, .campaignExists (params carry the existing campaign's id and url),
 *   .managerWithoutClients (every such manager named at once).
 */
export function planCampaign(input: PlanningInput): CampaignPlan {
  const { request, members, clients, cadence } = input;
  assertTeamAdministrator(request, members);
  const managers = chooseManagers(request, members);
  const weekStart = mondayOf(request.week);
  assertCampaignCanStart(request, input.campaigns, weekStart);
  const campaignId = campaignIdFor(request.team, weekStart);
  const dates = { weekStart, seminarDate: request.seminarDate };
  const rules = exclusionRules(input);
  const keeper = oldestIds(
    clients
      .filter((client) => managers.some((manager) => same(client.manager, manager.email)))
      .filter((client) => exclusionOf(client, rules) === undefined),
  );
  const split = managers.map((manager) => managerClients(clients, manager, rules, keeper));
  const context: RowContext = {
    campaignId,
    dates,
    previous: previousCampaign(input.campaigns, request.team, weekStart),
    timelines: buildTimelines(input.history, input.campaigns, input.taxonomy, input.timeZone),
    cadence,
    lang: input.lang,
  };
  const names = sheetNames(managers, input.reservedSheetNames ?? []);
  const lists = managers.map((manager, index): ManagerList => ({
    manager: manager.email,
    name: manager.name,
    sheetName: names[index] ?? manager.email,
    rows: plannedRows(split[index]?.called ?? [], context),
  }));
  assertEveryManagerHasClients(lists);
  return {
    campaignId,
    // One name everywhere: History's «Кампания», Campaigns, Results and the workbook's title.
    workbookName: campaignId,
    team: request.team,
    weekStart,
    isoWeek: isoWeekLabel(weekStart),
    topic: request.topic,
    seminarDate: request.seminarDate,
    lists,
    excluded: split.flatMap((part) => part.excluded),
    warnings: campaignWarnings(input, split, rules.wrongNumber),
    calendar: weekCalendar(
      dates,
      cadence,
      lists.flatMap((list) => list.rows.map((row) => ({ nextCallDate: row.nextCall }))),
    ),
  };
}

/** How many clients a warning names before it says how many more there are. */
const NAMED_IN_WARNING = 10;

/** The clients left out for a wrong number, named so the administrator can fix their numbers. */
function wrongNumberWarnings(
  excluded: readonly ExcludedClient[],
  wrong: ReadonlyMap<string, WrongNumber>,
): PlanWarning[] {
  const toFix = excluded.flatMap((client) => {
    const entry = wrong.get(client.clientId);
    return entry ? [`${entry.clientId} ${entry.organisation} (${entry.phone})`] : [];
  });
  if (toFix.length === 0) return [];
  const named = toFix.slice(0, NAMED_IN_WARNING).join('; ');
  return [
    {
      key: 'planning.wrongNumbers',
      params: {
        count: toFix.length,
        clients:
          toFix.length > NAMED_IN_WARNING ? `${named}; … (+${toFix.length - NAMED_IN_WARNING})` : named,
      },
    },
  ];
}

/** Clients nobody will call: their manager is not on the Team sheet, or is an inactive team member. */
function planningWarnings(
  request: CampaignRequest,
  members: readonly TeamMember[],
  clients: readonly PlanningClient[],
): PlanWarning[] {
  const warnings: PlanWarning[] = [];
  const orphans = clients.filter((c) => !c.doNotCall && !members.some((m) => same(m.email, c.manager)));
  if (orphans.length > 0) {
    const example = orphans[0];
    warnings.push({
      key: 'planning.clientsWithUnknownManager',
      params: { count: orphans.length, example: example ? `${example.id} → ${example.manager}` : '' },
    });
  }
  const inactive = members.filter((m) => !m.active && same(m.team, request.team));
  const stranded = clients.filter(
    (c) => !c.doNotCall && inactive.some((m) => same(m.email, c.manager)),
  ).length;
  if (stranded > 0) warnings.push({ key: 'planning.clientsOfInactiveManagers', params: { count: stranded } });
  return warnings;
}
