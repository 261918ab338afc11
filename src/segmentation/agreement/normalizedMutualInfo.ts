import {contingencyTable, type PartitionLabel} from "./contingencyTable.js";

/**
 * Normalised mutual information with the arithmetic-mean normalisation:
 * NMI = I(A;B) / ((H(A) + H(B)) / 2), natural logs (the base cancels).
 * Symmetric, in [0, 1]. Two single-group partitions agree perfectly: 1; when
 * only one of them is a single group there is no shared information: 0.
 */
export function normalizedMutualInfoOfTable(counts: readonly (readonly number[])[]): number {
  const rowTotals = counts.map((row) => row.reduce((s, x) => s + x, 0));
  const colTotals: number[] = [];
  counts.forEach((row) => row.forEach((x, j) => (colTotals[j] = (colTotals[j] ?? 0) + x)));
  const n = rowTotals.reduce((s, x) => s + x, 0);
  if (n === 0) return 1;
  const entropy = (totals: number[]) => totals.reduce((h, x) => (x > 0 ? h - (x / n) * Math.log(x / n) : h), 0);
  const ha = entropy(rowTotals);
  const hb = entropy(colTotals);
  if (ha === 0 && hb === 0) return 1;
  let mi = 0;
  counts.forEach((row, i) =>
    row.forEach((x, j) => {
      if (x > 0) mi += (x / n) * Math.log((x * n) / (rowTotals[i] * colTotals[j]));
    })
  );
  // rounding can push a perfect match a hair above 1
  return Math.min(1, Math.max(0, mi / ((ha + hb) / 2)));
}

/** Normalised mutual information (arithmetic mean) of two labelings of the same clients. */
export function normalizedMutualInfo(a: ArrayLike<PartitionLabel>, b: ArrayLike<PartitionLabel>): number {
  return normalizedMutualInfoOfTable(contingencyTable(a, b).counts);
}
