// A published transition matrix as heatmap cells. Row shares are computed
// from the published cells, so a suppressed cell (null) neither shows a share
// nor can be recovered from the others' shares.

import type {HeatmapCell} from "./Heatmap.js";

export interface PublishedMatrix {
  rows: readonly string[];
  columns: readonly string[];
  counts: readonly (readonly (number | null)[])[];
}

export function matrixCells({rows, columns, counts}: PublishedMatrix): HeatmapCell[] {
  return rows.flatMap((row, i) => {
    const published = counts[i].reduce<number>((sum, c) => sum + (c ?? 0), 0);
    return columns.map((col, j) => {
      const value = counts[i][j];
      return {row, col, value, suppressed: value === null, rowShare: value === null || !published ? null : value / published};
    });
  });
}
