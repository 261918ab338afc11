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
  // score ≥ s + 1 ⇔ bins × worse ≥ s × n ⇔ worse ≥ t = ceil(s × n / bins) ⇔ the
  // t-th smallest key is below this key. So bins − 1 cut points replace a
  // binary search per client. The plain form, for reading:
  //   scores[i] = 1 + Math.floor((bins * bisectLeft(sorted, keys[i])) / n);
  const cuts = new Float64Array(bins - 1);
  for (let s = 1; s < bins; ++s) cuts[s - 1] = sorted[Math.ceil((s * n) / bins) - 1];
  const scores = new Uint8Array(n);
  for (let i = 0; i < n; ++i) {
    const key = keys[i];
    let score = 1;
    for (let c = 0; c < cuts.length; ++c) if (cuts[c] < key) ++score;
    scores[i] = score;
  }
  return scores;
}
