// The numbers behind a chart as an HTML table, with a "download CSV" button.
//
// Cells are formatted for reading (万/亿, %, quarters); the CSV carries the raw
// numbers. A cell that is null in a row marked suppressed shows "<threshold".

import {toCsv} from "./csv.js";
import {h} from "./dom.js";
import {DownloadButton} from "./downloads.js";
import {formatter, type FormatName, type Formatter} from "./format.js";
import {t} from "./i18n.js";
import {defaultLocale, type Locale} from "./locale.js";
import {titled} from "./titled.js";

export interface DataTableColumn {
  id: string;
  label?: string;
  format?: FormatName | Formatter;
  /** Numbers align right so digits line up; text left. Defaults from the format. */
  align?: "left" | "right";
  unit?: string;
}

export interface DataTableOptions {
  columns?: readonly DataTableColumn[];
  /** File name for the CSV download; no button when omitted. */
  download?: string;
  threshold?: number;
  title?: string;
  subtitle?: string;
  caption?: string;
  locale?: Locale;
  document?: Document;
}

const numericFormats = new Set(["money", "count", "percent", "change"]);

export function DataTable(
  rows: readonly Record<string, unknown>[],
  {
    columns = (rows.length ? Object.keys(rows[0]).filter((k) => k !== "suppressed") : []).map((id) => ({id})),
    download,
    threshold,
    title,
    subtitle,
    caption,
    locale = defaultLocale,
    document = globalThis.document,
  }: DataTableOptions = {}
): HTMLElement {
  const cols = columns.map((c) => {
    const format = c.format ?? (rows.some((r) => typeof r[c.id] === "number") ? "count" : "text");
    return {
      ...c,
      label: c.label ?? c.id,
      format: formatter(format, {locale, threshold, unit: c.unit}),
      align: c.align ?? (typeof format === "string" && numericFormats.has(format) ? "right" : "left"),
    };
  });
  const table = h(
    document,
    "table",
    {class: "data-table"},
    h(document, "thead", {}, h(document, "tr", {}, ...cols.map((c) => h(document, "th", {scope: "col", class: `align-${c.align}`}, c.label)))),
    h(
      document,
      "tbody",
      {},
      ...rows.map((row) =>
        h(
          document,
          "tr",
          {class: row.suppressed === true ? "suppressed" : null},
          ...cols.map((c) => {
            const value = row[c.id];
            const suppressed = row.suppressed === true && value == null;
            const text = suppressed ? formatter("count", {locale, threshold, suppressed: true})(null) : c.format(value);
            return h(document, "td", {class: `align-${c.align}${suppressed ? " suppressed" : ""}`}, text);
          })
        )
      )
    )
  );
  const body = h(
    document,
    "div",
    {class: "data-table-wrap"},
    h(document, "div", {class: "data-table-scroll"}, table),
    download != null &&
      DownloadButton(
        t("download.csv", locale),
        () =>
          new (document.defaultView?.Blob ?? Blob)([toCsv(rows, cols, {threshold, locale})], {type: "text/csv;charset=utf-8"}),
        download.endsWith(".csv") ? download : `${download}.csv`,
        {document}
      )
  );
  return titled(body, {title, subtitle, caption, document});
}
