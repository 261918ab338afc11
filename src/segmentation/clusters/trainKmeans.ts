import {kmeans} from "ml-kmeans";
import {kmeansPlusPlus} from "./kmeansPlusPlus.js";
import {nearestCentroid} from "./nearestCentroid.js";
import type {FeatureMatrix} from "./types.js";

export interface KmeansFit {
  /** Raw k-means centres of the best restart (ml-kmeans order). */
  centroids: number[][];
  sse: number;
  restartSse: number[];
  bestRestart: number;
}

/**
 * k-means on standardised rows with `restarts` runs seeded seed, seed + 1, …
 * (seeded k-means++ starts, see kmeansPlusPlus); keeps the run with the lowest SSE, the first on a tie.
 * SSE is measured against each run's final centres.
 */
export function trainKmeans(matrix: FeatureMatrix, {k, seed, restarts, maxIterations}: {k: number; seed: number; restarts: number; maxIterations: number}): KmeansFit {
  const {data, n, d} = matrix;
  if (!(Number.isInteger(k) && k >= 1 && k <= n)) throw new Error(`invalid k: ${k} (${n} clients to cluster)`);
  const points = Array.from({length: n}, (_, i) => Array.from(data.subarray(i * d, (i + 1) * d)));
  let best: KmeansFit = {centroids: [], sse: Infinity, restartSse: [], bestRestart: -1};
  const restartSse: number[] = [];
  for (let r = 0; r < restarts; ++r) {
    const initialization = kmeansPlusPlus(matrix, k, {seed: seed + r});
    const {centroids} = kmeans(points, k, {seed: seed + r, maxIterations, initialization});
    const {sse} = nearestCentroid(matrix, centroids);
    restartSse.push(sse);
    if (sse < best.sse) best = {centroids, sse, restartSse, bestRestart: r};
  }
  return {...best, restartSse};
}
