// The analysts' notebook sample: a seeded, pseudonymous sample of retail
// clients in the latest quarter, their features joined with their segments
// (official tier, last quarter's tier, RFM, cluster, activity). It is
// client-level data from the anonymised extract (privacy level 2): for
// analysts' own machines, never for the published site (level 3).

import path from "node:path";
import type {Config} from "../../src/config/schema.js";
import {sampleByHash} from "../../src/segmentation/random.js";
import {openDuckDb} from "../engine/duckdb.js";
import {literal} from "../engine/dialect.js";
import {retailLadder} from "../segment/definitions.js";

export interface NotebookClient {
  client_pid: string;
  region: string | null;
  branch_id: string | null;
  age_band: string | null;
  tier: string;
  /** Last quarter's tier; null for a client new this quarter. */
  previous_tier: string | null;
  avg_daily_aum: number | null;
  frequency: number | null;
  monetary: number | null;
  recency_days: number | null;
  product_count: number | null;
  tenure_months: number | null;
  rfm_segment: string | null;
  cluster: number | null;
  activity: string | null;
}

export type NotebookSample =
  | {available: false; reason: string}
  | {available: true; quarter: string; previousQuarter: string | null; tiers: string[]; size: number; population: number; seed: number; clients: NotebookClient[]};

/** Why a published build carries no notebook data. */
export const notPublishedReason =
  "not the local preview (SEG_LOCAL=1 is set only by npm run dev): notebook data is client-level (anonymised extract, privacy level 2) and is never part of the published site; run npm run dev locally";

const sqlPath = (file: string) => file.replaceAll("'", "''");

export async function notebookSample(
  dir: string,
  config: Config,
  {quarters, size, seed = config.kmeans.seed, publish}: {quarters: readonly string[]; size: number; seed?: number; publish: boolean}
): Promise<NotebookSample> {
  // No exception for privacy.publishSample here: that setting is about the
  // Explore page's columns, not about analysts' free-form notebooks.
  if (publish) return {available: false, reason: notPublishedReason};
  const quarter = quarters.at(-1);
  if (!quarter) throw new Error(`invalid run: no quarters in ${dir}`);
  const previousQuarter = quarters.length > 1 ? quarters.at(-2)! : null;
  const ladder = retailLadder(config);
  const tierColumn = `tier_${ladder.classification}`;
  const activityColumn = `tier_${config.kpis.dormant.classification}`;
  const features = sqlPath(path.join(dir, "features.parquet"));
  const segments = sqlPath(path.join(dir, "segments.parquet"));
  const engine = await openDuckDb();
  try {
    const clients = await engine.all<NotebookClient>(`
      SELECT f.client_pid, f.region, f.branch_id, f.age_band,
        s.${tierColumn} AS tier, p.${tierColumn} AS previous_tier,
        ROUND(f.avg_daily_aum, 2) AS avg_daily_aum, f.frequency, ROUND(f.monetary, 2) AS monetary, f.recency_days, f.product_count, f.tenure_months,
        s.rfm_segment, s.cluster, s.${activityColumn} AS activity
      FROM '${features}' f
      JOIN '${segments}' s ON s.client_pid = f.client_pid AND s.quarter = f.quarter
      LEFT JOIN '${segments}' p ON p.client_pid = f.client_pid AND p.quarter = ${previousQuarter ? literal(previousQuarter) : "NULL"}
      WHERE f.quarter = ${literal(quarter)} AND f.client_type = 'retail'
      ORDER BY f.client_pid`);
    if (!clients.length) throw new Error(`invalid notebook sample: no retail clients in ${quarter}`);
    const chosen = sampleByHash(clients.map((c) => c.client_pid), {size, seed});
    return {
      available: true,
      quarter,
      previousQuarter,
      tiers: ladder.tiers,
      size: chosen.length,
      population: clients.length,
      seed,
      clients: Array.from(chosen, (i) => clients[i]),
    };
  } finally {
    engine.close();
  }
}
