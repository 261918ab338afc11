// The Explore page's client sample: a seeded, pseudonymous sample of retail
// clients in the latest two quarters, with only the features the rules, RFM
// and clusters read, as columns. It is client-level data, so it is shipped
// only to analysts running the workspace locally, or in a published build when
// the configuration says privacy.publishSample: true.

import path from "node:path";
import type {Config} from "../../src/config/schema.js";
import type {Condition} from "../../src/config/schema.js";
import {sampleByHash} from "../../src/segmentation/random.js";
import {openDuckDb} from "../engine/duckdb.js";
import {literal} from "../engine/dialect.js";

function conditionFeatures(condition: Condition | undefined, out: Set<string>): void {
  if (!condition) return;
  if ("feature" in condition) out.add(condition.feature);
  if ("all" in condition) condition.all.forEach((c) => conditionFeatures(c, out));
  if ("any" in condition) condition.any.forEach((c) => conditionFeatures(c, out));
  if ("not" in condition) conditionFeatures(condition.not, out);
}

/** Features the configured retail rules, RFM and clusters read (history features excluded: derived in Node). */
export function explorerFeatures(config: Config): string[] {
  const features = new Set<string>();
  for (const c of config.classifications) if (c.appliesTo === "retail") for (const t of c.tiers) conditionFeatures(t.when, features);
  for (const f of config.kmeans.features) features.add(f.feature);
  features.add(config.rfm.recencyFeature).add(config.rfm.frequencyFeature).add(config.rfm.monetaryFeature);
  for (const derived of ["was_value_client", "quarters_below_value"]) features.delete(derived);
  return [...features].sort();
}

export async function explorerSample(dir: string, config: Config, {quarters, publish}: {quarters: string[]; publish: boolean}) {
  if (publish && !config.privacy.publishSample) {
    return {available: false, reason: "privacy.publishSample is false: the published site carries no client-level rows"};
  }
  const [previous, latest] = quarters.slice(-2);
  const features = explorerFeatures(config);
  const engine = await openDuckDb();
  try {
    const file = path.join(dir, "features.parquet").replaceAll("'", "''");
    const rows = await engine.all<Record<string, number | string | boolean | null>>(`
      SELECT client_pid, quarter, ${features.join(", ")}
      FROM '${file}' WHERE quarter IN (${literal(previous)}, ${literal(latest)}) ORDER BY client_pid, quarter`);
    const ids = [...new Set(rows.map((r) => r.client_pid as string))];
    const chosen = sampleByHash(ids, {size: config.privacy.sampleSize, seed: config.kmeans.seed});
    const index = new Map<string, number>();
    chosen.forEach((i, j) => index.set(ids[i], j));
    // Columns per quarter aligned on the sample; null where the client is absent that quarter.
    const columns = (quarter: string) => {
      const out: Record<string, (number | boolean | null)[]> = {present: new Array(chosen.length).fill(false)};
      for (const f of features) out[f] = new Array(chosen.length).fill(null);
      for (const r of rows) {
        const j = index.get(r.client_pid as string);
        if (j === undefined || r.quarter !== quarter) continue;
        out.present[j] = true;
        for (const f of features) out[f][j] = r[f] as number | boolean | null;
      }
      return out;
    };
    return {available: true, size: chosen.length, features, quarters: [previous, latest], previous: columns(previous), latest: columns(latest)};
  } finally {
    await engine.close();
  }
}
