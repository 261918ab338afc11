// Number formats for the dashboards: 万/亿 in Chinese, K/M/B in English.
//
// Components take numbers and format them here, never pre-formatted strings,
// so a chart, its tooltip, its table and its CSV agree. Missing values (null,
// undefined, NaN) print as an em dash, as an empty segment is not an error;
// published cells suppressed for privacy print as "<threshold".
//
// Money: zh-CN puts the unit after the number ("1.23亿元"), as Chinese reports
// do; en puts the ISO code in front ("CNY 1.23M"), as bank statements do. The
// unit is left out unless asked for, because axis and KPI labels usually carry it.

import {defaultLocale, type Locale} from "./locale.js";
import {t} from "./i18n.js";

export const missingMarker = "—";
const minus = "\u2212"; // a real minus sign, as wide as the plus

export interface SuppressionOptions {
  /** The value was suppressed before publishing (a small count or what depends on it). */
  suppressed?: boolean;
  /** The suppression threshold from configuration; the marker reads "<threshold". */
  threshold?: number;
}

export interface NumberFormatOptions extends SuppressionOptions {
  locale?: Locale;
}

type Value = number | null | undefined;

function isMissing(value: Value): value is null | undefined {
  return value == null || Number.isNaN(value);
}

/** The text shown in place of a suppressed value: "<10", or a word when the threshold is unknown. */
export function suppressionMarker(threshold?: number, locale: Locale = defaultLocale): string {
  return threshold != null && threshold >= 1 ? `<${threshold}` : t("suppressed", locale);
}

// Formats |value| and puts a real minus sign in front when needed; rounding to
// zero never shows a sign ("−0" reads as an error).
function plain(value: number, locale: Locale, maxDigits: number, minDigits = 0): string {
  const text = new Intl.NumberFormat(locale, {
    maximumFractionDigits: maxDigits,
    minimumFractionDigits: Math.min(minDigits, maxDigits),
  }).format(Math.abs(value));
  return value < 0 && /[1-9]/.test(text) ? minus + text : text;
}

const compactScales: Record<Locale, readonly [number, string][]> = {
  // Largest first. 万亿 appears in the balance sheets of large banks.
  "zh-CN": [
    [1e12, "万亿"],
    [1e8, "亿"],
    [1e4, "万"],
  ],
  en: [
    [1e12, "T"],
    [1e9, "B"],
    [1e6, "M"],
    [1e3, "K"],
  ],
};

/** 123456789 → "1.23亿" (zh-CN) or "123.46M" (en); below 万 / K the number is written in full. */
export function compactNumber(value: number, locale: Locale = defaultLocale, digits = 2): string {
  const scales = compactScales[locale];
  const abs = Math.abs(value);
  const factor = 10 ** digits;
  for (let i = 0; i < scales.length; ++i) {
    const [scale, suffix] = scales[i];
    if (abs < scale) continue;
    // 99,999,999 rounds to 10,000万: promote it to 1亿 instead.
    const rounded = Math.round((abs / scale) * factor) / factor;
    if (i > 0 && rounded * scale >= scales[i - 1][0]) {
      const [upper, upperSuffix] = scales[i - 1];
      return plain(Math.sign(value) * (abs / upper), locale, digits) + upperSuffix;
    }
    return plain(Math.sign(value) * rounded, locale, digits) + suffix;
  }
  const rounded = Math.round(abs * factor) / factor;
  const [smallest, suffix] = scales[scales.length - 1];
  if (rounded >= smallest) return plain(Math.sign(value), locale, digits) + suffix;
  return plain(value, locale, digits);
}

export interface MoneyFormatOptions extends NumberFormatOptions {
  /** A currency unit: true for the locale's default ("元" / "CNY"), or the text to use. */
  unit?: string | boolean;
  /** Use 万/亿 (K/M/B); false writes the full amount with separators. */
  compact?: boolean;
  /** Maximum fraction digits; trailing zeros are dropped. */
  digits?: number;
}

const defaultMoneyUnit: Record<Locale, string> = {"zh-CN": "元", en: "CNY"};

function withMoneyUnit(text: string, unit: string | boolean | undefined, locale: Locale): string {
  if (unit === undefined || unit === false || unit === "") return text;
  const u = unit === true ? defaultMoneyUnit[locale] : unit;
  return locale === "en" ? `${u} ${text}` : `${text}${u}`;
}

/** Money in CNY: 123456789 → "1.23亿", 56000 → "5.6万", 800 → "800" (zh-CN); "123.46M", "56K" (en). */
export function formatMoney(
  value: Value,
  {locale = defaultLocale, unit, compact = true, digits = 2, suppressed = false, threshold}: MoneyFormatOptions = {}
): string {
  if (suppressed) return suppressionMarker(threshold, locale);
  if (isMissing(value)) return missingMarker;
  const text = compact ? compactNumber(value, locale, digits) : plain(value, locale, digits);
  return withMoneyUnit(text, unit, locale);
}

