import {bisectLeft} from "d3-array";

/**
 * Quantile scores 1..bins from ranks, independent of input order.
 *
 * A value's score is 1 + floor(bins × share of values strictly worse than it),
 * where "worse" is lower when higherIsBetter (frequency, monetary) and higher
 * otherwise (recency in days). Equal values therefore always get the same score:
 * the score of the first of them in sorted order (competition ranking, "1224").
 * A client is scored 5 only when at least 80% of clients are strictly worse.
 * Missing values (NaN) count as worse than every present value and score 1;
 * they stay in the population, because they are clients too.
 */
export function rankScores(values: ArrayLike<number>, {bins, higherIsBetter = true}: {bins: number; higherIsBetter?: boolean}): Uint8Array {
  const n = values.length;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; ++i) {
    const v = values[i];
    keys[i] = v === v ? (higherIsBetter ? v : -v) : -Infinity;
  }
  const sorted = keys.slice().sort();
  const scores = new Uint8Array(n);
  for (let i = 0; i < n; ++i) {
    const worse = bisectLeft(sorted, keys[i]);
    scores[i] = 1 + Math.floor((bins * worse) / n);
  }
  return scores;
}
