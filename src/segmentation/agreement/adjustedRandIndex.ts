import {contingencyTable, type PartitionLabel} from "./contingencyTable.js";

const pairs = (x: number) => (x * (x - 1)) / 2;

/**
 * Adjusted Rand index from a contingency table (Hubert & Arabie 1985):
 * (Σ C(nij,2) − E) / (½(Σ C(ai,2) + Σ C(bj,2)) − E), E = Σ C(ai,2) Σ C(bj,2) / C(n,2).
 * 1 for identical partitions, about 0 for unrelated ones. When the denominator
 * is 0 (both partitions trivial, e.g. one group each) the partitions agree: 1.
 */
export function adjustedRandIndexOfTable(counts: readonly (readonly number[])[]): number {
  let n = 0;
  let sumCells = 0;
  const colTotals: number[] = [];
  let sumRows = 0;
  for (const row of counts) {
    let rowTotal = 0;
    row.forEach((x, j) => {
      rowTotal += x;
      colTotals[j] = (colTotals[j] ?? 0) + x;
      sumCells += pairs(x);
    });
    n += rowTotal;
    sumRows += pairs(rowTotal);
  }
  const sumCols = colTotals.reduce((s, x) => s + pairs(x), 0);
  const expected = n > 1 ? (sumRows * sumCols) / pairs(n) : 0;
  const max = (sumRows + sumCols) / 2;
  return max === expected ? 1 : (sumCells - expected) / (max - expected);
}

/** Adjusted Rand index of two labelings of the same clients. */
export function adjustedRandIndex(a: ArrayLike<PartitionLabel>, b: ArrayLike<PartitionLabel>): number {
  return adjustedRandIndexOfTable(contingencyTable(a, b).counts);
}
