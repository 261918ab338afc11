// Data-quality page data: the manifest (read = accepted + quarantined per
// table), quarantine reasons, and key contact-field completeness of mid- and
// high-tier clients against the bank's 80% target (DOMAIN.md §1).

import type {Config} from "../../src/config/schema.js";
import type {DuckDbEngine} from "../engine/duckdb.js";
import {literal} from "../engine/dialect.js";
import {retailLadder} from "../segment/definitions.js";

export async function qualityData(engine: DuckDbEngine, config: Config, {asOf}: {asOf: string}) {
  const reasons = await engine.all<{table: string; reason: string; rows: number}>(`
    SELECT table_name AS "table", reason, COUNT(*) AS rows
    FROM quarantine GROUP BY table_name, reason ORDER BY "table", rows DESC, reason`);
  const ladder = retailLadder(config);
  const completeness = await engine.all<{tier: string; clients: number; phone: number; address: number; employer: number; complete: number}>(`
    SELECT s.tier_${ladder.classification} AS tier, COUNT(*) AS clients,
           SUM(CASE WHEN c.has_phone THEN 1 ELSE 0 END) AS phone,
           SUM(CASE WHEN c.has_address THEN 1 ELSE 0 END) AS address,
           SUM(CASE WHEN c.has_employer THEN 1 ELSE 0 END) AS employer,
           SUM(CASE WHEN c.has_phone AND c.has_address AND c.has_employer THEN 1 ELSE 0 END) AS complete
    FROM segments s JOIN s_clients c ON c.client_pid = s.client_pid
    WHERE s.client_type = 'retail' AND s.quarter = ${literal(asOf)}
    GROUP BY s.tier_${ladder.classification} ORDER BY tier`);
  return {asOf, classification: ladder.classification, reasons, completeness, vipTiers: ladder.vipTiers, target: config.kpis.completenessTarget};
}
