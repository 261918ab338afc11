// A feature's name and values as the pages show them, by the unit the feature
// catalogue gives it (src/config/features.ts, built-in and the bank's own):
// "信用额度（美元）" / "Credit limit (USD)", money in 万/亿, shares as %.

import {formatMoney, formatPercent, missingMarker, type Formatter} from "./format.js";
import type {Locale} from "./locale.js";

type Label = {zh: string; en: string};
type Unit = "money" | "wan" | "count" | "days" | "months" | "share" | "number" | "flag" | "code";

const unitWords: Partial<Record<Unit, Label>> = {
  wan: {zh: "万元", en: "CNY 10,000"},
  days: {zh: "天", en: "days"},
  months: {zh: "月", en: "months"},
  share: {zh: "%", en: "%"},
};

/** The bank's currency when the configuration does not name one (bank.currency). */
export const defaultCurrency: Label = {zh: "元", en: "CNY"};

/** A feature's name with its unit: "信用额度（美元）", "Credit limit (USD)"; counts and plain numbers have none. */
export function featureHeader(name: Label, unit: string | undefined, {locale, currency = defaultCurrency}: {locale: Locale; currency?: Label}): string {
  const word = unit === "money" ? currency : unitWords[unit as Unit];
  const text = locale === "en" ? name.en : name.zh;
  if (!word) return text;
  return locale === "en" ? `${text} (${word.en})` : `${text}（${word.zh}）`;
}

/** How a feature's (mean) values read: money compact (万/亿), a share as %, the rest to one decimal. */
export function featureFormatter(unit: string | undefined, {locale}: {locale: Locale}): Formatter {
  if (unit === "money") return (v) => formatMoney(v, {locale});
  if (unit === "share") return (v) => formatPercent(v, {locale});
  return (v) => (v == null || Number.isNaN(v) ? missingMarker : Number(v).toLocaleString(locale, {maximumFractionDigits: 1}));
}
