// The finished TransitionMatrix from counts and AUM in fen, with its totals:
// shared by transitionMatrix (client records) and matrixFromFlows (engine counts).

import {fromCents} from "./cents.js";
import type {TransitionMatrix} from "./types.js";

export function assembleMatrix({states, rows, columns, counts, cents}: {states: readonly string[]; rows: string[]; columns: string[]; counts: number[][]; cents: number[][]}): TransitionMatrix {
  return {
    states: [...states],
    rows,
    columns,
    counts,
    aum: cents.map((row) => row.map(fromCents)),
    rowTotals: counts.map((row) => row.reduce((a, b) => a + b, 0)),
    columnTotals: columns.map((_, j) => counts.reduce((a, row) => a + row[j], 0)),
  };
}
