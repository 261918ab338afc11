// What a reader leaves in the engine for the validator: one staging table of
// text fields f0, f1, … in file order (rowid order), plus how to number lines.

export interface Staged {
  /** Staging table (a stored table, so that an on-disk engine keeps it compressed on disk) of VARCHAR fields f0…f(n-1), one row per record read. */
  raw: string;
  fieldCount: number;
  /** For each contract column, its field position, or undefined when the file lacks it. */
  positions: (number | undefined)[];
  /** Lines before the first record: 1 with a header, else 0. */
  headerLines: number;
  /** Joins fields back into the `raw` text of a quarantined row. */
  delimiter: string;
  /** Records the CSV reader rejected: (line, reason, raw), one per line. */
  rejects?: string;
  /** (k, j): after k accepted records, j rejected lines came before; corrects line numbers. */
  shift?: string;
  /** Temporary files and tables to remove once the table is loaded. */
  cleanup: string[];
}

export const field = (i: number) => `f${i}`;
