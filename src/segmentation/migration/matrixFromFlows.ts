// A transition matrix from flows already counted elsewhere — by the engine,
// in SQL, so that client-level rows never leave it. Same shape as
// transitionMatrix's, so rates, projections and pages cannot tell them apart.

import {assembleMatrix} from "./assembleMatrix.js";
import {ladderRank} from "./ladder.js";
import {ENTERED, EXITED, type TransitionMatrix} from "./types.js";

export interface Flow {
  /** A tier, or "new" for clients present only in the later period. */
  from: string;
  /** A tier, or "exited" for clients present only in the earlier period. */
  to: string;
  clients: number;
  /** AUM of the flow in hundredths (fen), summed exactly; see cents.ts. */
  aumCents: number;
}

export function matrixFromFlows(flows: readonly Flow[], {states}: {states: readonly string[]}): TransitionMatrix {
  const rank = ladderRank(states);
  const rows = [...states, ENTERED];
  const columns = [...states, EXITED];
  const counts = rows.map(() => columns.map(() => 0));
  const cents = rows.map(() => columns.map(() => 0));
  for (const {from, to, clients, aumCents} of flows) {
    const i = from === ENTERED ? states.length : rank.get(from);
    const j = to === EXITED ? states.length : rank.get(to);
    if (i === undefined) throw new Error(`invalid state: ${from}`);
    if (j === undefined) throw new Error(`invalid state: ${to}`);
    if (i === states.length && j === states.length) throw new Error("invalid flow: new → exited");
    counts[i][j] += clients;
    cents[i][j] += aumCents;
  }
  return assembleMatrix({states, rows, columns, counts, cents});
}
