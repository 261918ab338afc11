import {ladderRank, rankOf} from "./ladder.js";
import {transitionMatrix} from "./transitionMatrix.js";
import {ENTERED, EXITED, type PeriodRecords} from "./types.js";

export interface SankeyNode {
  /** "2025Q1|gold" */
  id: string;
  period: string;
  state: string;
  /** Clients the node stands for: a tier's clients in that period, or the size of an entry or exit flow. */
  clients: number;
}

export interface SankeyLink {
  source: string;
  target: string;
  value: number;
  aum: number;
}

export interface SankeyGraph {
  nodes: SankeyNode[];
  links: SankeyLink[];
}

export interface SankeyOptions {
  states: readonly string[];
  includeEntries?: boolean;
  includeExits?: boolean;
}

/**
 * Tier flows across periods, in the node/link shape d3-sankey takes (use
 * nodeId(d => d.id)). Each period has its own node per tier, so the graph is
 * acyclic: links run only from one period to the next, in the order given.
 * Clients who entered between P and Q start at node "P|new" (drawn in P's
 * column, flowing into Q); clients who left end at "Q|exited". Tier nodes
 * exist for every period, even when empty, so the layout does not jump
 * between filters; "new" and "exited" nodes exist only where such flows occur.
 */
export function sankeyGraph(periods: readonly PeriodRecords[], {states, includeEntries = true, includeExits = true}: SankeyOptions): SankeyGraph {
  const rank = ladderRank(states);
  const seen = new Set<string>();
  for (const {period} of periods) {
    if (seen.has(period)) throw new Error(`invalid period: ${period}`);
    seen.add(period);
  }
  const nodeId = (period: string, state: string) => `${period}|${state}`;
  // Per period: its tier nodes, then an optional "new", then an optional "exited".
  const columns = periods.map(({period, records}) => {
    const clients = states.map(() => 0);
    for (const record of records) clients[rankOf(rank, record)] += 1;
    const tiers: SankeyNode[] = states.map((state, i) => ({id: nodeId(period, state), period, state, clients: clients[i]}));
    return {tiers, entered: undefined as SankeyNode | undefined, exited: undefined as SankeyNode | undefined};
  });
  const links: SankeyLink[] = [];

  for (let p = 1; p < periods.length; ++p) {
    const before = periods[p - 1];
    const after = periods[p];
    const matrix = transitionMatrix(before.records, after.records, {states, includeEntries, includeExits});
    matrix.rows.forEach((row, i) =>
      matrix.columns.forEach((column, j) => {
        const value = matrix.counts[i][j];
        if (value > 0) links.push({source: nodeId(before.period, row), target: nodeId(after.period, column), value, aum: matrix.aum[i][j]});
      })
    );
    const entryRow = matrix.rows.indexOf(ENTERED);
    const exitColumn = matrix.columns.indexOf(EXITED);
    const entries = entryRow >= 0 ? matrix.rowTotals[entryRow] : 0;
    const exits = exitColumn >= 0 ? matrix.columnTotals[exitColumn] : 0;
    if (entries > 0) columns[p - 1].entered = {id: nodeId(before.period, ENTERED), period: before.period, state: ENTERED, clients: entries};
    if (exits > 0) columns[p].exited = {id: nodeId(after.period, EXITED), period: after.period, state: EXITED, clients: exits};
  }

  const nodes = columns.flatMap(({tiers, entered, exited}) => [...tiers, ...(entered ? [entered] : []), ...(exited ? [exited] : [])]);
  return {nodes, links};
}
