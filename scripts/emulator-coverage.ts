// Writes emulator/COVERAGE.md: for each Apps Script class Prozvon uses, which members
// of @types/google-apps-script the emulator implements. Members are read from the .d.ts
// files; an object of each class is made in a gas instance and probed with `in` (which the
// strict wrapper answers without throwing). Run: npx tsx scripts/emulator-coverage.ts

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createGas } from '../emulator';
import { SERVICES_BUNDLE } from '../emulator/fixtures/setup';

const TYPES = join(__dirname, '../node_modules/@types/google-apps-script');
const OUT = join(__dirname, '../emulator/COVERAGE.md');

/** Class name → the .d.ts file declaring it. */
const CLASSES: ReadonlyArray<readonly [string, string]> = [
  ['SpreadsheetApp', 'spreadsheet'],
  ['Spreadsheet', 'spreadsheet'],
  ['Sheet', 'spreadsheet'],
  ['Range', 'spreadsheet'],
  ['DataValidation', 'spreadsheet'],
  ['DataValidationBuilder', 'spreadsheet'],
  ['Protection', 'spreadsheet'],
  ['ConditionalFormatRule', 'spreadsheet'],
  ['ConditionalFormatRuleBuilder', 'spreadsheet'],
  ['EmbeddedChart', 'spreadsheet'],
  ['EmbeddedChartBuilder', 'spreadsheet'],
  ['ScriptApp', 'script'],
  ['TriggerBuilder', 'script'],
  ['ClockTriggerBuilder', 'script'],
  ['SpreadsheetTriggerBuilder', 'script'],
  ['Trigger', 'script'],
  ['PropertiesService', 'properties'],
  ['Properties', 'properties'],
  ['CacheService', 'cache'],
  ['Cache', 'cache'],
  ['LockService', 'lock'],
  ['Lock', 'lock'],
  ['Session', 'base'],
  ['Utilities', 'utilities'],
  ['HtmlService', 'html'],
  ['HtmlOutput', 'html'],
  ['HtmlTemplate', 'html'],
  ['Ui', 'base'],
  ['Menu', 'base'],
  ['MailApp', 'mail'],
];

interface Member {
  name: string;
  deprecated: boolean;
}

