// A cross-tab or transition-matrix heatmap with the numbers written in the
// cells: tier × tier between two quarters, cluster × tier, RFM × tier.
//
// With percent "row" the colour and the first line show each cell's share of
// its row (the transition rate); the second line shows the count. Cells
// suppressed for privacy are hatched grey and show the "<threshold" marker.

import * as Plot from "@observablehq/plot";
import {estimateTextWidth, s} from "./dom.js";
import {formatCount, formatMoney, formatPercent} from "./format.js";
import {localLabel, t} from "./i18n.js";
import {defaultLocale, type Locale} from "./locale.js";
import {stateColors} from "./palette.js";

export interface HeatmapCell {
  row: string;
  col: string;
  value: number | null | undefined;
  /** The cell's share of its row total, as computed by the loader on unsuppressed totals. */
  rowShare?: number | null;
  suppressed?: boolean;
}

type Labeller = Record<string, string | {zh: string; en: string}> | ((id: string) => string);

export interface HeatmapOptions extends Omit<Plot.PlotOptions, "document"> {
  rowOrder?: readonly string[];
  colOrder?: readonly string[];
  rowLabels?: Labeller;
  colLabels?: Labeller;
  percent?: "row" | "none";
  /** How cell values are written. */
  format?: "count" | "money";
  /** Outline the diagonal (row = col): the clients who stayed in their tier. */
  diagonal?: boolean;
  rowLabel?: string | null;
  colLabel?: string | null;
  threshold?: number;
  /** The id of the hatch pattern; identical patterns may share it on one page. */
  hatchId?: string;
  locale?: Locale;
  document?: Document;
}

const cellHeight = 36; // px: two lines of 10px text
const darkText = 0.55; // colour fraction above which white text reads better

function labeller(labels: Labeller | undefined, locale: Locale): (id: string) => string {
  if (typeof labels === "function") return labels;
  return (id) => (labels && labels[id] != null ? localLabel(labels[id], locale) : id);
}

function firstSeen(values: readonly string[]): string[] {
  return [...new Set(values)];
}

export function Heatmap(
  cells: readonly HeatmapCell[],
  {
    locale = defaultLocale,
    rowOrder = firstSeen(cells.map((d) => d.row)),
    colOrder = firstSeen(cells.map((d) => d.col)),
    rowLabels,
    colLabels = rowLabels,
    percent = "row",
    format = "count",
    diagonal = false,
    rowLabel = t("axis.from", locale),
    colLabel = t("axis.to", locale),
    threshold,
    hatchId = "seg-suppressed-hatch",
    width = 640,
    title,
    subtitle,
    caption,
    document = globalThis.document,
    ...options
  }: HeatmapOptions = {}
): SVGSVGElement | HTMLElement {
  if (percent !== "row" && percent !== "none") throw new Error(`invalid percent: ${percent}`);
  const rowName = labeller(rowLabels, locale);
  const colName = labeller(colLabels, locale);
  const formatValue = (v: number | null | undefined) =>
    format === "money" ? formatMoney(v, {locale}) : formatCount(v, {locale});

  // Shares default to the published cells of the row; loaders that know the
  // unsuppressed total pass rowShare instead.
  const rowTotals = new Map<string, number>();
  for (const c of cells) if (!c.suppressed && c.value != null) rowTotals.set(c.row, (rowTotals.get(c.row) ?? 0) + c.value);
  const data = cells
    .filter((c) => rowOrder.includes(c.row) && colOrder.includes(c.col))
    .map((c) => {
      const suppressed = !!c.suppressed;
      const value = suppressed ? null : (c.value ?? null);
      const total = rowTotals.get(c.row);
      const share = suppressed ? null : (c.rowShare ?? (value != null && total ? value / total : null));
      const shown = percent === "row" ? share : value;
      const text = suppressed
        ? formatCount(null, {locale, suppressed, threshold})
        : percent === "row"
          ? `${formatPercent(share, {locale})}\n${formatValue(value)}`
          : formatValue(value);
      return {row: rowName(c.row), col: colName(c.col), same: c.row === c.col, value, share, shown, text, suppressed};
    });
  const max = Math.max(0, ...data.map((d) => d.shown ?? 0));
  const domainMax = percent === "row" ? 1 : max || 1;
  const rows = rowOrder.map(rowName);
  const cols = colOrder.map(colName);
  // Room for the longest row name, plus the rotated row title when there is one.
  const marginLeft = Math.max(40, ...rows.map((r) => estimateTextWidth(r) + 14)) + (rowLabel ? 16 : 0);
  const tip = (d: (typeof data)[number]) =>
    `${d.row} → ${d.col}: ${d.suppressed ? d.text : percent === "row" ? `${formatValue(d.value)} (${formatPercent(d.share, {locale})})` : formatValue(d.value)}`;
  const extraMarks = options.marks ?? [];
  return Plot.plot({
    width,
    height: rows.length * cellHeight + 60,
    marginLeft,
    marginTop: 40,
    padding: 0.04,
    title,
    subtitle,
    caption,
    x: {domain: cols, axis: "top", label: colLabel, tickSize: 0},
    y: {domain: rows, label: rowLabel, tickSize: 0},
    color: {
      type: "linear",
      scheme: "ylgnbu",
      domain: [0, domainMax],
      label: percent === "row" ? t("axis.share", locale) : t("axis.clients", locale),
      tickFormat: (v: number) => (percent === "row" ? formatPercent(v, {locale, digits: 0}) : formatValue(v)),
    },
    ariaLabel: [rowLabel, colLabel].filter(Boolean).join(" × ") || t("axis.share", locale),
    ...options,
    document,
    marks: [
      hatchPattern(hatchId),
      Plot.cell(data, {filter: (d) => !d.suppressed, x: "col", y: "row", fill: "shown", title: tip}),
      Plot.cell(data, {filter: (d) => d.suppressed, x: "col", y: "row", fill: `url(#${hatchId})`, title: tip}),
      diagonal ? Plot.cell(data, {filter: (d) => d.same, x: "col", y: "row", stroke: "currentColor", strokeWidth: 1.5}) : null,
      Plot.text(data, {
        x: "col",
        y: "row",
        text: "text",
        lineHeight: 1.2,
        fill: (d) => ((d.shown ?? 0) / domainMax > darkText ? "white" : "black"),
      }),
      ...(Array.isArray(extraMarks) ? extraMarks : [extraMarks]),
    ],
  });
}

// A grey diagonal hatch, defined once per chart as an SVG pattern. Greyscale
// and a texture, so "suppressed" never reads as a low value of the colour scale.
function hatchPattern(id: string): Plot.RenderFunction {
  return (_index, _scales, _values, _dimensions, context) => {
    const document = context.document;
    return s(
      document,
      "defs",
      {},
      s(
        document,
        "pattern",
        {id, width: 6, height: 6, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)"},
        s(document, "rect", {width: 6, height: 6, fill: stateColors.missing}),
        s(document, "line", {x1: 0, y1: 0, x2: 0, y2: 6, stroke: stateColors.suppressed, "stroke-width": 3})
      )
    ) as SVGElement;
  };
}
