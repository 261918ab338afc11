// The shapes migration works on: one record per client and period, and the
// matrix of flows between two periods.

/** A client's state in one period: a tier id from the ordered ladder. */
export interface MigrationRecord {
  id: string | number;
  state: string;
  /** AUM carried by the client in this period (CNY); missing counts as 0. */
  aum?: number;
  region?: string;
  branch?: string;
}

export interface PeriodRecords {
  /** Period id, e.g. "2025Q1". */
  period: string;
  records: readonly MigrationRecord[];
}

/** Row label of clients present only in the later period. */
export const ENTERED = "new";
/** Column label of clients present only in the earlier period. */
export const EXITED = "exited";

export interface TransitionMatrix {
  /** The tier ladder, low → high; the first rows and columns follow it. */
  states: string[];
  /** states, then "new" when entries are included. */
  rows: string[];
  /** states, then "exited" when exits are included. */
  columns: string[];
  /** counts[i][j]: clients in rows[i] in the earlier period and columns[j] in the later one. */
  counts: number[][];
  /** AUM carried by each flow: the later period's AUM, except exits (the earlier period's). */
  aum: number[][];
  rowTotals: number[];
  columnTotals: number[];
}

export interface TransitionOptions {
  /** Ordered tier ids, low → high. */
  states: readonly string[];
  includeEntries?: boolean;
  includeExits?: boolean;
}
