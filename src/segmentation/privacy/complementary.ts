// Complementary (secondary) suppression for a transition matrix.
//
// Suppressing the small cells is not enough when sums over cells are
// published beside them: a row's total (the tier's clients in the earlier
// quarter), a column's (the later quarter), the upgrades (the cells above the
// diagonal), the downgrades (below) and the clients who stayed (on it). A line
// — a set of cells whose sum is published — with exactly one hidden cell gives
// that cell back by subtraction. So while some line has exactly one hidden
// cell, the smallest other cell of that line is hidden too (a positive one if
// there is one: hiding a zero that everyone can infer protects nothing). The
// loop ends because cells are only ever added; the result is the same for the
// same matrix (ties go to the first cell in row-major order).
//
// This closes single-line subtraction, the attack a reader can do by hand. It
// is not an optimal cell-suppression solver, and sums over several lines at
// once can still narrow a hidden cell down to a range.

export type Cell = readonly [row: number, column: number];

/** Cells to hide: the small ones (1 ≤ n < threshold) and their complements. */
export function complementaryHidden(counts: readonly (readonly number[])[], {threshold, lines}: {threshold: number; lines: readonly (readonly Cell[])[]}): boolean[][] {
  const hidden = counts.map((row) => row.map((n) => n >= 1 && n < threshold));
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      const open = line.filter(([i, j]) => !hidden[i][j]);
      if (line.length - open.length !== 1 || open.length === 0) continue;
      const positive = open.filter(([i, j]) => counts[i][j] > 0);
      const pool = positive.length ? positive : open;
      let best = pool[0];
      for (const cell of pool) if (counts[cell[0]][cell[1]] < counts[best[0]][best[1]]) best = cell;
      hidden[best[0]][best[1]] = true;
      changed = true;
    }
  }
  return hidden;
}

/**
 * The published sums of a transition matrix over `states` (low → high), with
 * an optional "new" row and "exited" column after them: every row and column,
 * and the upgrades, downgrades and stays among the states.
 */
export function transitionLines(rows: readonly string[], columns: readonly string[], states: readonly string[]): Cell[][] {
  const lines: Cell[][] = [];
  for (let i = 0; i < rows.length; ++i) lines.push(columns.map((_, j) => [i, j] as const));
  for (let j = 0; j < columns.length; ++j) lines.push(rows.map((_, i) => [i, j] as const));
  const k = states.length;
  const among = (keep: (i: number, j: number) => boolean) => {
    const cells: Cell[] = [];
    for (let i = 0; i < k; ++i) for (let j = 0; j < k; ++j) if (keep(i, j)) cells.push([i, j]);
    return cells;
  };
  lines.push(among((i, j) => j > i), among((i, j) => j < i), among((i, j) => i === j));
  return lines;
}

/**
 * The published sums of a region × tier table with the bank-wide row last
 * (`rows` regions, then "all regions"): each row (a region's clients,
 * published with the official ladder) and each column with its bank-wide
 * cell (the regions add up to it, so one hidden cell among them is given back).
 */
export function regionTierLines(regions: number, tiers: number): Cell[][] {
  const lines: Cell[][] = [];
  for (let i = 0; i <= regions; ++i) lines.push(Array.from({length: tiers}, (_, j) => [i, j] as const));
  for (let j = 0; j < tiers; ++j) lines.push(Array.from({length: regions + 1}, (_, i) => [i, j] as const));
  return lines;
}
