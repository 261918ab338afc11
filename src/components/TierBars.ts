// The tier pyramid: one horizontal bar per official tier, highest tier on top,
// sized by client count or by AUM, with the formatted number and share at the
// end of each bar.

import * as Plot from "@observablehq/plot";
import {estimateTextWidth} from "./dom.js";
import {formatCount, formatMoney, formatPercent} from "./format.js";
import {localLabel, t} from "./i18n.js";
import {defaultLocale, type Locale} from "./locale.js";
import {tierColor} from "./palette.js";

export interface TierRow {
  tier: string;
  label?: string | {zh: string; en: string};
  count?: number | null;
  aum?: number | null;
  suppressed?: boolean;
}

export interface TierBarsOptions extends Omit<Plot.PlotOptions, "document"> {
  metric?: "count" | "aum";
  /** Tier ids in configuration order, highest first; defaults to the rows' order. */
  ladder?: readonly string[];
  /** Show each tier's share of the published total after its number. */
  share?: boolean;
  threshold?: number;
  locale?: Locale;
  document?: Document;
}

const rowHeight = 32; // px per tier: room for a bar and its label at 10px type

export function TierBars(
  rows: readonly TierRow[],
  {
    metric = "count",
    ladder = rows.map((d) => d.tier),
    share = true,
    threshold,
    locale = defaultLocale,
    width = 640,
    title,
    subtitle,
    caption,
    document = globalThis.document,
    ...options
  }: TierBarsOptions = {}
): SVGSVGElement | HTMLElement {
  if (metric !== "count" && metric !== "aum") throw new Error(`invalid metric: ${metric}`);
  const rank = (id: string) => {
    const i = ladder.indexOf(id);
    return i < 0 ? ladder.length : i;
  };
  const ordered = [...rows].sort((a, b) => rank(a.tier) - rank(b.tier));
  const total = ordered.reduce((sum, d) => sum + (d.suppressed ? 0 : (d[metric] ?? 0)), 0);
  const format = (v: number | null | undefined, suppressed?: boolean) =>
    metric === "aum"
      ? formatMoney(v, {locale, suppressed, threshold})
      : formatCount(v, {locale, suppressed, threshold});
  const data = ordered.map((d) => {
    const value = d.suppressed ? null : (d[metric] ?? null);
    const label = localLabel(d.label, locale) || d.tier;
    const shareText = share && value != null && total > 0 ? ` (${formatPercent(value / total, {locale})})` : "";
    const text = format(value, d.suppressed) + shareText;
    return {tier: d.tier, label, value, text, suppressed: !!d.suppressed};
  });
  const marginLeft = Math.max(40, ...data.map((d) => estimateTextWidth(d.label) + 12));
  const marginRight = Math.max(20, ...data.map((d) => estimateTextWidth(d.text) + 8));
  const colors = [...new Set([...ladder, ...data.map((d) => d.tier)])];
  const extraMarks = options.marks ?? [];
  const minPlotWidth = 80; // px for the bars themselves: a narrow card (or a first, unmeasured layout) must not give bars negative widths
  return Plot.plot({
    width: Math.max(width, marginLeft + marginRight + minPlotWidth),
    height: data.length * rowHeight + 40,
    marginLeft,
    marginRight,
    title,
    subtitle,
    caption,
    x: {label: t(metric === "aum" ? "axis.aum" : "axis.clients", locale), grid: true, nice: true, tickFormat: (v: number) => format(v)},
    y: {domain: data.map((d) => d.label), label: null, tickSize: 0},
    color: {domain: colors, range: colors.map((id) => tierColor(id, ladder))},
    ariaLabel: t("page.segments", locale),
    ...options,
    document,
    marks: [
      Plot.barX(data, {
        filter: (d) => d.value != null,
        x: "value",
        y: "label",
        fill: "tier",
        title: (d) => `${d.label}: ${d.text}`,
      }),
      Plot.ruleX([0]),
      Plot.text(data, {filter: (d) => !d.suppressed, x: "value", y: "label", text: "text", textAnchor: "start", dx: 4}),
      Plot.text(data, {
        filter: (d) => d.suppressed,
        x: 0,
        y: "label",
        text: "text",
        textAnchor: "start",
        dx: 4,
        fill: "gray",
      }),
      ...(Array.isArray(extraMarks) ? extraMarks : [extraMarks]),
    ],
  });
}
