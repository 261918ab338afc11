// Migration page data: transition matrices between quarters (consecutive and
// any chosen pair), rates, the Sankey across all quarters, branches ranked by
// net upgrades with a drill-down, and a next-quarter projection. The same for
// clusters and RFM segments. Flows are counted in the engine (flowsSql); the
// segmentation core turns them into matrices, rates and projections.

import type {Config} from "../../src/config/schema.js";
import {
  matrixFromFlows,
  migrationRates,
  projectNext,
  sankeyFromMatrices,
  type Flow,
  type MigrationRates,
  type SankeyGraph,
  type TransitionMatrix,
} from "../../src/segmentation/migration/index.js";
import type {DuckDbEngine} from "../engine/duckdb.js";
import {flowsSql, stateCountsSql} from "./migrationSql.js";
import {retailLadder} from "../segment/definitions.js";
import {complementaryHidden, transitionLines} from "../../src/segmentation/privacy/index.js";

interface Dimension {
  id: "tier" | "cluster" | "rfm";
  column: string;
  states: string[];
}

function dimensions(config: Config, clusterCount: number): Dimension[] {
  const ladder = retailLadder(config);
  return [
    {id: "tier", column: `tier_${ladder.classification}`, states: ladder.tiers},
    // Clusters are ordered by centroid AUM, so "up" means a higher-AUM cluster.
    {id: "cluster", column: "CAST(cluster AS VARCHAR)", states: Array.from({length: clusterCount}, (_, i) => String(i))},
    // The RFM map is configured best first; the ladder runs low → high.
    {id: "rfm", column: "rfm_segment", states: config.rfm.segments.map((s) => s.id).reverse()},
  ];
}

type FlowRow = {grp: string; from_state: string; to_state: string; clients: number; aum_cents: number};

async function flowsByGroup(engine: DuckDbEngine, query: Parameters<typeof flowsSql>[0]): Promise<Map<string, Flow[]>> {
  const groups = new Map<string, Flow[]>();
  for (const r of await engine.all<FlowRow>(flowsSql(query))) {
    const group = r.grp ?? "unknown";
    if (!groups.has(group)) groups.set(group, []);
    groups.get(group)!.push({from: r.from_state, to: r.to_state, clients: r.clients, aumCents: r.aum_cents});
  }
  return groups;
}

/**
 * Net upgrades only when both of its counts can be published: with upgrades
 * suppressed and downgrades at 0, the net would give the upgrades back.
 */
function publishableNet(rates: MigrationRates, threshold: number): number | null {
  const small = (n: number) => n > 0 && n < threshold;
  return small(rates.upgraded.count) || small(rates.downgraded.count) ? null : rates.netUpgrades;
}

/**
 * The matrix as published: small cells and their complements hidden (null),
 * since each row, column and the upgrade / downgrade / stay totals are
 * published beside it (src/segmentation/privacy/complementary.ts).
 */
function compactMatrix(m: TransitionMatrix, threshold: number) {
  const hidden = complementaryHidden(m.counts, {threshold, lines: transitionLines(m.rows, m.columns, m.states)});
  const blank = (values: number[][]) => values.map((row, i) => row.map((v, j) => (hidden[i][j] ? null : v)));
  return {rows: m.rows, columns: m.columns, counts: blank(m.counts), aum: blank(m.aum)};
}

type PublishedMatrix = ReturnType<typeof compactMatrix>;
type PublishedLink = SankeyGraph["links"][number] | {source: string; target: string; value: null; aum: null; suppressed: true};

/**
 * The Sankey withholds the links whose cells the published consecutive
 * matrices hide (matrices[p] runs from periods[p] to periods[p + 1]), so that
 * the chart cannot give back what the matrix hides.
 */
function hideSankeyLinks(graph: SankeyGraph, periods: readonly string[], matrices: readonly PublishedMatrix[]): {nodes: SankeyGraph["nodes"]; links: PublishedLink[]} {
  const hidden = new Set<string>();
  matrices.forEach((m, p) => {
    m.rows.forEach((row, i) => m.columns.forEach((column, j) => m.counts[i][j] === null && hidden.add(`${periods[p]}|${row}→${periods[p + 1]}|${column}`)));
  });
  return {
    ...graph,
    links: graph.links.map((link): PublishedLink => (hidden.has(`${link.source}→${link.target}`) ? {...link, value: null, aum: null, suppressed: true} : link)),
  };
}

