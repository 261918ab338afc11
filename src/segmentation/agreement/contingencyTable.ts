export type PartitionLabel = string | number;

export interface ContingencyTable<R extends PartitionLabel = PartitionLabel, C extends PartitionLabel = PartitionLabel> {
  /** Distinct labels of the first partition (given order first, then the rest ascending). */
  rows: R[];
  /** Distinct labels of the second partition. */
  cols: C[];
  /** counts[i][j] = clients with rows[i] in the first partition and cols[j] in the second. */
  counts: number[][];
}

function ascending(a: PartitionLabel, b: PartitionLabel): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "number") return -1;
  if (typeof b === "number") return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function levels<T extends PartitionLabel>(values: ArrayLike<T>, given: readonly T[] | undefined): T[] {
  const out = given ? [...given] : [];
  const known = new Set<T>(out);
  const extra = new Set<T>();
  for (let i = 0; i < values.length; ++i) if (!known.has(values[i])) extra.add(values[i]);
  return out.concat([...extra].sort(ascending));
}

/**
 * Cross-tabulates two labelings of the same clients (e.g. cluster × tier).
 * Pass `rows` / `cols` to fix the order (a tier ladder); labels not listed are
 * appended in ascending order, and listed labels nobody has stay as zero rows.
 */
export function contingencyTable<R extends PartitionLabel, C extends PartitionLabel>(
  a: ArrayLike<R>,
  b: ArrayLike<C>,
  {rows, cols}: {rows?: readonly R[]; cols?: readonly C[]} = {}
): ContingencyTable<R, C> {
  if (a.length !== b.length) throw new Error(`invalid partitions: ${a.length} and ${b.length} labels`);
  const r = levels(a, rows);
  const c = levels(b, cols);
  const ri = new Map(r.map((x, i) => [x, i]));
  const ci = new Map(c.map((x, i) => [x, i]));
  const counts = r.map(() => new Array<number>(c.length).fill(0));
  for (let i = 0; i < a.length; ++i) counts[ri.get(a[i])!][ci.get(b[i])!]++;
  return {rows: r, cols: c, counts};
}
