// "Did you mean …?" for typos such as suppresionThreshold.

export function closest(word: string, candidates: Iterable<string>): string | undefined {
  // Short words are near everything: allow one edit up to four letters.
  const limit = word.length <= 4 ? 1 : Math.max(2, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    let distance = candidate.toLowerCase() === word.toLowerCase() ? 0 : editDistance(word, candidate);
    // A shortened name (branch for branch_id) is a near miss, however many letters are missing.
    if (word.length >= 4 && candidate.startsWith(word)) distance = Math.min(distance, limit);
    if (distance < bestDistance) (best = candidate), (bestDistance = distance);
  }
  return bestDistance <= limit ? best : undefined;
}

// Optimal string alignment distance: a swap of two neighbours counts as one edit.
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array(rows * cols);
  for (let i = 0; i < rows; ++i) d[i * cols] = i;
  for (let j = 0; j < cols; ++j) d[j] = j;
  for (let i = 1; i < rows; ++i) {
    for (let j = 1; j < cols; ++j) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(d[(i - 1) * cols + j] + 1, d[i * cols + j - 1] + 1, d[(i - 1) * cols + j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, d[(i - 2) * cols + j - 2] + 1);
      d[i * cols + j] = value;
    }
  }
  return d[rows * cols - 1];
}
