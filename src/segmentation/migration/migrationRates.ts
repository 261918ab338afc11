import {ENTERED, EXITED, type TransitionMatrix} from "./types.js";

export interface MigrationFlow {
  count: number;
  /** count / the flow's denominator; undefined when the denominator is 0. */
  rate: number | undefined;
  /** AUM carried by the flow (see transitionMatrix). */
  aum: number;
}

export interface MigrationRates {
  /** Clients in the earlier period: denominator of stayed, upgraded, downgraded, exited. */
  earlier: number;
  /** Clients in the later period: denominator of entered. */
  later: number;
  stayed: MigrationFlow;
  upgraded: MigrationFlow;
  downgraded: MigrationFlow;
  exited: MigrationFlow;
  entered: MigrationFlow;
  /** upgraded − downgraded, in clients. */
  netUpgrades: number;
}

/**
 * Headline rates of a transition matrix. Stayed, upgraded, downgraded and
 * exited share one base, the clients of the earlier period, so they sum to 1
 * (when exits are included); entered is a share of the later period, because
 * new clients were not in the earlier base at all.
 */
export function migrationRates(matrix: TransitionMatrix): MigrationRates {
  const {states, rows, columns, counts, aum} = matrix;
  const k = states.length;
  const exitColumn = columns.indexOf(EXITED);
  const entryRow = rows.indexOf(ENTERED);
  const tally = {stayed: [0, 0], upgraded: [0, 0], downgraded: [0, 0], exited: [0, 0], entered: [0, 0]};
  const add = (flow: keyof typeof tally, i: number, j: number) => {
    tally[flow][0] += counts[i][j];
    tally[flow][1] += aum[i][j];
  };

  for (let i = 0; i < k; ++i) {
    for (let j = 0; j < k; ++j) add(i === j ? "stayed" : j > i ? "upgraded" : "downgraded", i, j);
    if (exitColumn >= 0) add("exited", i, exitColumn);
  }
  if (entryRow >= 0) for (let j = 0; j < k; ++j) add("entered", entryRow, j);

  let earlier = 0;
  for (let i = 0; i < k; ++i) earlier += matrix.rowTotals[i];
  let later = 0;
  for (let j = 0; j < k; ++j) later += matrix.columnTotals[j];

  const flow = (name: keyof typeof tally, base: number): MigrationFlow => ({
    count: tally[name][0],
    rate: base > 0 ? tally[name][0] / base : undefined,
    aum: tally[name][1],
  });
  return {
    earlier,
    later,
    stayed: flow("stayed", earlier),
    upgraded: flow("upgraded", earlier),
    downgraded: flow("downgraded", earlier),
    exited: flow("exited", earlier),
    entered: flow("entered", later),
    netUpgrades: tally.upgraded[0] - tally.downgraded[0],
  };
}
