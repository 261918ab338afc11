// Rates over quarters, one line per series: upgrade and downgrade rates, the
// share of value clients, … Projected points (the next-period projection from
// the migration matrix) are drawn dashed and say so in their tooltip.

import * as Plot from "@observablehq/plot";
import {formatCount, formatPercent, formatQuarter} from "./format.js";
import {localLabel, t} from "./i18n.js";
import {defaultLocale, type Locale} from "./locale.js";
import {categoricalColors} from "./palette.js";

export interface TrendRow {
  period: string;
  series: string;
  value: number | null | undefined;
  /** A projection rather than an observation. */
  projected?: boolean;
}

export interface TrendLinesOptions extends Omit<Plot.PlotOptions, "document"> {
  /** Values are fractions shown as percentages (rates); false shows counts. */
  percent?: boolean;
  seriesLabels?: Record<string, string | {zh: string; en: string}>;
  /** Series ids in legend order; defaults to first appearance. */
  seriesOrder?: readonly string[];
  colors?: Record<string, string>;
  yLabel?: string | null;
  locale?: Locale;
  document?: Document;
}

export function TrendLines(
  rows: readonly TrendRow[],
  {
    locale = defaultLocale,
    percent = true,
    seriesLabels = {},
    seriesOrder = [...new Set(rows.map((d) => d.series))],
    colors,
    yLabel = t(percent ? "axis.rate" : "axis.clients", locale),
    width = 640,
    height = 320,
    title,
    subtitle,
    caption,
    document = globalThis.document,
    ...options
  }: TrendLinesOptions = {}
): SVGSVGElement | HTMLElement {
  const name = (id: string) => (seriesLabels[id] != null ? localLabel(seriesLabels[id], locale) : id);
  const format = (v: number | null | undefined) => (percent ? formatPercent(v, {locale}) : formatCount(v, {locale}));
  const periods = [...new Set(rows.map((d) => d.period))].sort();
  const palette = categoricalColors(seriesOrder.length);
  const data = rows
    .filter((d) => d.value != null && !Number.isNaN(d.value))
    .map((d) => ({...d, name: name(d.series)}));
  // A projected point joins the line of its last observation, so the dashed
  // segment starts where the solid one ends.
  const observed = data.filter((d) => !d.projected);
  const lastObserved = new Map<string, (typeof data)[number]>();
  for (const d of observed) {
    const prev = lastObserved.get(d.series);
    if (!prev || prev.period < d.period) lastObserved.set(d.series, d);
  }
  const projected = data.filter((d) => d.projected);
  const projectedLines = [
    ...[...lastObserved.values()].filter((d) => projected.some((p) => p.series === d.series)),
    ...projected,
  ];
  const tip = (d: (typeof data)[number]) =>
    `${d.name} · ${formatQuarter(d.period, locale)}: ${format(d.value)}${d.projected ? ` (${t("projection", locale)})` : ""}`;
  const extraMarks = options.marks ?? [];
  return Plot.plot({
    width,
    height,
    marginRight: 20,
    title,
    subtitle,
    caption,
    x: {type: "point", domain: periods, label: null, tickFormat: (p: string) => formatQuarter(p, locale)},
    y: {label: yLabel, grid: true, nice: true, zero: true, tickFormat: (v: number) => format(v)},
    color: {
      domain: seriesOrder.map(name),
      range: seriesOrder.map((id, i) => colors?.[id] ?? palette[i]),
      legend: true,
    },
    ...options,
    document,
    marks: [
      Plot.ruleY([0]),
      Plot.line(observed, {x: "period", y: "value", stroke: "name", sort: "period", strokeWidth: 2}),
      Plot.line(projectedLines, {x: "period", y: "value", stroke: "name", sort: "period", strokeWidth: 2, strokeDasharray: "4,3"}),
      Plot.dot(data, {x: "period", y: "value", stroke: "name", fill: "white", r: 3, title: tip}),
      ...(Array.isArray(extraMarks) ? extraMarks : [extraMarks]),
    ],
  });
}
