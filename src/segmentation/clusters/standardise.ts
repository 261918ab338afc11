import type {FeatureMatrix} from "./types.js";

/**
 * Mean and population standard deviation of every column. A constant column
 * gets sd 1, so it standardises to 0 instead of dividing by zero.
 */
export function fitStandardiser({data, n, d}: FeatureMatrix): {means: number[]; sds: number[]} {
  const means = new Array<number>(d).fill(0);
  const sds = new Array<number>(d).fill(0);
  for (let i = 0; i < n; ++i) for (let j = 0; j < d; ++j) means[j] += data[i * d + j];
  for (let j = 0; j < d; ++j) means[j] = n ? means[j] / n : 0;
  for (let i = 0; i < n; ++i)
    for (let j = 0; j < d; ++j) {
      const e = data[i * d + j] - means[j];
      sds[j] += e * e;
    }
  for (let j = 0; j < d; ++j) sds[j] = n && sds[j] > 0 ? Math.sqrt(sds[j] / n) : 1;
  return {means, sds};
}

/** z-scores with the given (training-sample) means and sds, into a new matrix. */
export function standardise({data, n, d}: FeatureMatrix, {means, sds}: {means: readonly number[]; sds: readonly number[]}): FeatureMatrix {
  const out = new Float64Array(n * d);
  for (let i = 0; i < n; ++i) for (let j = 0; j < d; ++j) out[i * d + j] = (data[i * d + j] - means[j]) / sds[j];
  return {data: out, n, d};
}
