// CSV for download, readable by Excel on Chinese Windows.
//
// The UTF-8 byte-order mark is what makes Excel open UTF-8 as UTF-8 rather
// than GBK, so Chinese headers survive a double-click. Quoting follows RFC 4180:
// a field with a comma, a quote or a line break is quoted, quotes doubled, and
// records end in CRLF. Numbers are written raw (not 万/亿) so analysts can sum
// them; suppressed cells carry the "<threshold" marker, not an empty field that
// would read as zero.

import {suppressionMarker} from "./format.js";
import {defaultLocale, type Locale} from "./locale.js";

export const byteOrderMark = "\uFEFF";

export interface CsvColumn {
  id: string;
  label?: string;
}

export interface CsvOptions {
  threshold?: number;
  locale?: Locale;
  /** Start with the UTF-8 byte-order mark. */
  bom?: boolean;
}

/** One RFC 4180 field. */
export function csvField(value: unknown): string {
  if (value == null || (typeof value === "number" && Number.isNaN(value))) return "";
  const text = value instanceof Date ? value.toISOString() : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(
  rows: readonly Record<string, unknown>[],
  columns: readonly (CsvColumn | string)[] = rows.length ? Object.keys(rows[0]) : [],
  {threshold, locale = defaultLocale, bom = true}: CsvOptions = {}
): string {
  const cols = columns.map((c) => (typeof c === "string" ? {id: c, label: c} : c));
  const header = cols.map((c) => csvField(c.label ?? c.id)).join(",");
  const lines = rows.map((row) =>
    cols
      .map((c) => {
        const value = row[c.id];
        const suppressed = row.suppressed === true && value == null;
        return suppressed ? csvField(suppressionMarker(threshold, locale)) : csvField(value);
      })
      .join(",")
  );
  return (bom ? byteOrderMark : "") + [header, ...lines].join("\r\n") + "\r\n";
}