/** Member names of `interface Name` in a .d.ts file (overloads collapsed). */
function membersOf(className: string, file: string): Member[] {
  const text = readFileSync(join(TYPES, `google-apps-script.${file}.d.ts`), 'utf8');
  const start = new RegExp(`^(\\s*)interface ${className}(?:<[^>]*>)?(?: extends [^{]+)? \\{`, 'm').exec(
    text,
  );
  if (!start) throw new Error(`interface ${className} not found in ${file}.d.ts`);
  const indent = start[1] ?? '';
  const end = text.indexOf(`\n${indent}}`, start.index);
  const body = text.slice(start.index + start[0].length, end);
  const members = new Map<string, Member>();
  for (const line of body.split('\n')) {
    const match = /^\s*(\/\*\* @deprecated DO NOT USE \*\/\s*)?([A-Za-z_$][\w$]*)\??\s*[(:<]/.exec(line);
    if (!match?.[2]) continue;
    const name = match[2];
    const deprecated = Boolean(match[1]);
    const known = members.get(name);
    members.set(name, { name, deprecated: known ? known.deprecated && deprecated : deprecated });
  }
  return [...members.values()];
}

/** One object of each class, made in an execution with a UI. */
function sampleObjects(): Map<string, object | Error> {
  const gas = createGas({ now: '2026-11-30T09:00:00+03:00' });
  const master = gas.createSpreadsheet('Master', { owner: 'admin@firm.ru' });
  gas.install(master, SERVICES_BUNDLE);
  const g = gas.globals as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const samples = new Map<string, object | Error>();
  const make = (name: string, build: () => object): void => {
    try {
      samples.set(name, build());
    } catch (error) {
      samples.set(name, error instanceof Error ? error : new Error(String(error)));
    }
  };
  gas.runtime.execute(
    {
      kind: 'menu',
      activeUser: 'admin@firm.ru',
      effectiveUser: 'admin@firm.ru',
      authMode: 'FULL',
      ui: true,
      boundSpreadsheetId: gas.idOf(master),
      activeSpreadsheetId: gas.idOf(master),
    },
    () => {
      const app = g.SpreadsheetApp;
      make('SpreadsheetApp', () => app);
      const ss = app.create('Coverage');
      make('Spreadsheet', () => ss);
      const sheet = ss.getSheets()[0];
      make('Sheet', () => sheet);
      const range = sheet.getRange('A1:B2');
      make('Range', () => range);
      make('DataValidationBuilder', () => app.newDataValidation());
      make('DataValidation', () => app.newDataValidation().requireValueInList(['a']).build());
      make('Protection', () => sheet.protect());
      make('ConditionalFormatRuleBuilder', () => app.newConditionalFormatRule());
      make('ConditionalFormatRule', () =>
        app
          .newConditionalFormatRule()
          .whenTextEqualTo('a')
          .setBackground('#ffffff')
          .setRanges([range])
          .build(),
      );
      make('EmbeddedChartBuilder', () => sheet.newChart());
      make('EmbeddedChart', () =>
        sheet.newChart().setChartType(g.Charts.ChartType.BAR).addRange(range).setPosition(1, 1, 0, 0).build(),
      );
      make('ScriptApp', () => g.ScriptApp);
      make('TriggerBuilder', () => g.ScriptApp.newTrigger('daily'));
      make('ClockTriggerBuilder', () => g.ScriptApp.newTrigger('daily').timeBased());
      make('SpreadsheetTriggerBuilder', () => g.ScriptApp.newTrigger('daily').forSpreadsheet(ss));
      make('Trigger', () => g.ScriptApp.newTrigger('daily').timeBased().after(1000).create());
      make('PropertiesService', () => g.PropertiesService);
      make('Properties', () => g.PropertiesService.getScriptProperties());
      make('CacheService', () => g.CacheService);
      make('Cache', () => g.CacheService.getScriptCache());
      make('LockService', () => g.LockService);
      make('Lock', () => g.LockService.getScriptLock());
      make('Session', () => g.Session);
      make('Utilities', () => g.Utilities);
      make('HtmlService', () => g.HtmlService);
      make('HtmlOutput', () => g.HtmlService.createHtmlOutput(''));
      make('HtmlTemplate', () => g.HtmlService.createTemplate(''));
      make('Ui', () => app.getUi());
      make('Menu', () => app.getUi().createMenu('x'));
      make('MailApp', () => g.MailApp);
    },
  );
  return samples;
}

function main(): void {
  const samples = sampleObjects();
  const summary: string[] = [];
  const details: string[] = [];
  let implementedTotal = 0;
  let memberTotal = 0;
  for (const [className, file] of CLASSES) {
    const members = membersOf(className, file);
    const sample = samples.get(className);
    const implemented = members.filter((m) => sample && !(sample instanceof Error) && m.name in sample);
    implementedTotal += implemented.length;
    memberTotal += members.length;
    const current = members.filter((m) => !m.deprecated);
    const currentDone = current.filter((m) => implemented.includes(m));
    summary.push(
      `| ${className} | ${implemented.length} / ${members.length} | ${currentDone.length} / ${current.length} |` +
        (sample instanceof Error ? ` could not make one: ${sample.message} |` : ' |'),
    );
    details.push(`### ${className}`, '', '| member | implemented |', '|---|---|');
    for (const member of members) {
      const mark = implemented.includes(member) ? 'yes' : 'no';
      details.push(`| ${member.name}${member.deprecated ? ' (deprecated)' : ''} | ${mark} |`);
    }
    details.push('');
  }
  const text = [
    '# Emulator coverage',
    '',
    'Generated by `npx tsx scripts/emulator-coverage.ts` — do not edit. Members come from',
    '`@types/google-apps-script`; a member counts as implemented when an object the emulator',
    'hands to scripts has it (anything else throws `not implemented: Class.member`).',
    '',
    `Overall: ${implementedTotal} of ${memberTotal} members.`,
    '',
    '| class | implemented (all) | implemented (not deprecated) | note |',
    '|---|---|---|---|',
    ...summary,
    '',
    '## Members',
    '',
    ...details,
  ].join('\n');
  writeFileSync(OUT, text);
  console.log(`wrote ${OUT}: ${implementedTotal} of ${memberTotal} members implemented`);
}

main();
