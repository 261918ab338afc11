// Overview page data: headline KPIs per quarter, the retail tier mix, clients
// by type and region. Counts, not clients: nothing here identifies anyone.

import type {Config} from "../../src/config/schema.js";
import type {DuckDbEngine} from "../engine/duckdb.js";
import {exactSum, literal} from "../engine/dialect.js";
import {dormantRule, retailLadder, valueClientRule} from "../segment/definitions.js";

export interface QuarterKpis {
  quarter: string;
  retailClients: number;
  corporateClients: number;
  retailAum: number;
  vipClients: number;
  vipChange: number | null;
  valueClients: number;
  dormantClients: number;
  dormantShare: number;
}

export async function overviewData(engine: DuckDbEngine, config: Config) {
  const ladder = retailLadder(config);
  const tierColumn = `tier_${ladder.classification}`;
  const value = valueClientRule(config);
  const dormant = dormantRule(config);
  const vipList = ladder.vipTiers.map(literal).join(", ") || "NULL";

  const kpiRows = await engine.all<Omit<QuarterKpis, "vipChange" | "dormantShare">>(`
    SELECT quarter,
           SUM(CASE WHEN client_type = 'retail' THEN 1 ELSE 0 END) AS "retailClients",
           SUM(CASE WHEN client_type = 'corporate' THEN 1 ELSE 0 END) AS "corporateClients",
           ${exactSum("CASE WHEN client_type = 'retail' THEN aum ELSE 0 END")} AS "retailAum",
           SUM(CASE WHEN ${tierColumn} IN (${vipList}) THEN 1 ELSE 0 END) AS "vipClients",
           SUM(CASE WHEN tier_${value.classification} = ${literal(value.tier)} THEN 1 ELSE 0 END) AS "valueClients",
           SUM(CASE WHEN tier_${dormant.classification} = ${literal(dormant.tier)} THEN 1 ELSE 0 END) AS "dormantClients"
    FROM segments GROUP BY quarter ORDER BY quarter`);
  // A change is published only when both counts are: the previous quarter's
  // suppressed count would otherwise be this one minus the change.
  const small = (n: number) => n > 0 && n < config.privacy.suppressionThreshold;
  const kpis: QuarterKpis[] = kpiRows.map((row, i) => ({
    ...row,
    vipChange: i === 0 || small(row.vipClients) || small(kpiRows[i - 1].vipClients) ? null : row.vipClients - kpiRows[i - 1].vipClients,
    dormantShare: row.retailClients ? row.dormantClients / row.retailClients : 0,
  }));

  const tierMix = await engine.all<{quarter: string; tier: string; clients: number; aum: number}>(`
    SELECT quarter, ${tierColumn} AS tier, COUNT(*) AS clients, ${exactSum("aum")} AS aum
    FROM segments WHERE client_type = 'retail'
    GROUP BY quarter, ${tierColumn} ORDER BY quarter, tier`);

  const byRegion = await engine.all<{quarter: string; clientType: string; region: string; clients: number}>(`
    SELECT quarter, client_type AS "clientType", region, COUNT(*) AS clients
    FROM segments GROUP BY quarter, client_type, region ORDER BY quarter, "clientType", region`);

  return {classification: ladder.classification, tiers: ladder.tiers, vipTiers: ladder.vipTiers, kpis, tierMix, byRegion};
}
