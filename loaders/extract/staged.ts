// What a reader hands the validator: where the records are, as text fields
// f0, f1, … in file order, and how to number lines and find a record's raw
// text again.

import {literal} from "./sql.js";

export interface Staged {
  /**
   * The records, scanned once by validation: a staging table (Parquet and SQL
   * sources), or the CSV reader itself (`read_csv(…)`), so that a large CSV is
   * never copied as text into the engine. Columns are VARCHAR f0…f(n-1).
   */
  from: string;
  fieldCount: number;
  /** For each contract column, its field position, or undefined when the file lacks it. */
  positions: (number | undefined)[];
  /** Lines before the first record: 1 with a header, else 0. */
  headerLines: number;
  /** The file's column name of each field, where a header names them: a record repeating them is a pasted header. */
  names?: readonly string[];
  /** Joins fields back into the `raw` text of a quarantined row. */
  delimiter: string;
  /** Turns a failure of the scan into an error that names the file. */
  scanError?: (error: unknown) => Error;
  /** Runs once `from` has been scanned (the CSV reader's own rejects are known then). */
  afterScan?: () => Promise<void>;
  /** Records rejected while reading: (line, last_line, reason, raw, raw_bytes). */
  rejects?: string;
  /**
   * (k, delta, span): from record k on (0-based among the records scanned), a
   * record's line is k + 1 + headerLines + delta, and record k spans `span`
   * lines; corrects line numbers after rejected or blank lines and records
   * that span lines.
   */
  shift?: string;
  /** For a text file: its physical lines, blank lines, and the records a scan of its own counted (read must equal it). */
  lines?: {lines: number; blankLines: number; records: number};
  /**
   * The raw text of records found bad after the scan (orphans, duplicates),
   * by record number (rid, 0-based among the records scanned) and line.
   */
  rawText: (records: readonly {rid: number; line: number}[]) => Promise<Map<number, string>>;
  /** Temporary files and tables to remove once the table is loaded. */
  cleanup: string[];
}

export const field = (i: number) => `f${i}`;

/** SQL for a record's raw text: its fields f0…f(n-1) joined with the delimiter (a NULL field as empty). */
export function joinedFields(fieldCount: number, delimiter: string): string {
  return `concat(${Array.from({length: fieldCount}, (_, i) => `coalesce(${field(i)}, '')`).join(`, ${literal(delimiter)}, `)})`;
}
