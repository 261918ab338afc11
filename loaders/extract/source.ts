// Resolves a table's source from the configuration, with every default filled
// in, so that the readers never look at optional fields.

import {extname} from "node:path";
import type {TableSource} from "../../src/config/schema.js";

export type Encoding = "utf-8" | "gbk" | "gb18030";

export interface FileSource {
  kind: "csv" | "parquet";
  /** Relative to the extract folder; also the `source` in the manifest. */
  path: string;
  delimiter: string;
  quote: string;
  header: boolean;
  encoding: Encoding;
  dateFormat: string;
  decimalSeparator: "." | ",";
  /** contract column → column name in the file. */
  columns: Record<string, string>;
}

export interface SqlSource {
  kind: "sql";
  path: "sql";
  sql: string;
  dateFormat: string;
  decimalSeparator: ".";
  columns: Record<string, string>;
}

export type ResolvedSource = FileSource | SqlSource;

const parquetExtensions = new Set([".parquet", ".pq"]);

export function resolveSource(source: TableSource): ResolvedSource {
  if ("sql" in source) return {kind: "sql", path: "sql", sql: source.sql, dateFormat: "%Y-%m-%d", decimalSeparator: ".", columns: {}};
  const {
    path,
    format = parquetExtensions.has(extname(path).toLowerCase()) ? "parquet" : "csv",
    delimiter = ",",
    quote = '"',
    header = true,
    encoding = "utf-8",
    dateFormat = "%Y-%m-%d",
    decimalSeparator = ".",
    columns = {},
  } = source;
  return {kind: format, path, delimiter, quote, header, encoding, dateFormat, decimalSeparator, columns};
}
