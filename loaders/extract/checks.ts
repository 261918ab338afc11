// Per-kind parsing and checks, as SQL expressions over one text value, so that
// validation runs in the engine (10 million rows in seconds, no per-row JS).
//
// Reasons are short, stable phrases ending with the column, e.g.
// "not a number: amount"; the data-quality page counts them.

import type {ColumnSpec, ColumnType} from "../contract/tables.js";
import {dateShape} from "./dateShape.js";
import {literal} from "./sql.js";

export interface ParseOptions {
  dateFormat: string;
  decimalSeparator: "." | ",";
}

export interface Check {
  /** SQL condition that is true when the row fails. */
  fails: string;
  reason: string;
}

export const sqlTypes: Record<ColumnType, string> = {
  string: "VARCHAR",
  enum: "VARCHAR",
  month: "VARCHAR",
  quarter: "VARCHAR",
  integer: "BIGINT",
  decimal: "DOUBLE",
  date: "DATE",
  boolean: "BOOLEAN",
};

/** Larger decimals are "out of range": 10^15 CNY is beyond any bank's balance sheet, and far inside a double's exact range. */
export const largestNumber = 1e15;

// Trim ordinary, non-breaking and full-width (ideographic) spaces.
const blanks = [" ", "\t", "\r", "\n", "\u00a0", "\u3000"];

/** The trimmed text of a field; empty means missing. */
export function textValue(field: string | undefined): string {
  if (field === undefined) return "CAST(NULL AS VARCHAR)";
  // trim() with a character set is slow, so only values that may need it get
  // it: most (already clean) skip it. Plain twin: NULLIF(trim(field, blanks), '').
  // The first character is tested by two byte-order comparisons: below '!'
  // are the ASCII blanks (and the empty string); from U+00A0 up are the other
  // two blanks, and any non-ASCII text, which trim() then leaves as it is.
  // The last character takes a suffix test per blank.
  const first = `${field} < '!' OR ${field} >= ${literal("\u00a0")}`;
  const last = blanks.map((b) => `${field} LIKE ${literal(`%${b}`)}`).join(" OR ");
  return `NULLIF(CASE WHEN ${first} OR ${last} THEN trim(${field}, ${literal(blanks.join(""))}) ELSE ${field} END, '')`;
}

const trueWords = ["1", "true", "y", "yes", "是"];
const falseWords = ["0", "false", "n", "no", "否"];
// list_contains, not IN (…): DuckDB turns a long IN list into a join, and a
// join in the validating projection loses the file order of its rows, which
// record numbers rely on (loaders/extract/validate.ts).
const oneOf = (v: string, words: readonly string[]) => `list_contains([${words.map(literal).join(", ")}], ${v})`;
// Strict patterns: TRY_CAST alone accepts 0x1F, 1_000 and rounds 12.5 to 13.
const integerPattern = "[+-]?[0-9]+";
const decimalPattern = (separator: string) => `[+-]?([0-9]+([${separator}][0-9]*)?|[${separator}][0-9]+)([eE][+-]?[0-9]+)?`;

/** The typed value of text `v`, NULL when it does not parse. */
export function parsed(type: ColumnType, v: string, {dateFormat, decimalSeparator}: ParseOptions): string {
  switch (type) {
    case "integer":
      return `CASE WHEN regexp_full_match(${v}, '${integerPattern}') THEN TRY_CAST(${v} AS BIGINT) END`;
    case "decimal": {
      // With a decimal comma, a point is not a decimal separator: "1.5" fails rather than reading 15 or 1.5.
      const n = decimalSeparator === "," ? `replace(${v}, ',', '.')` : v;
      return `CASE WHEN regexp_full_match(${v}, '${decimalPattern(decimalSeparator)}') THEN TRY_CAST(${n} AS DOUBLE) END`;
    }
    case "date":
      return `TRY_CAST(TRY_STRPTIME(${v}, ${literal(dateFormat)}) AS DATE)`;
    case "boolean":
      return `CASE WHEN ${oneOf(`lower(${v})`, trueWords)} THEN true WHEN ${oneOf(`lower(${v})`, falseWords)} THEN false END`;
    default:
      return v;
  }
}

