// The README tells the truth: the benchmark table and the figures its text quotes are those of the
// last recorded run (docs/bench.json, written by npm run bench -- --record), the demo it describes
// is the demo's default, every document and picture it links exists, and it cites the project's
// own design document. (The demo's sample output is checked by test/demo/cli.test.ts, which runs it.)

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { benchTable, README_END, README_START, type BenchRecord } from '../../bench/readme';
import {
  TRIGGER_TIME_END,
  TRIGGER_TIME_START,
  triggerTimeTable,
  type TriggerTimeRow,
} from '../../bench/trigger-time';
import { SIZES } from '../../demo/cli';

const ROOT = join(__dirname, '../..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const record = JSON.parse(readFileSync(join(ROOT, 'docs/bench.json'), 'utf8')) as BenchRecord;

describe('the README', () => {
  it('shows the benchmark table of the recorded run', () => {
    const start = readme.indexOf(README_START) + README_START.length;
    const end = readme.indexOf(README_END);
    expect(readme.slice(start, end).trim()).toBe(benchTable(record));
  });

  it('shows the trigger-time table of the recorded run, and where a consumer account runs out', () => {
    const rows = (record as BenchRecord & { triggerTime?: TriggerTimeRow[] }).triggerTime ?? [];
    expect(rows.map((row) => row.managers)).toEqual([5, 20, 50]);
    const start = readme.indexOf(TRIGGER_TIME_START) + TRIGGER_TIME_START.length;
    expect(readme.slice(start, readme.indexOf(TRIGGER_TIME_END)).trim()).toBe(triggerTimeTable(rows));
    // The text's threshold: managers whose busiest day fits 90 minutes, from the per-manager minutes.
    const perManager = rows[0]!.busiestDayMinutes / rows[0]!.managers;
    const quoted = /past about (\d+)–(\d+) managers/.exec(readme);
    expect(quoted).not.toBeNull();
    expect(Math.floor(90 / perManager)).toBeGreaterThanOrEqual(Number(quoted![1]));
    expect(Math.floor(90 / perManager)).toBeLessThanOrEqual(Number(quoted![2]));
  });

  it('quotes the recorded estimate of the largest campaign, in minutes', () => {
    const campaign = record.results.find((r) => r.size === '50 × 2,000' && r.job === 'New weekly campaign');
    const minutes = Math.round((campaign?.real?.estimatedMs ?? NaN) / 60_000);
    const quoted = [...readme.matchAll(/about (\d+) minutes/g)].map((match) => Number(match[1]));
    expect(quoted.length).toBeGreaterThan(0);
    for (const figure of quoted) expect(figure).toBe(minutes);
  });

  it('describes the demo’s default size', () => {
    expect(readme).toContain(
      `two administrators, ${['', 'one', 'two', 'three', 'four', 'five', 'six'][SIZES.normal.managers]} managers, about\n${SIZES.normal.clients} clients each`,
    );
  });

  it('links only documents and pictures that exist', () => {
    const documents = [
      'README.md',
      ...readdirSync(join(ROOT, 'docs'))
        .filter((f) => f.endsWith('.md'))
        .map((f) => `docs/${f}`),
    ];
    const missing = documents.flatMap((document) => {
      const text = readFileSync(join(ROOT, document), 'utf8');
      return [...text.matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)]
        .map((match) => match[1]!)
        .filter((target) => !/^[a-z]+:/.test(target))
        .filter((target) => !existsSync(join(ROOT, dirname(document), target)))
        .map((target) => `${document} → ${target}`);
    });
    expect(missing).toEqual([]);
  });

  it('cites the project’s own design document, never an outside one', () => {
    for (const document of [
      'README.md',
      'docs/architecture.md',
      'docs/team-books.md',
      'bench/run.ts',
      'bench/naive.ts',
      'demo/week.ts',
    ]) {
      const text = readFileSync(join(ROOT, document), 'utf8');
      expect(text).not.toMatch(/DESIGN(\.md| §)|\/work\/shared/);
    }
    expect(readme).toContain('[docs/architecture.md](docs/architecture.md)');
  });
});
