// The weekly report page the demo writes per team (out/report-<week>-<team>.html): the funnel by
// manager, the plan and the calls day by day, and the manager ranking, as inline SVG charts with
// the figures beside them. exceljs cannot write charts into the xlsx, so this page is where the
// demo shows the charts Google Sheets draws on Totals. It is one self-contained file: no script,
// no font, no image, and a Content-Security-Policy that forbids the browser to load anything.

import { t, type Lang } from '../src/core/messages';
import type { FunnelColumnKey } from '../src/core/schema';
import type { RankingRow, WeekTotals } from './report';
import { count, percent, say } from './text';

export interface ReportInput {
  readonly lang: Lang;
  /** The weekly workbook's name («2026-W49 · Отдел Петровой»). */
  readonly workbook: string;
  readonly totals: WeekTotals;
  readonly ranking: readonly RankingRow[];
}

/** The funnel steps the chart draws, from the list to the seminar. */
export const FUNNEL_STEPS: readonly FunnelColumnKey[] = [
  'listSize',
  'called',
  'reached',
  'agreed',
  'offers',
  'invoices',
  'paid',
  'attended',
];

const PALETTE = ['#1a73e8', '#e8710a', '#188038', '#a142f4', '#d93025', '#12b5cb', '#f9ab00', '#5f6368'];

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function colour(index: number): string {
  return PALETTE[index % PALETTE.length]!;
}

/** Horizontal bars: one group per funnel step, one bar per manager. */
function funnelChart(input: ReportInput): string {
  const { lang, totals } = input;
  const managers = totals.managers;
  const bar = 14;
  const gap = 10;
  const labelWidth = 170;
  const plotWidth = 520;
  const groupHeight = managers.length * bar + gap;
  const height = FUNNEL_STEPS.length * groupHeight + 10;
  const max = Math.max(1, ...managers.flatMap((m) => FUNNEL_STEPS.map((key) => m.figures[key] ?? 0)));
  const parts: string[] = [];
  FUNNEL_STEPS.forEach((key, step) => {
    const top = step * groupHeight + 5;
    parts.push(
      `<text class="axis" x="${labelWidth - 8}" y="${top + (managers.length * bar) / 2 + 4}" text-anchor="end">${escape(t(lang, `funnel.${key}`))}</text>`,
    );
    managers.forEach((manager, index) => {
      const value = manager.figures[key] ?? 0;
      const width = Math.round((value / max) * plotWidth);
      const y = top + index * bar;
      parts.push(
        `<rect class="bar" data-step="${key}" data-manager="${escape(manager.name)}" data-value="${value}" x="${labelWidth}" y="${y}" width="${width}" height="${bar - 2}" fill="${colour(index)}"><title>${escape(`${manager.name}: ${t(lang, `funnel.${key}`)} — ${count(lang, value)}`)}</title></rect>`,
        `<text class="value" x="${labelWidth + width + 4}" y="${y + bar - 4}">${escape(count(lang, value))}</text>`,
      );
    });
  });
  const legend = managers
    .map(
      (manager, index) =>
        `<li><span class="swatch" style="background:${colour(index)}"></span>${escape(manager.name)}</li>`,
    )
    .join('');
  return figure(
    'funnel',
    say(lang, 'report.funnel'),
    `<svg role="img" aria-label="${escape(say(lang, 'report.funnel'))}" width="${labelWidth + plotWidth + 60}" height="${height}" viewBox="0 0 ${labelWidth + plotWidth + 60} ${height}">${parts.join('')}</svg><ul class="legend">${legend}</ul>`,
  );
}

/** Columns per day: the calls the plan had due, and the calls made. */
function daysChart(input: ReportInput): string {
  const { lang, totals } = input;
  if (totals.days.length === 0)
    return figure(
      'days',
      say(lang, 'report.days'),
      `<p class="note">${escape(say(lang, 'report.noDays', { totals: t(lang, 'sheet.totals') }))}</p>`,
    );
  const column = 22;
  const slot = 2 * column + 26;
  const plotHeight = 200;
  const top = 20;
  const width = totals.days.length * slot + 20;
  const max = Math.max(1, ...totals.days.flatMap((day) => [day.planned, day.done ?? 0]));
  const parts: string[] = [];
  totals.days.forEach((day, index) => {
    const x = 10 + index * slot;
    const series: Array<[string, number | null, string]> = [
      ['planned', day.planned, '#9aa0a6'],
      ['done', day.done, '#1a73e8'],
    ];
    series.forEach(([kind, value, fill], offset) => {
      if (value === null) return;
      const height = Math.round((value / max) * plotHeight);
      const left = x + offset * column;
      const label = say(lang, kind === 'planned' ? 'report.planned' : 'report.done');
      parts.push(
        `<rect class="bar" data-kind="${kind}" data-day="${escape(day.label)}" data-value="${value}" x="${left}" y="${top + plotHeight - height}" width="${column - 2}" height="${height}" fill="${fill}"><title>${escape(`${day.label}: ${label} — ${count(lang, value)}`)}</title></rect>`,
        `<text class="value" x="${left + (column - 2) / 2}" y="${top + plotHeight - height - 4}" text-anchor="middle">${escape(count(lang, value))}</text>`,
      );
    });
    parts.push(
      `<text class="axis" x="${x + column}" y="${top + plotHeight + 16}" text-anchor="middle">${escape(day.label)}</text>`,
    );
  });
  const legend = `<ul class="legend"><li><span class="swatch" style="background:#9aa0a6"></span>${escape(say(lang, 'report.planned'))}</li><li><span class="swatch" style="background:#1a73e8"></span>${escape(say(lang, 'report.done'))}</li></ul>`;
  return figure(
    'days',
    say(lang, 'report.days'),
    `<svg role="img" aria-label="${escape(say(lang, 'report.days'))}" width="${width}" height="${top + plotHeight + 26}" viewBox="0 0 ${width} ${top + plotHeight + 26}">${parts.join('')}</svg>${legend}`,
  );
}

