import {migrationRates, type MigrationRates} from "./migrationRates.js";
import {transitionMatrix} from "./transitionMatrix.js";
import type {PeriodRecords, TransitionMatrix, TransitionOptions} from "./types.js";

export interface PeriodComparison {
  from: string;
  to: string;
  matrix: TransitionMatrix;
  rates: MigrationRates;
}

/**
 * Migration between any two chosen periods — 2024Q1 → 2025Q4 as readily as
 * 2025Q3 → 2025Q4. Nothing assumes adjacency: a client absent from the later
 * period has exited by then, whatever happened in between.
 */
export function betweenPeriods(a: PeriodRecords, b: PeriodRecords, options: TransitionOptions): PeriodComparison {
  const matrix = transitionMatrix(a.records, b.records, options);
  return {from: a.period, to: b.period, matrix, rates: migrationRates(matrix)};
}
