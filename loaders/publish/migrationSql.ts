// Migration flows counted in the engine: one FULL OUTER JOIN of two quarters'
// segments per pair, grouped by (from, to) and optionally by branch or region.
// Only the counts and AUM sums come back to Node (matrixFromFlows builds the
// matrices), never client-level rows. AUM is summed in whole fen, as the
// JavaScript transitionMatrix does, so both give the same totals to the fen.

import {literal} from "../engine/dialect.js";

export interface FlowQuery {
  /** Expression over segments' columns giving the state, e.g. tier_retail_tier. */
  state: string;
  from: string;
  to: string;
  /** Group flows by the later period's branch_id or region (exits: the earlier one's). */
  groupBy?: "branch_id" | "region";
}

export function flowsSql({state, from, to, groupBy}: FlowQuery): string {
  const side = (quarter: string) =>
    `(SELECT client_pid, ${state} AS state, aum, branch_id, region FROM segments WHERE client_type = 'retail' AND quarter = ${literal(quarter)})`;
  const group = groupBy ? `COALESCE(b.${groupBy}, a.${groupBy})` : "''";
  return `
    SELECT ${group} AS grp,
           COALESCE(a.state, 'new') AS from_state,
           COALESCE(b.state, 'exited') AS to_state,
           COUNT(*) AS clients,
           SUM(ROUND(COALESCE(CASE WHEN b.client_pid IS NULL THEN a.aum ELSE b.aum END, 0) * 100)) AS aum_cents
    FROM ${side(from)} a
    FULL OUTER JOIN ${side(to)} b ON a.client_pid = b.client_pid
    GROUP BY ${groupBy ? `${group}, ` : ""}COALESCE(a.state, 'new'), COALESCE(b.state, 'exited')
    ORDER BY 1, 2, 3`;
}

/** Clients per state and quarter, for the Sankey's tier nodes and the projection's current mix. */
export function stateCountsSql(state: string): string {
  return `
    SELECT quarter, ${state} AS state, COUNT(*) AS clients
    FROM segments WHERE client_type = 'retail'
    GROUP BY quarter, ${state} ORDER BY 1, 2`;
}
