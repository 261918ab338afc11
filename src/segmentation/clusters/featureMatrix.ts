import {median} from "d3-array";
import type {ClientPeriod} from "../types.js";
import type {ClusterFeature, FeatureMatrix} from "./types.js";

/** The transform a feature goes through before clustering; log1p clamps negatives (overdrafts, refunds) to 0. */
export function transformValue(value: number, transform: ClusterFeature["transform"]): number {
  return transform === "log1p" ? Math.log1p(Math.max(0, value)) : value;
}

export function untransformValue(value: number, transform: ClusterFeature["transform"]): number {
  return transform === "log1p" ? Math.expm1(value) : value;
}

function numeric(v: unknown): number {
  if (typeof v === "number") return v;
  if (typeof v === "string" && v.trim() !== "") return Number(v);
  if (typeof v === "boolean") return v ? 1 : 0;
  return NaN;
}

/**
 * The clustering features of every record, transformed, as a row-major
 * Float64Array. A missing value (null, absent, not a number) becomes the
 * feature's median over these records on the transformed scale, or the given
 * `medians` (a trained model passes its training-sample medians so that new
 * clients are filled the same way); a feature missing everywhere becomes 0.
 */
export function featureMatrix(records: readonly ClientPeriod[], features: readonly ClusterFeature[], {medians}: {medians?: readonly number[]} = {}): FeatureMatrix & {medians: number[]} {
  const n = records.length;
  const d = features.length;
  const data = new Float64Array(n * d);
  const fills: number[] = [];
  const column = new Float64Array(n);
  features.forEach(({feature, transform}, j) => {
    for (let i = 0; i < n; ++i) column[i] = transformValue(numeric(records[i][feature]), transform);
    const fill = medians ? medians[j] : median(column) ?? 0;
    fills.push(fill);
    for (let i = 0; i < n; ++i) {
      const v = column[i];
      data[i * d + j] = v === v ? v : fill;
    }
  });
  return {data, n, d, medians: fills};
}