/** Checks in the order they are reported: presence, type, allowed values, range. */
export function columnChecks(column: ColumnSpec, v: string, p: string, {dateFormat}: ParseOptions): Check[] {
  const checks: Check[] = [];
  const c = column.name;
  if (column.required) checks.push({fails: `${v} IS NULL`, reason: `missing required: ${c}`});
  const bad = `(${v} IS NOT NULL AND ${p} IS NULL)`;
  switch (column.type) {
    case "integer":
      // Digits that do not fit 64 bits are a number, just not one this column can hold.
      checks.push({fails: `${bad} AND regexp_full_match(${v}, '${integerPattern}')`, reason: `out of range: ${c}`});
      checks.push({fails: bad, reason: `not an integer: ${c}`});
      break;
    case "decimal":
      checks.push({fails: bad, reason: `not a number: ${c}`});
      // 1e400 parses as infinity; no amount in a bank's books comes near 10^15.
      checks.push({fails: `(NOT isfinite(${p}) OR abs(${p}) > ${largestNumber})`, reason: `out of range: ${c}`});
      break;
    case "boolean":
      checks.push({fails: bad, reason: `not a boolean: ${c}`});
      break;
    case "date":
      checks.push({fails: `${bad} AND regexp_full_match(${v}, ${literal(dateShape(dateFormat))})`, reason: `impossible date: ${c}`});
      checks.push({fails: bad, reason: `not a date: ${c}`});
      break;
    case "month":
      checks.push({fails: `NOT regexp_full_match(${v}, '[0-9]{4}-(0[1-9]|1[0-2])')`, reason: `not a month: ${c}`});
      break;
    case "quarter":
      checks.push({fails: `NOT regexp_full_match(${v}, '[0-9]{4}Q[1-4]')`, reason: `not a quarter: ${c}`});
      break;
    case "enum":
      checks.push({fails: `NOT ${oneOf(v, column.values ?? [])}`, reason: `not an allowed value: ${c}`});
      break;
  }
  if (column.min !== undefined) checks.push({fails: `${p} < ${column.min}`, reason: `below minimum: ${c}`});
  if (column.max !== undefined) checks.push({fails: `${p} > ${column.max}`, reason: `above maximum: ${c}`});
  return checks;
}

/** What row checks compare dates against: a fixed window, and the as-of date for events (docs/extract-contract.md). */
export interface DateBounds {
  earliestDate: string;
  latestDate: string;
  /** The extract's as-of date; undefined while unknown (no balances yet), then events are not checked. */
  asOf?: string;
  /** Days an event date may lie after the as-of date (months and quarters must start by it). */
  futureDays: number;
}

const monthOf = (date: string) => date.slice(0, 7);
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const quarterOf = (date: string) => `${date.slice(0, 4)}Q${Math.ceil(Number(date.slice(5, 7)) / 3)}`;

/**
 * Plausible dates: within [earliestDate, latestDate] ("date out of range"),
 * and for events (`event`) not after the as-of date ("after the as-of date").
 * Months and quarters compare as text, which orders them once their shape is checked.
 */
export function dateChecks(
  column: ColumnSpec,
  v: string,
  p: string,
  {earliestDate, latestDate, asOf, futureDays}: DateBounds,
  {event}: {event: boolean}
): Check[] {
  const c = column.name;
  const bounded = (value: string, low: string, high: string) => `(${value} < ${low} OR ${value} > ${high})`;
  const window =
    column.type === "date" ? bounded(p, `DATE ${literal(earliestDate)}`, `DATE ${literal(latestDate)}`)
    : column.type === "month" ? bounded(v, literal(monthOf(earliestDate)), literal(monthOf(latestDate)))
    : column.type === "quarter" ? bounded(v, literal(quarterOf(earliestDate)), literal(quarterOf(latestDate)))
    : undefined;
  if (window === undefined) return [];
  const checks = [{fails: window, reason: `date out of range: ${c}`}];
  if (event && asOf !== undefined) {
    const after =
      column.type === "date" ? `${p} > DATE ${literal(addDays(asOf, futureDays))}`
      : column.type === "month" ? `${v} > ${literal(monthOf(asOf))}`
      : `${v} > ${literal(quarterOf(asOf))}`;
    checks.push({fails: after, reason: `after the as-of date: ${c}`});
  }
  return checks;
}

/** An Excel cell that turned a long id into 1.23457E+17: the digits are lost, and the id matches nothing. */
export function excelNumberCheck(column: ColumnSpec, v: string): Check[] {
  return [{fails: `contains(${v}, 'E+') AND regexp_full_match(${v}, '[0-9]+(\\.[0-9]+)?E\\+[0-9]+')`, reason: `scientific notation: ${column.name}`}];
}
