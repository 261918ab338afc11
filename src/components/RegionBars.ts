// Clients by region, retail and corporate side by side: a grouped bar chart.

import * as Plot from "@observablehq/plot";
import {formatCount} from "./format.js";
import {t} from "./i18n.js";
import {defaultLocale, type Locale} from "./locale.js";
import {okabeIto} from "./palette.js";

export interface RegionRow {
  region: string;
  clientType: string;
  clients: number | null;
}

export function RegionBars(
  rows: readonly RegionRow[],
  {width = 640, locale = defaultLocale, document = globalThis.document, ...options}: {width?: number; locale?: Locale; document?: Document} & Omit<Plot.PlotOptions, "document"> = {}
): SVGSVGElement | HTMLElement {
  const typeLabel = (type: string) => t(type === "corporate" ? "clientType.corporate" : "clientType.retail", locale);
  return Plot.plot({
    ...options,
    document,
    width: Math.max(width, 240), // px: room for the labels and some bar, whatever the card's first width
    marginLeft: 60,
    x: {label: t("axis.clients", locale), grid: true, tickFormat: (d: number) => formatCount(d, {locale})},
    y: {label: null},
    fy: {label: null},
    color: {domain: ["retail", "corporate"], range: [okabeIto[4], okabeIto[0]], legend: true, tickFormat: typeLabel},
    marks: [
      Plot.barX(rows, {x: "clients", y: "clientType", fy: "region", fill: "clientType", tip: true, title: (d: RegionRow) => `${d.region} · ${typeLabel(d.clientType)}: ${formatCount(d.clients, {locale})}`}),
      Plot.text(rows, {x: "clients", y: "clientType", fy: "region", text: (d: RegionRow) => formatCount(d.clients, {locale}), dx: 4, textAnchor: "start"}),
      Plot.axisY({tickFormat: typeLabel}),
      Plot.ruleX([0]),
    ],
  });
}
