import type {FeatureMatrix} from "./types.js";

/**
 * Each row's nearest centre (squared Euclidean; a tie goes to the lower index)
 * and the total squared distance. Typed arrays throughout: this is the step that
 * runs on every client, not just the training sample.
 */
export function nearestCentroid({data, n, d}: FeatureMatrix, centroids: readonly (readonly number[])[]): {assignment: Int32Array; sse: number} {
  const k = centroids.length;
  const flat = new Float64Array(k * d);
  centroids.forEach((c, i) => flat.set(c, i * d));
  const assignment = new Int32Array(n);
  let sse = 0;
  for (let i = 0; i < n; ++i) {
    const row = i * d;
    let best = 0;
    let bestDistance = Infinity;
    for (let c = 0; c < k; ++c) {
      let s = 0;
      for (let j = 0; j < d; ++j) {
        const e = data[row + j] - flat[c * d + j];
        s += e * e;
      }
      if (s < bestDistance) {
        bestDistance = s;
        best = c;
      }
    }
    assignment[i] = best;
    sse += bestDistance;
  }
  return {assignment, sse};
}