export interface CountFormatOptions extends NumberFormatOptions {
  /** A unit word: zh-CN appends it ("12,345户"), en after a space ("12,345 clients"). */
  unit?: string;
  /** Use 万/亿 (K/M/B) for large counts. */
  compact?: boolean;
}

function withUnit(text: string, unit: string | undefined, locale: Locale): string {
  if (!unit) return text;
  return locale === "en" ? `${text} ${unit}` : `${text}${unit}`;
}

/** A count of clients, accounts, …: 12345 → "12,345" (both locales use comma separators). */
export function formatCount(
  value: Value,
  {locale = defaultLocale, unit, compact = false, suppressed = false, threshold}: CountFormatOptions = {}
): string {
  if (suppressed) return suppressionMarker(threshold, locale);
  if (isMissing(value)) return missingMarker;
  const text = compact ? compactNumber(value, locale, 1) : plain(value, locale, 0);
  return withUnit(text, unit, locale);
}

export interface PercentFormatOptions extends NumberFormatOptions {
  /** Fraction digits, always shown so that columns line up. */
  digits?: number;
}

/** A share given as a fraction: 0.1234 → "12.3%". */
export function formatPercent(
  value: Value,
  {locale = defaultLocale, digits = 1, suppressed = false, threshold}: PercentFormatOptions = {}
): string {
  if (suppressed) return suppressionMarker(threshold, locale);
  if (isMissing(value)) return missingMarker;
  return plain(value * 100, locale, digits, digits) + "%";
}

export type ChangeFormat = "count" | "money" | "percent" | "points";

export interface ChangeFormatOptions extends NumberFormatOptions {
  /** count: +1,234; money: +1.23亿; percent (of a fraction): +1.2%; points (a change of a fraction): +1.2个百分点. */
  format?: ChangeFormat;
  digits?: number;
  /** As for formatMoney (money) or formatCount (count); ignored for percent and points. */
  unit?: string | boolean;
}

/** A change with its sign always shown: +1,234 / −56 / 0, with a real minus sign. */
export function formatSignedChange(
  value: Value,
  {locale = defaultLocale, format = "count", digits, unit, suppressed = false, threshold}: ChangeFormatOptions = {}
): string {
  if (suppressed) return suppressionMarker(threshold, locale);
  if (isMissing(value)) return missingMarker;
  const abs = Math.abs(value);
  let body: string;
  switch (format) {
    case "count":
      body = formatCount(abs, {locale});
      break;
    case "money":
      body = formatMoney(abs, {locale, digits});
      break;
    case "percent":
      body = formatPercent(abs, {locale, digits});
      break;
    case "points":
      body = formatPercent(abs, {locale, digits}).replace(/%$/, "");
      break;
    default:
      throw new Error(`invalid change format: ${format}`);
  }
  // What rounds to zero carries no sign; "+0" and "−0" read as errors.
  const sign = !/[1-9]/.test(body) ? "" : value < 0 ? minus : "+";
  const signed = sign + body;
  switch (format) {
    case "money":
      return withMoneyUnit(signed, unit, locale);
    case "count":
      return withUnit(signed, typeof unit === "string" ? unit : undefined, locale);
    case "points":
      return withUnit(signed, t("percentagePoints", locale), locale);
    default:
      return signed;
  }
}

const quarterPattern = /^(\d{4})Q([1-4])$/;

/** "2025Q4" → "2025年第4季度" (zh-CN) or "2025 Q4" (en); anything else is returned unchanged. */
export function formatQuarter(value: string | null | undefined, localeOrOptions: Locale | {locale?: Locale} = {}): string {
  const locale = typeof localeOrOptions === "string" ? localeOrOptions : (localeOrOptions.locale ?? defaultLocale);
  if (value == null || value === "") return missingMarker;
  const match = quarterPattern.exec(value);
  if (!match) return value;
  const [, year, quarter] = match;
  return locale === "en" ? `${year} Q${quarter}` : `${year}年第${quarter}季度`;
}

export type FormatName = "money" | "count" | "percent" | "change" | "quarter" | "text";
export type Formatter = (value: any) => string;

/** One formatter by name (or a function, returned as is), for tables and tooltips. */
export function formatter(
  format: FormatName | Formatter = "text",
  options: MoneyFormatOptions & CountFormatOptions & PercentFormatOptions & ChangeFormatOptions = {}
): Formatter {
  if (typeof format === "function") return format;
  const {locale = defaultLocale} = options;
  const {unit, ...rest} = options;
  switch (format) {
    case "money":
      return (v) => formatMoney(v, options);
    case "count":
      return (v) => formatCount(v, {...rest, unit: typeof unit === "string" ? unit : undefined});
    case "percent":
      return (v) => formatPercent(v, rest);
    case "change":
      return (v) => formatSignedChange(v, options);
    case "quarter":
      return (v) => formatQuarter(v, locale);
    case "text":
      return (v) => (v == null || (typeof v === "number" && Number.isNaN(v)) ? missingMarker : String(v));
    default:
      throw new Error(`invalid format: ${format}`);
  }
}
