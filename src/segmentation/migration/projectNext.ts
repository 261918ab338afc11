import {ENTERED, EXITED, type TransitionMatrix} from "./types.js";

export interface ProjectionOptions {
  /** New clients expected next period; defaults to the matrix's own entries. */
  entries?: number;
}

export interface Projection {
  /** Always true: this is a projection, not an observation, and pages must say so. */
  projected: true;
  /** Expected clients per tier next period (fractional: expectations, not people). */
  mix: Record<string, number>;
  /** Expected exits of the current clients. */
  exited: number;
  /** New clients added, spread over tiers as the matrix's entries were. */
  entered: number;
  total: number;
}

/**
 * One Markov step: next period's tier mix if every tier moves as it did in
 * the matrix (row-normalised rates), plus new clients distributed as the last
 * entries were. A tier with no clients in the matrix has no observed moves;
 * its clients are assumed to stay. A matrix built without exits projects no
 * attrition.
 */
export function projectNext(
  matrix: TransitionMatrix,
  currentMix: Readonly<Record<string, number>>,
  {entries}: ProjectionOptions = {}
): Projection {
  const {states, rows, columns, counts, rowTotals} = matrix;
  const k = states.length;
  for (const state of Object.keys(currentMix)) {
    if (!states.includes(state)) throw new Error(`invalid mix state: ${state}`);
  }
  const exitColumn = columns.indexOf(EXITED);
  const entryRow = rows.indexOf(ENTERED);
  const next = new Array<number>(k).fill(0);
  let exited = 0;

  for (let i = 0; i < k; ++i) {
    const current = currentMix[states[i]] ?? 0;
    if (!(current >= 0)) throw new Error(`invalid mix: ${states[i]}=${current}`);
    if (current === 0) continue;
    if (rowTotals[i] === 0) {
      next[i] += current;
      continue;
    }
    for (let j = 0; j < k; ++j) next[j] += (current * counts[i][j]) / rowTotals[i];
    if (exitColumn >= 0) exited += (current * counts[i][exitColumn]) / rowTotals[i];
  }

  const observedEntries = entryRow >= 0 ? rowTotals[entryRow] : 0;
  const entered = entries ?? observedEntries;
  if (!(entered >= 0) || (entered > 0 && observedEntries === 0)) throw new Error(`invalid entries: ${entered}`);
  if (entered > 0) for (let j = 0; j < k; ++j) next[j] += (entered * counts[entryRow][j]) / observedEntries;

  const mix: Record<string, number> = {};
  states.forEach((state, j) => (mix[state] = next[j]));
  return {projected: true, mix, exited, entered, total: next.reduce((a, b) => a + b, 0)};
}