/** The ranking: conversion per manager, best first, with the mark Results gives. */
function rankingChart(input: ReportInput): string {
  const { lang, ranking } = input;
  if (ranking.length === 0)
    return figure(
      'ranking',
      say(lang, 'report.ranking'),
      `<p class="note">${escape(say(lang, 'report.noRanking', { results: t(lang, 'sheet.results') }))}</p>`,
    );
  const bar = 22;
  const labelWidth = 200;
  const plotWidth = 420;
  const height = ranking.length * (bar + 6) + 6;
  const max = Math.max(0.0001, ...ranking.map((row) => row.conversion));
  const parts = ranking.map((row, index) => {
    const y = 6 + index * (bar + 6);
    const width = Math.round((row.conversion / max) * plotWidth);
    const text = `${percent(lang, row.conversion)}${row.mark ? ` · ${row.mark}` : ''}`;
    return (
      `<text class="axis" x="${labelWidth - 8}" y="${y + bar / 2 + 4}" text-anchor="end">${escape(`${row.rank}. ${row.name}`)}</text>` +
      `<rect class="bar" data-manager="${escape(row.name)}" data-rank="${row.rank}" data-value="${row.conversion}" x="${labelWidth}" y="${y}" width="${width}" height="${bar}" fill="${row.mark && row.rank === 1 ? '#188038' : '#1a73e8'}"><title>${escape(`${row.name}: ${text}`)}</title></rect>` +
      `<text class="value" x="${labelWidth + width + 6}" y="${y + bar / 2 + 4}">${escape(text)}</text>`
    );
  });
  return figure(
    'ranking',
    say(lang, 'report.ranking'),
    `<svg role="img" aria-label="${escape(say(lang, 'report.ranking'))}" width="${labelWidth + plotWidth + 200}" height="${height}" viewBox="0 0 ${labelWidth + plotWidth + 200} ${height}">${parts.join('')}</svg>`,
  );
}

function figure(id: string, caption: string, body: string): string {
  return `<figure id="${id}"><figcaption>${escape(caption)}</figcaption>${body}</figure>`;
}

/** The funnel figures as a table under the charts: the team first, then each manager. */
function funnelTableHtml(input: ReportInput): string {
  const { lang, totals } = input;
  const keys: readonly FunnelColumnKey[] = [...FUNNEL_STEPS, 'conversion'];
  const rows = [...(totals.team ? [totals.team] : []), ...totals.managers];
  const head = `<tr><th>${escape(t(lang, 'totals.manager'))}</th>${keys.map((key) => `<th>${escape(t(lang, `funnel.${key}`))}</th>`).join('')}</tr>`;
  const body = rows
    .map(
      (row, index) =>
        `<tr${index === 0 && totals.team ? ' class="team"' : ''}><th scope="row">${escape(row.name)}</th>${keys
          .map((key) => {
            const value = row.figures[key];
            return `<td>${value === undefined ? '' : escape(key === 'conversion' ? percent(lang, value) : count(lang, value))}</td>`;
          })
          .join('')}</tr>`,
    )
    .join('');
  return `<table id="figures"><thead>${head}</thead><tbody>${body}</tbody></table>`;
}

const STYLE = `
  body { font: 14px/1.4 system-ui, 'DejaVu Sans', sans-serif; margin: 24px; color: #202124; max-width: 1100px; }
  h1 { font-size: 20px; margin: 0 0 4px; }
  p.source { color: #5f6368; margin: 0 0 16px; }
  figure { margin: 0 0 28px; }
  figcaption { font-weight: bold; margin-bottom: 8px; }
  svg { display: block; max-width: 100%; height: auto; }
  svg text { font-size: 12px; fill: #202124; }
  svg text.value { fill: #5f6368; font-size: 11px; }
  ul.legend { list-style: none; padding: 0; margin: 6px 0 0; display: flex; flex-wrap: wrap; gap: 14px; }
  .swatch { display: inline-block; width: 12px; height: 12px; margin-right: 6px; vertical-align: -1px; }
  table { border-collapse: collapse; font-size: 13px; }
  th, td { border: 1px solid #dadce0; padding: 4px 8px; }
  thead th { background: #d9e2f3; vertical-align: bottom; }
  td { text-align: right; }
  tbody th { text-align: left; font-weight: normal; white-space: nowrap; }
  tr.team th, tr.team td { font-weight: bold; }
  p.note { color: #5f6368; }
`;

/** The whole page. */
export function renderReport(input: ReportInput): string {
  const { lang } = input;
  const title = say(lang, 'report.title', { name: input.workbook });
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escape(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escape(title)}</h1>
<p class="source">${escape(say(lang, 'report.source', { totals: t(lang, 'sheet.totals'), results: t(lang, 'sheet.results') }))}</p>
${funnelChart(input)}
${daysChart(input)}
${rankingChart(input)}
${funnelTableHtml(input)}
</body>
</html>
`;
}
