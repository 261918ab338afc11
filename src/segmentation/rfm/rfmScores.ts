import type {RfmConfig} from "../../config/schema.js";
import type {ClientPeriod} from "../tiers/types.js";
import {rankScores} from "./rankScores.js";

export interface RfmColumns {
  /** Days since the last client-initiated transaction; NaN when the client never transacted. */
  recency: ArrayLike<number>;
  frequency: ArrayLike<number>;
  monetary: ArrayLike<number>;
}

export interface RfmScores {
  r: Uint8Array;
  f: Uint8Array;
  m: Uint8Array;
  /** round-half-up((F + M) / 2), the second axis of the segment map. */
  fm: Uint8Array;
}

function column(records: readonly ClientPeriod[], feature: string): Float64Array {
  const out = new Float64Array(records.length);
  for (let i = 0; i < records.length; ++i) {
    const v = records[i][feature];
    out[i] = typeof v === "number" ? v : v == null || v === "" || typeof v === "boolean" ? NaN : Number(v);
  }
  return out;
}

/** F and M combine by rounding half up: (4 + 5) / 2 = 4.5 → 5. */
export function combineFm(f: number, m: number): number {
  return (f + m + 1) >> 1;
}

/**
 * R, F and M quantile scores (1..bins) for every client, plus FM. Fewer days
 * since the last transaction scores higher; more transactions and more money
 * score higher. Ties and missing values: see rankScores. A client who never
 * transacted (missing recency) scores R = 1; missing F or M also score 1.
 */
export function rfmScores(input: readonly ClientPeriod[] | RfmColumns, cfg: Pick<RfmConfig, "bins" | "recencyFeature" | "frequencyFeature" | "monetaryFeature">): RfmScores {
  const {bins} = cfg;
  const columns: RfmColumns = Array.isArray(input)
    ? {recency: column(input, cfg.recencyFeature), frequency: column(input, cfg.frequencyFeature), monetary: column(input, cfg.monetaryFeature)}
    : (input as RfmColumns);
  const r = rankScores(columns.recency, {bins, higherIsBetter: false});
  const f = rankScores(columns.frequency, {bins});
  const m = rankScores(columns.monetary, {bins});
  const fm = new Uint8Array(r.length);
  for (let i = 0; i < fm.length; ++i) fm[i] = combineFm(f[i], m[i]);
  return {r, f, m, fm};
}
