import {ladderRank, rankOf} from "./ladder.js";
import {transitionMatrix} from "./transitionMatrix.js";
import {ENTERED, EXITED, type PeriodRecords, type TransitionMatrix} from "./types.js";

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
  const columns = periods.map(({period, records}) => {
    const clients = states.map(() => 0);
    for (const record of records) clients[rankOf(rank, record)] += 1;
    return {period, clients};
  });
  const matrices = periods.slice(1).map((after, p) => transitionMatrix(periods[p].records, after.records, {states, includeEntries, includeExits}));
  return sankeyFromMatrices(columns, matrices, {states});
}

/**
 * The same graph from per-period tier counts and the consecutive periods'
 * transition matrices (matrices[p] runs from periods[p] to periods[p + 1]),
 * for when the engine has counted the flows.
 */
export function sankeyFromMatrices(
  periods: readonly {period: string; clients: readonly number[]}[],
  matrices: readonly TransitionMatrix[],
  {states}: {states: readonly string[]}
): SankeyGraph {
  const seen = new Set<string>();
  for (const {period} of periods) {
    if (seen.has(period)) throw new Error(`invalid period: ${period}`);
    seen.add(period);
  }
  if (matrices.length !== Math.max(0, periods.length - 1)) throw new Error(`invalid matrices: ${matrices.length} for ${periods.length} periods`);
  const nodeId = (period: string, state: string) => `${period}|${state}`;
  // Per period: its tier nodes, then an optional "new", then an optional "exited".
  const columns = periods.map(({period, clients}) => ({
    tiers: states.map((state, i): SankeyNode => ({id: nodeId(period, state), period, state, clients: clients[i]})),
    entered: undefined as SankeyNode | undefined,
    exited: undefined as SankeyNode | undefined,
  }));
  const links: SankeyLink[] = [];
  matrices.forEach((matrix, p) => {
    const before = periods[p].period;
    const after = periods[p + 1].period;
    matrix.rows.forEach((row, i) =>
      matrix.columns.forEach((column, j) => {
        const value = matrix.counts[i][j];
        if (value > 0) links.push({source: nodeId(before, row), target: nodeId(after, column), value, aum: matrix.aum[i][j]});
      })
    );
    const entryRow = matrix.rows.indexOf(ENTERED);
    const exitColumn = matrix.columns.indexOf(EXITED);
    const entries = entryRow >= 0 ? matrix.rowTotals[entryRow] : 0;
    const exits = exitColumn >= 0 ? matrix.columnTotals[exitColumn] : 0;
    if (entries > 0) columns[p].entered = {id: nodeId(before, ENTERED), period: before, state: ENTERED, clients: entries};
    if (exits > 0) columns[p + 1].exited = {id: nodeId(after, EXITED), period: after, state: EXITED, clients: exits};
  });

  const nodes = columns.flatMap(({tiers, entered, exited}) => [...tiers, ...(entered ? [entered] : []), ...(exited ? [exited] : [])]);
  return {nodes, links};
}