export async function migrationData(engine: DuckDbEngine, config: Config, {quarters, clusterCount}: {quarters: string[]; clusterCount: number}) {
  const out: Record<string, unknown> = {quarters};
  const threshold = config.privacy.suppressionThreshold;
  for (const dim of dimensions(config, clusterCount)) {
    const options = {states: dim.states};
    const matrixOf = async (from: string, to: string) => matrixFromFlows((await flowsByGroup(engine, {state: dim.column, from, to})).get("") ?? [], options);

    const pairs = [];
    const consecutive: TransitionMatrix[] = [];
    for (let a = 0; a < quarters.length; ++a) {
      for (let b = a + 1; b < quarters.length; ++b) {
        // Every pair for the official tiers (the page lets leadership pick any
        // two quarters); consecutive pairs only for clusters and RFM.
        if (dim.id !== "tier" && b !== a + 1) continue;
        const matrix = await matrixOf(quarters[a], quarters[b]);
        if (b === a + 1) consecutive.push(matrix);
        const rates = migrationRates(matrix);
        pairs.push({from: quarters[a], to: quarters[b], consecutive: b === a + 1, matrix: compactMatrix(matrix, threshold), rates: {...rates, netUpgrades: publishableNet(rates, threshold)}});
      }
    }

    const branches = [];
    const regions = [];
    if (dim.id === "tier") {
      for (let a = 0; a + 1 < quarters.length; ++a) {
        const [from, to] = [quarters[a], quarters[a + 1]];
        // A league table: most net upgrades first, then by name. It is ordered
        // by the published net, so a group whose net is withheld goes last (by
        // name): its place in the table would give the net away.
        const league = async (groupBy: "branch_id" | "region") =>
          [...(await flowsByGroup(engine, {state: dim.column, from, to, groupBy}))]
            .map(([group, flows]) => {
              const matrix = matrixFromFlows(flows, options);
              const rates = migrationRates(matrix);
              return {group, matrix, rates, net: publishableNet(rates, threshold)};
            })
            .sort((x, y) => (x.net === null ? 1 : 0) - (y.net === null ? 1 : 0) || (y.net ?? 0) - (x.net ?? 0) || (x.group < y.group ? -1 : x.group > y.group ? 1 : 0));
        for (const g of await league("branch_id")) {
          branches.push({from, to, branch: g.group, netUpgrades: g.net, rates: {...g.rates, netUpgrades: g.net}, matrix: compactMatrix(g.matrix, threshold)});
        }
        for (const g of await league("region")) {
          regions.push({from, to, region: g.group, netUpgrades: g.net, rates: {...g.rates, netUpgrades: g.net}});
        }
      }
    }

    const counts = await engine.all<{quarter: string; state: string; clients: number}>(stateCountsSql(dim.column));
    const mixOf = (quarter: string) => dim.states.map((s) => counts.find((c) => c.quarter === quarter && c.state === s)?.clients ?? 0);

    let projection = null;
    if (consecutive.length) {
      const latest = quarters.at(-1)!;
      const mix: Record<string, number> = Object.fromEntries(dim.states.map((s, i) => [s, mixOf(latest)[i]]));
      const next = projectNext(consecutive.at(-1)!, mix);
      // Rows, so that small current and projected counts pass the same suppression as every other count.
      projection = {
        projected: true,
        basedOn: {from: quarters.at(-2)!, to: latest},
        rows: dim.states.map((state) => ({state, clients: mix[state], projected: Math.round(next.mix[state])})),
        exited: Math.round(next.exited),
        entered: Math.round(next.entered),
      };
    }

    out[dim.id] = {
      classification: dim.id === "tier" ? retailLadder(config).classification : null,
      states: dim.states,
      pairs,
      branches,
      regions,
      sankey:
        dim.id === "tier"
          ? hideSankeyLinks(
              sankeyFromMatrices(quarters.map((period) => ({period, clients: mixOf(period)})), consecutive, options),
              quarters,
              pairs.filter((p) => p.consecutive).map((p) => p.matrix)
            )
          : null,
      projection,
    };
  }
  return out;
}
