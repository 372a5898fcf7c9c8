// Trigger time as a budget: every manager edit runs the workbook's edit trigger as the
// administrator who created the campaign, and the nightly jobs run as the master's owner, so a
// team's whole week draws on one account's daily trigger runtime (90 minutes on a consumer
// account, 6 hours on Workspace). This plays the demo's seeded week — every edit of it, and the
// nights — at 5, 20 and 50 managers per administrator (100 clients each) and reads each
// administrator's estimated runtime per day from the emulator's quota counters (the demo writes
// them to trigger-time.json).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AdministratorTriggerTime } from '../demo/play';

export const TRIGGER_QUOTA_MINUTES = { consumer: 90, workspace: 360 } as const;

/** Managers per administrator to measure, and the demo's --managers giving the first team that many. */
export const TEAM_SIZES: readonly { readonly perAdmin: number; readonly demoManagers: number }[] = [
  { perAdmin: 5, demoManagers: 8 },
  { perAdmin: 20, demoManagers: 33 },
  { perAdmin: 50, demoManagers: 83 },
];

export interface TriggerTimeRow {
  /** Managers the measured administrator leads. */
  readonly managers: number;
  readonly clientsPerManager: number;
  /** The busiest day's estimated trigger runtime, minutes. */
  readonly busiestDayMinutes: number;
  readonly busiestDay: string;
  readonly weekMinutes: number;
  readonly consumerOk: boolean;
  readonly workspaceOk: boolean;
}

/** Plays the demo's week at each team size and returns the largest team's administrator's figures. */
export function measureTriggerTime(
  root: string,
  sizes = TEAM_SIZES,
  progress: (line: string) => void = () => {},
): TriggerTimeRow[] {
  return sizes.map(({ perAdmin, demoManagers }) => {
    const out = mkdtempSync(join(tmpdir(), 'prozvon-trigger-time-'));
    try {
      progress(`trigger time: playing the week at ${demoManagers} managers × 100 clients…`);
      const run = spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          'demo/run.ts',
          '--managers',
          String(demoManagers),
          '--clients',
          '100',
          '--no-build',
          // Workspace's 6 hours: the week's whole demand is measured, not cut at a consumer's 90 minutes.
          '--workspace',
          '--out',
          out,
        ],
        { cwd: resolve(root), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      );
      if (run.status !== 0) throw new Error(`the demo failed at ${demoManagers} managers: ${run.stderr}`);
      const admins = JSON.parse(
        readFileSync(join(out, 'trigger-time.json'), 'utf8'),
      ) as AdministratorTriggerTime[];
      const admin = [...admins].sort((a, b) => b.managers - a.managers)[0];
      if (!admin) throw new Error('the demo wrote no trigger times');
      if (admin.managers !== perAdmin)
        progress(`trigger time: the first team has ${admin.managers} managers (wanted ${perAdmin})`);
      const busiest = admin.days.reduce((a, b) => (b.ms > a.ms ? b : a));
      const busiestDayMinutes = busiest.ms / 60_000;
      return {
        managers: admin.managers,
        clientsPerManager: admin.clientsPerManager,
        busiestDayMinutes,
        busiestDay: busiest.day,
        weekMinutes: admin.days.reduce((sum, day) => sum + day.ms, 0) / 60_000,
        consumerOk: busiestDayMinutes <= TRIGGER_QUOTA_MINUTES.consumer,
        workspaceOk: busiestDayMinutes <= TRIGGER_QUOTA_MINUTES.workspace,
      };
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
}

/** The Markdown table of trigger time per administrator per day. */
export function triggerTimeTable(rows: readonly TriggerTimeRow[]): string {
  const minutes = (value: number) => value.toFixed(1);
  const lines = rows.map(
    (row) =>
      `| ${row.managers} × ${row.clientsPerManager} | ${minutes(row.busiestDayMinutes)} (${row.busiestDay}) | ${minutes(row.weekMinutes)} | ${row.consumerOk ? '✓' : '✗'} | ${row.workspaceOk ? '✓' : '✗'} |`,
  );
  return [
    `| managers × clients (one administrator) | busiest day, min | week, min | consumer (${TRIGGER_QUOTA_MINUTES.consumer} min/day) | Workspace (${TRIGGER_QUOTA_MINUTES.workspace} min/day) |`,
    '|---|---|---|---|---|',
    ...lines,
  ].join('\n');
}

export const TRIGGER_TIME_START = '<!-- trigger-time:start (npm run bench -- --record writes this table) -->';
export const TRIGGER_TIME_END = '<!-- trigger-time:end -->';

/** The README with the trigger-time table between its markers replaced. */
export function withTriggerTimeTable(readme: string, rows: readonly TriggerTimeRow[]): string {
  const start = readme.indexOf(TRIGGER_TIME_START);
  const end = readme.indexOf(TRIGGER_TIME_END);
  if (start < 0 || end < start) throw new Error('README.md has no trigger-time markers');
  return `${readme.slice(0, start + TRIGGER_TIME_START.length)}\n${triggerTimeTable(rows)}\n${readme.slice(end)}`;
}
