// Migration page data: transition matrices between quarters (consecutive and
// any chosen pair), rates, the Sankey across all quarters, branches ranked by
// net upgrades with a drill-down, and a next-quarter projection. The same for
// clusters and RFM segments.

import type {Config} from "../../src/config/schema.js";
import {
  betweenPeriods,
  byGroup,
  projectNext,
  sankeyGraph,
  type MigrationRecord,
  type PeriodRecords,
  type TransitionMatrix,
} from "../../src/segmentation/migration/index.js";
import type {DuckDbEngine} from "../engine/duckdb.js";
import {literal} from "../sql/dialect.js";
import {retailLadder} from "./definitions.js";

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

async function periodRecords(engine: DuckDbEngine, quarter: string, column: string): Promise<PeriodRecords> {
  const rows = await engine.all<{id: string; state: string; aum: number; region: string; branch: string}>(`
    SELECT client_pid AS id, ${column} AS state, aum, region, branch_id AS branch
    FROM segments WHERE client_type = 'retail' AND quarter = ${literal(quarter)} ORDER BY client_pid`);
  return {period: quarter, records: rows as MigrationRecord[]};
}

function compactMatrix(m: TransitionMatrix) {
  return {rows: m.rows, columns: m.columns, counts: m.counts, aum: m.aum};
}

export async function migrationData(engine: DuckDbEngine, config: Config, {quarters, clusterCount}: {quarters: string[]; clusterCount: number}) {
  const out: Record<string, unknown> = {quarters};
  for (const dim of dimensions(config, clusterCount)) {
    const periods: PeriodRecords[] = [];
    for (const q of quarters) periods.push(await periodRecords(engine, q, dim.column));
    const options = {states: dim.states};

    const pairs = [];
    for (let a = 0; a < periods.length; ++a) {
      for (let b = a + 1; b < periods.length; ++b) {
        // Every pair for the official tiers (the page lets leadership pick any
        // two quarters); consecutive pairs only for clusters and RFM.
        if (dim.id !== "tier" && b !== a + 1) continue;
        const {from, to, matrix, rates} = betweenPeriods(periods[a], periods[b], options);
        pairs.push({from, to, consecutive: b === a + 1, matrix: compactMatrix(matrix), rates});
      }
    }

    const branches = [];
    const regions = [];
    if (dim.id === "tier") {
      for (let a = 0; a + 1 < periods.length; ++a) {
        const from = periods[a].period;
        const to = periods[a + 1].period;
        for (const g of byGroup(periods[a].records, periods[a + 1].records, "branch", options))
          branches.push({from, to, branch: g.group, netUpgrades: g.rates.netUpgrades, rates: g.rates, matrix: compactMatrix(g.matrix)});
        for (const g of byGroup(periods[a].records, periods[a + 1].records, "region", options))
          regions.push({from, to, region: g.group, netUpgrades: g.rates.netUpgrades, rates: g.rates});
      }
    }

    let projection = null;
    if (periods.length >= 2) {
      const last = pairs.filter((p) => p.consecutive).at(-1)!;
      const latest = periods.at(-1)!;
      const mix: Record<string, number> = Object.fromEntries(dim.states.map((s) => [s, 0]));
      for (const r of latest.records) mix[r.state] += 1;
      const matrix = betweenPeriods(periods.at(-2)!, latest, options).matrix;
      const next = projectNext(matrix, mix);
      // Rows, so that small current and projected counts pass the same suppression as every other count.
      projection = {
        projected: true,
        basedOn: {from: last.from, to: last.to},
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
      sankey: dim.id === "tier" ? sankeyGraph(periods, options) : null,
      projection,
    };
  }
  return out;
}
