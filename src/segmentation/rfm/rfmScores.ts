import {rankScores} from "./rankScores.js";

/** Reads one client's value, d3 style; null, undefined or NaN mark a missing value. */
export type RfmAccessor<T> = (d: T, i: number, data: ArrayLike<T>) => number | null | undefined;

export interface RfmScores {
  r: Uint8Array;
  f: Uint8Array;
  m: Uint8Array;
  /** round-half-up((F + M) / 2), the second axis of the segment map. */
  fm: Uint8Array;
}

function values<T>(data: ArrayLike<T>, value: RfmAccessor<T>): Float64Array {
  const out = new Float64Array(data.length);
  for (let i = 0; i < data.length; ++i) {
    const v = value(data[i], i, data);
    out[i] = typeof v === "number" ? v : NaN;
  }
  return out;
}

/** F and M combine by rounding half up: (4 + 5) / 2 = 4.5 → 5. */
export function combineFm(f: number, m: number): number {
  return (f + m + 1) >> 1;
}

/**
 * R, F and M quantile scores (1..bins) for every client, plus FM:
 *   rfmScores(clients, {bins: 5, recency: (d) => d.recency_days, frequency: (d) => d.frequency, monetary: (d) => d.monetary})
 * Fewer days since the last transaction (recency) scores higher; more
 * transactions and more money score higher. Ties and missing values: see
 * rankScores. A client who never transacted (missing recency) scores R = 1;
 * missing F or M also score 1.
 */
export function rfmScores<T>(
  data: ArrayLike<T>,
  {bins, recency, frequency, monetary}: {bins: number; recency: RfmAccessor<T>; frequency: RfmAccessor<T>; monetary: RfmAccessor<T>}
): RfmScores {
  const r = rankScores(values(data, recency), {bins, higherIsBetter: false});
  const f = rankScores(values(data, frequency), {bins});
  const m = rankScores(values(data, monetary), {bins});
  const fm = new Uint8Array(r.length);
  for (let i = 0; i < fm.length; ++i) fm[i] = combineFm(f[i], m[i]);
  return {r, f, m, fm};
}
