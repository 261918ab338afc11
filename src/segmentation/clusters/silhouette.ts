import type {FeatureMatrix} from "./types.js";

/**
 * Mean silhouette width of the rows (Euclidean distance). A row alone in its
 * cluster scores 0; undefined when fewer than two clusters are present.
 * O(n² d): call it on a sample.
 */
export function meanSilhouette({data, n, d}: FeatureMatrix, labels: ArrayLike<number>): number | undefined {
  let k = 0;
  for (let i = 0; i < n; ++i) k = Math.max(k, labels[i] + 1);
  const sizes = new Float64Array(k);
  for (let i = 0; i < n; ++i) sizes[labels[i]]++;
  if (sizes.filter((s) => s > 0).length < 2) return undefined;
  const sums = new Float64Array(k);
  let total = 0;
  for (let i = 0; i < n; ++i) {
    sums.fill(0);
    for (let m = 0; m < n; ++m) {
      if (m === i) continue;
      let s = 0;
      for (let j = 0; j < d; ++j) {
        const e = data[i * d + j] - data[m * d + j];
        s += e * e;
      }
      sums[labels[m]] += Math.sqrt(s);
    }
    const own = labels[i];
    if (sizes[own] < 2) continue; // silhouette 0
    const a = sums[own] / (sizes[own] - 1);
    let b = Infinity;
    for (let c = 0; c < k; ++c) if (c !== own && sizes[c] > 0) b = Math.min(b, sums[c] / sizes[c]);
    const width = Math.max(a, b);
    total += width > 0 ? (b - a) / width : 0;
  }
  return total / n;
}
