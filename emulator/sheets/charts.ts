// Embedded charts: stored with their type, ranges, position, options and whether rows and
// columns are swapped, so a script can build, insert, list, modify and remove them. Nothing is
// drawn; the xlsx export leaves them out.

import type { Rect } from './a1';
import type { Api } from './api';
import { signatureError } from './errors';
import { asRangeHandle } from './handles';
import type { SheetModel } from './model';

export const CHART_TYPE = {
  AREA: 'AREA',
  BAR: 'BAR',
  BUBBLE: 'BUBBLE',
  CANDLESTICK: 'CANDLESTICK',
  COLUMN: 'COLUMN',
  COMBO: 'COMBO',
  GAUGE: 'GAUGE',
  GEO: 'GEO',
  HISTOGRAM: 'HISTOGRAM',
  LINE: 'LINE',
  ORG: 'ORG',
  PIE: 'PIE',
  SCATTER: 'SCATTER',
  SPARKLINE: 'SPARKLINE',
  STEPPED_AREA: 'STEPPED_AREA',
  TABLE: 'TABLE',
  TIMELINE: 'TIMELINE',
  TREEMAP: 'TREEMAP',
  WATERFALL: 'WATERFALL',
} as const;

export interface ChartData {
  id: number;
  chartType: string;
  ranges: Array<{ sheet: SheetModel; rect: Rect }>;
  position: { row: number; column: number; offsetX: number; offsetY: number };
  options: Record<string, unknown>;
  /** setTransposeRowsAndColumns: the ranges' rows are the series (reference/spreadsheet/embedded-chart-builder). */
  transpose: boolean;
}

let nextChartId = 1;

/** A fresh chart id (a copied sheet's charts get new ones). */
export function newChartId(): number {
  return nextChartId++;
}

/** sheet.newChart() / chart.modify() (reference/spreadsheet/embedded-chart-builder). */
export class EmbeddedChartBuilderImpl {
  private readonly data: ChartData;

  constructor(
    private readonly api: Api,
    from: ChartData | null,
  ) {
    this.data = from
      ? { ...from, ranges: [...from.ranges], position: { ...from.position }, options: { ...from.options } }
      : {
          id: 0,
          chartType: CHART_TYPE.COLUMN,
          ranges: [],
          position: { row: 1, column: 1, offsetX: 0, offsetY: 0 },
          options: {},
          transpose: false,
        };
  }

  private self(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    return this.api.wrap(this, 'EmbeddedChartBuilder');
  }

  setChartType(type: string): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    this.data.chartType = String(type);
    return this.self();
  }

  asBarChart() {
    return this.setChartType(CHART_TYPE.BAR);
  }
  asColumnChart() {
    return this.setChartType(CHART_TYPE.COLUMN);
  }
  asLineChart() {
    return this.setChartType(CHART_TYPE.LINE);
  }
  asPieChart() {
    return this.setChartType(CHART_TYPE.PIE);
  }

  addRange(range: unknown): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    const handle = asRangeHandle(range);
    if (!handle) throw signatureError([range], 'EmbeddedChartBuilder', 'addRange');
    this.data.ranges.push({ sheet: handle._sheet, rect: handle._rect });
    return this.self();
  }

  clearRanges(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    this.data.ranges = [];
    return this.self();
  }

  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number) {
    this.data.position = { row: anchorRowPos, column: anchorColPos, offsetX, offsetY };
    return this.self();
  }

  setOption(option: string, value: unknown): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    this.data.options[option] = value;
    return this.self();
  }

  /** "Sets whether the chart's rows and columns are transposed" (…#setTransposeRowsAndColumns(Boolean)). */
  setTransposeRowsAndColumns(transpose: unknown): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    if (typeof transpose !== 'boolean')
      throw signatureError([transpose], 'EmbeddedChartBuilder', 'setTransposeRowsAndColumns');
    this.data.transpose = transpose;
    return this.self();
  }

  getChartType(): string {
    return this.data.chartType;
  }

  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return this.data.ranges.map((r) => this.api.range(r.sheet, r.rect));
  }

  build(): GoogleAppsScript.Spreadsheet.EmbeddedChart {
    const id = this.data.id === 0 ? nextChartId++ : this.data.id;
    return this.api.chart({
      ...this.data,
      id,
      ranges: [...this.data.ranges],
      options: { ...this.data.options },
    });
  }
}

/** An embedded chart (reference/spreadsheet/embedded-chart). */
export class EmbeddedChartImpl {
  constructor(
    readonly _data: ChartData,
    private readonly api: Api,
  ) {}

  getId(): string {
    return `u${this._data.id}`;
  }

  getChartId(): number {
    return this._data.id;
  }

  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return this._data.ranges.map((r) => this.api.range(r.sheet, r.rect));
  }

  getTransposeRowsAndColumns(): boolean {
    return this._data.transpose;
  }

  getOptions(): GoogleAppsScript.Charts.ChartOptions {
    const options = this._data.options;
    return this.api.wrap({ get: (name: string) => options[name] ?? null }, 'ChartOptions');
  }

  getContainerInfo(): GoogleAppsScript.Spreadsheet.ContainerInfo {
    const p = this._data.position;
    return this.api.wrap(
      {
        getAnchorRow: () => p.row,
        getAnchorColumn: () => p.column,
        getOffsetX: () => p.offsetX,
        getOffsetY: () => p.offsetY,
      },
      'ContainerInfo',
    );
  }

  modify(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    return this.api.chartBuilder(this._data);
  }
}
