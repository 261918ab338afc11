import {seededRandom} from "../random.js";
import type {FeatureMatrix} from "./types.js";

/**
 * Seeded k-means++ starting centres (Arthur & Vassilvitskii 2007): the first
 * centre is a random row, each next one a row drawn with probability
 * proportional to its squared distance to the nearest centre so far.
 * Written over typed arrays because ml-kmeans' own k-means++ builds dense
 * matrices and takes about a second per restart on a 50,000-client sample;
 * ml-kmeans still runs the iterations.
 */
export function kmeansPlusPlus({data, n, d}: FeatureMatrix, k: number, {seed}: {seed: number}): number[][] {
  const random = seededRandom(seed);
  const closest = new Float64Array(n).fill(Infinity);
  const centres: number[][] = [];
  let next = Math.floor(random() * n);
  while (centres.length < k) {
    const centre = Array.from(data.subarray(next * d, (next + 1) * d));
    centres.push(centre);
    let total = 0;
    for (let i = 0; i < n; ++i) {
      let s = 0;
      for (let j = 0; j < d; ++j) {
        const e = data[i * d + j] - centre[j];
        s += e * e;
      }
      if (s < closest[i]) closest[i] = s;
      total += closest[i];
    }
    if (!(total > 0)) {
      // every row sits on a centre already (fewer distinct rows than k): take the next rows in order
      next = (next + 1) % n;
      continue;
    }
    let target = random() * total;
    next = n - 1;
    for (let i = 0; i < n; ++i) {
      target -= closest[i];
      if (target < 0) {
        next = i;
        break;
      }
    }
  }
  return centres;
}
