import type {ContingencyTable, PartitionLabel} from "./contingencyTable.js";

export interface Mix<R extends PartitionLabel, C extends PartitionLabel> {
  rows: R[];
  cols: C[];
  /** Row totals (rowMix) or column totals (columnMix). */
  totals: number[];
  /** Shares in [0, 1]; an empty row (column) gets undefined shares rather than 0 / 0. */
  shares: (number | undefined)[][];
}

/** Each row's mix across the columns, e.g. each cluster's tier mix (rows sum to 1). */
export function rowMix<R extends PartitionLabel, C extends PartitionLabel>({rows, cols, counts}: ContingencyTable<R, C>): Mix<R, C> {
  const totals = counts.map((row) => row.reduce((s, x) => s + x, 0));
  const shares = counts.map((row, i) => row.map((x) => (totals[i] ? x / totals[i] : undefined)));
  return {rows, cols, totals, shares};
}

/** Each column's mix across the rows, e.g. each tier's cluster mix (columns sum to 1). */
export function columnMix<R extends PartitionLabel, C extends PartitionLabel>({rows, cols, counts}: ContingencyTable<R, C>): Mix<R, C> {
  const totals = cols.map((_, j) => counts.reduce((s, row) => s + row[j], 0));
  const shares = counts.map((row) => row.map((x, j) => (totals[j] ? x / totals[j] : undefined)));
  return {rows, cols, totals, shares};
}
