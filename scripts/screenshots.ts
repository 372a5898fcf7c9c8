// `npm run screenshots`: the README's pictures, rendered from the demo's own xlsx by LibreOffice
// (as a person opening the file would see it) — Totals and a manager's sheet of the first week —
// and the demo's report page with the charts, as Chromium shows it, into docs/img/. Needs
// LibreOffice (soffice), poppler (pdftoppm), ImageMagick (convert) and Chromium:
// apt-get install -y libreoffice-calc-nogui poppler-utils imagemagick chromium.
//
// Each picture is one sheet of the workbook, its formulas replaced by the values the demo computed
// (LibreOffice would otherwise recompute them without the other sheets), printed as the export's
// print setup says (landscape, one page wide), cut to the rows and columns named below.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { chromium } from 'playwright-core';

const ROOT = join(__dirname, '..');
const IMG = join(ROOT, 'docs/img');

function run(command: string, args: readonly string[], cwd = ROOT): void {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', stdio: 'pipe' });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout ?? ''}${result.stderr ?? ''}`);
}

/** One sheet of `source` alone in a new file, values only, cut to its first `rows` × `columns`. */
async function singleSheet(
  source: string,
  sheet: string,
  rows: number,
  columns: number,
  target: string,
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(source);
  for (const other of [...workbook.worksheets]) if (other.name !== sheet) workbook.removeWorksheet(other.id);
  const worksheet = workbook.getWorksheet(sheet);
  if (!worksheet) throw new Error(`${source} has no sheet ${sheet}`);
  worksheet.eachRow((row) =>
    row.eachCell((cell) => {
      const value = cell.value as ExcelJS.CellFormulaValue | null;
      // exceljs reads a cached 0 back as no result (the file holds <v>0</v>); Totals' figures are numbers.
      if (value && typeof value === 'object' && 'formula' in value) cell.value = value.result ?? 0;
    }),
  );
  // Hidden rows and columns are not printed (exceljs's spliceRows leaves the formats' rows behind).
  for (let column = columns + 1; column <= worksheet.columnCount; column++)
    worksheet.getColumn(column).hidden = true;
  for (let row = rows + 1; row <= worksheet.rowCount; row++) worksheet.getRow(row).hidden = true;
  worksheet.pageSetup.margins = { left: 0.2, right: 0.2, top: 0.2, bottom: 0.2, header: 0, footer: 0 };
  await workbook.xlsx.writeFile(target);
}

/** LibreOffice → PDF → the first page as PNG, trimmed of the white margin. */
function render(xlsx: string, png: string, work: string): void {
  run('soffice', ['--headless', '--norestore', '--convert-to', 'pdf', '--outdir', work, xlsx]);
  const pdf = xlsx.replace(/\.xlsx$/, '.pdf');
  const page = join(work, 'page');
  run('pdftoppm', ['-png', '-r', '180', '-f', '1', '-l', '1', '-singlefile', pdf, page]);
  run('convert', [`${page}.png`, '-trim', '+repage', '-bordercolor', 'white', '-border', '8', png]);
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'prozvon-screenshots-'));
  try {
    // `npm run screenshots -- DIR` uses a demo output folder already written; else the demo runs.
    const out = process.argv[2] ?? join(work, 'out');
    if (!process.argv[2]) run(process.execPath, ['--import', 'tsx', 'demo/run.ts', '--out', out]);
    const week = readdirSync(out).find((name) => /^week-\d{4}-W49-otdel-petrovoy\.xlsx$/.test(name));
    if (!week) throw new Error('the demo wrote no workbook of Petrova’s team for week 49');
    mkdirSync(IMG, { recursive: true });
    // Totals: the calendar plan, the charts' place and the funnel, team first (the day-by-day block
    // to the right of it is in the file too, past the width a README picture can show).
    await singleSheet(join(out, week), 'Итоги', 21, 19, join(work, 'totals.xlsx'));
    render(join(work, 'totals.xlsx'), join(IMG, 'totals.png'), work);
    // A manager's sheet: from № to the comment, the columns a laptop screen shows at once.
    await singleSheet(join(out, week), 'Иванов Иван', 30, 16, join(work, 'manager.xlsx'));
    render(join(work, 'manager.xlsx'), join(IMG, 'manager-sheet.png'), work);
    // The charts: exceljs cannot write them into the xlsx, so the demo draws them on its report page.
    const report = readdirSync(out).find((name) => /^report-\d{4}-W49-otdel-petrovoy\.html$/.test(name));
    if (!report) throw new Error('the demo wrote no report page of Petrova’s team for week 49');
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
      await page.goto(`file://${join(out, report)}`);
      await page.screenshot({ path: join(IMG, 'report.png'), fullPage: true });
    } finally {
      await browser.close();
    }
    console.log('wrote docs/img/totals.png, docs/img/manager-sheet.png and docs/img/report.png');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
