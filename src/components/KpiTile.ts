// A headline number with its change, e.g. 客户数 21,500 / +1,234 较上季度.
//
// Takes numbers, never formatted strings (STYLE.md: no positional,
// pre-formatted arguments); the tile formats them for the locale.

import {h} from "./dom.js";
import {formatCount, formatMoney, formatPercent, formatSignedChange, type ChangeFormat} from "./format.js";
import {defaultLocale, type Locale} from "./locale.js";

export type KpiFormat = "money" | "count" | "percent";

export interface KpiTileOptions {
  label?: string;
  /** The change against the comparison period, in the value's own unit (a fraction for percent). */
  change?: number | null;
  changeLabel?: string;
  format?: KpiFormat;
  /** How the change is written; defaults to the value's format ("points" for percent). */
  changeFormat?: ChangeFormat;
  /** Whether a rise is good news (clients) or bad news (churn); colours the change. */
  goodWhen?: "up" | "down";
  unit?: string;
  digits?: number;
  suppressed?: boolean;
  threshold?: number;
  title?: string;
  caption?: string;
  locale?: Locale;
  document?: Document;
}

const defaultChangeFormat: Record<KpiFormat, ChangeFormat> = {money: "money", count: "count", percent: "points"};

export function KpiTile(
  value: number | null | undefined,
  {
    label,
    title = label,
    change,
    changeLabel,
    format = "count",
    changeFormat = defaultChangeFormat[format],
    goodWhen = "up",
    unit,
    digits,
    suppressed = false,
    threshold,
    caption,
    locale = defaultLocale,
    document = globalThis.document,
  }: KpiTileOptions = {}
): HTMLElement {
  const text =
    format === "money"
      ? formatMoney(value, {locale, unit, digits, suppressed, threshold})
      : format === "percent"
        ? formatPercent(value, {locale, digits, suppressed, threshold})
        : format === "count"
          ? formatCount(value, {locale, unit, suppressed, threshold})
          : invalidFormat(format);
  const direction = change == null || Number.isNaN(change) || change === 0 ? "flat" : change > 0 ? "up" : "down";
  const tone = direction === "flat" ? "neutral" : direction === goodWhen ? "good" : "bad";
  return h(
    document,
    "div",
    {class: "card kpi-tile"},
    title != null && h(document, "h2", {class: "kpi-label"}, title),
    h(document, "span", {class: "big kpi-value"}, text),
    change !== undefined &&
      h(
        document,
        "div",
        {class: `kpi-change kpi-${direction} kpi-${tone}`},
        h(
          document,
          "span",
          {class: "kpi-delta"},
          formatSignedChange(change, {locale, format: changeFormat, unit: changeFormat === "percent" ? undefined : unit, digits})
        ),
        changeLabel != null && " ",
        changeLabel != null && h(document, "span", {class: "kpi-change-label"}, changeLabel)
      ),
    caption != null && h(document, "div", {class: "kpi-caption muted"}, caption)
  );
}

function invalidFormat(format: never): never {
  throw new Error(`invalid KPI format: ${format}`);
}
