// The shape of the extract contract (tables and columns as data; the contract
// itself is loaders/contract/tables.ts), and what a configuration adds to it:
// its own columns on contract tables and its own tables (extract.extraColumns,
// extract.extraTables). One function, withExtras, turns the two into the
// tables the validator reads; the load-time checks read the same result, so
// that a feature may name exactly the columns that will be validated.

import type {ExtraColumn, ExtraTable} from "./schema.js";

export type ColumnType =
  | "string" // free text, trimmed; empty = missing
  | "integer" // whole number
  | "decimal" // money or a measure; unit in `unit`
  | "date" // calendar day, format per table (default %Y-%m-%d)
  | "month" // YYYY-MM
  | "quarter" // YYYYQn, e.g. 2025Q4
  | "boolean" // 1/0, true/false, Y/N, 是/否
  | "enum"; // one of `values`

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  required: boolean;
  description: string;
  unit?: string;
  values?: readonly string[];
  /** Inclusive lower bound for numbers; a smaller value quarantines the row. */
  min?: number;
  /** Inclusive upper bound for numbers. */
  max?: number;
  /** Foreign key: table.column the value must exist in. */
  references?: {table: string; column: string};
  /** A direct identifier: never leaves the secure extract. */
  directIdentifier?: boolean;
  /** Declared by the configuration (extract.extraColumns or extract.extraTables), not by the contract. */
  own?: true;
}

export interface TableSpec {
  name: string;
  description: string;
  required: boolean;
  /** Columns whose combination is unique; a repeat quarantines the later rows. */
  key: readonly string[];
  columns: readonly ColumnSpec[];
  /**
   * Whether features may aggregate it per client and period, and how a row
   * meets a period: by its `period` column (month, quarter or date), or, with
   * none, in every period (one row per client, such as clients).
   */
  features?: {period?: string};
  /** Declared by the configuration (extract.extraTables). */
  own?: true;
}

/** The client column of every table of the configuration's own. */
export const clientColumn: ColumnSpec = {name: "client_id", type: "string", required: true, description: "Client.", references: {table: "clients", column: "client_id"}, directIdentifier: true};

export interface ExtractExtras {
  extraColumns?: Readonly<Record<string, readonly ExtraColumn[]>>;
  extraTables?: Readonly<Record<string, ExtraTable>>;
}

const column = (c: ExtraColumn): ColumnSpec => ({
  name: c.name,
  type: c.type,
  required: c.required ?? false,
  description: c.description,
  ...(c.unit !== undefined && {unit: c.unit}),
  ...(c.values !== undefined && {values: c.values}),
  ...(c.min !== undefined && {min: c.min}),
  ...(c.max !== undefined && {max: c.max}),
  own: true,
});

/**
 * The contract with a configuration's own columns appended to their tables
 * and its own tables after the contract's. Columns of contract tables that
 * are not known are ignored here (the configuration check reports them).
 */
export function withExtras(contract: readonly TableSpec[], {extraColumns = {}, extraTables = {}}: ExtractExtras = {}): TableSpec[] {
  const tables = contract.map((table) => (Object.hasOwn(extraColumns, table.name) ? {...table, columns: [...table.columns, ...extraColumns[table.name].map(column)]} : table));
  for (const [name, table] of Object.entries(extraTables)) {
    tables.push({
      name,
      description: table.description,
      required: table.required ?? false,
      key: table.key,
      columns: [clientColumn, ...table.columns.map(column)],
      features: table.period === undefined ? {} : {period: table.period},
      own: true,
    });
  }
  return tables;
}
