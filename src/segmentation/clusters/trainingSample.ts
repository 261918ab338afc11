import {compareIds, sampleByHash} from "../random.js";
import type {ClientPeriod} from "../types.js";

/** Each record's client id as text; a record without one cannot be sampled reproducibly. */
export function clientIds(records: readonly ClientPeriod[], idField: string): string[] {
  return records.map((r, i) => {
    const id = r[idField];
    if (id == null || id === "") throw new Error(`invalid ${idField}: row ${i} has none`);
    return String(id);
  });
}

/**
 * The training sample: the `size` clients with the smallest id hashes under
 * `seed`, in id order, so that neither the sample nor the order k-means sees
 * depends on the extract's row order. Records sharing an id (several periods)
 * are put in order of their feature values, for the same reason.
 */
export function trainingSample(records: readonly ClientPeriod[], {size, seed, idField, features}: {size: number; seed: number; idField: string; features: readonly string[]}): ClientPeriod[] {
  const ids = clientIds(records, idField);
  const rows = Array.from(sampleByHash(ids, {size, seed}));
  const key = (i: number) => features.map((f) => records[i][f]);
  rows.sort((a, b) => compareIds(ids[a], ids[b]) || compareKeys(key(a), key(b)));
  return rows.map((i) => records[i]);
}

function compareKeys(a: readonly unknown[], b: readonly unknown[]): number {
  for (let j = 0; j < a.length; ++j) {
    const x = a[j] ?? "";
    const y = b[j] ?? "";
    if (x === y) continue;
    if (typeof x === "number" && typeof y === "number") return x < y ? -1 : 1;
    return compareIds(String(x), String(y));
  }
  return 0;
}
