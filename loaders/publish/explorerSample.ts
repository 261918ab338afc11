// The Explore page's client sample: a seeded, pseudonymous sample of retail
// clients in the latest two quarters, with only the features the rules, RFM
// and clusters read, as columns; and, for the quarters before them, the
// features the value history needs (the churn rule reads it). It is
// client-level data, so it is shipped only to analysts running the workspace
// locally, or in a published build when the configuration says
// privacy.publishSample: true.

import path from "node:path";
import type {Config} from "../../src/config/schema.js";
import type {Condition} from "../../src/config/schema.js";
import {sampleByHash} from "../../src/segmentation/random.js";
import type {ExplorerSample, SampleColumns} from "../../src/segmentation/whatIf/index.js";
import {openDuckDb} from "../engine/duckdb.js";
import {literal} from "../engine/dialect.js";

/** Made by segmentation from the value-client classification, not read from the features table. */
const historyFeatureNames = ["was_value_client", "quarters_below_value"];

function conditionFeatures(condition: Condition | undefined, out: Set<string>): void {
  if (!condition) return;
  if ("feature" in condition) out.add(condition.feature);
  if ("all" in condition) condition.all.forEach((c) => conditionFeatures(c, out));
  if ("any" in condition) condition.any.forEach((c) => conditionFeatures(c, out));
  if ("not" in condition) conditionFeatures(condition.not, out);
}

const rulesFeatures = (classifications: Config["classifications"]) => {
  const features = new Set<string>();
  for (const c of classifications) if (c.appliesTo === "retail") for (const t of c.tiers) conditionFeatures(t.when, features);
  for (const derived of historyFeatureNames) features.delete(derived);
  return features;
};

/** Features the configured retail rules, RFM and clusters read (history features excluded: the page draws them). */
export function explorerFeatures(config: Config): string[] {
  const features = rulesFeatures(config.classifications);
  for (const f of config.kmeans.features) features.add(f.feature);
  features.add(config.rfm.recencyFeature).add(config.rfm.frequencyFeature).add(config.rfm.monetaryFeature);
  return [...features].sort();
}

/** Features the value history reads in every quarter: those of the retail rules up to the value-client classification. */
export function historyFeatures(config: Config): string[] {
  const retail = config.classifications.filter((c) => c.appliesTo === "retail");
  const last = retail.findIndex((c) => c.id === config.kpis.valueClient.classification);
  return [...rulesFeatures(retail.slice(0, last + 1))].sort();
}

export async function explorerSample(dir: string, config: Config, {quarters, publish}: {quarters: string[]; publish: boolean}) {
  if (publish && !config.privacy.publishSample) {
    return {available: false, reason: "privacy.publishSample is false: the published site carries no client-level rows"};
  }
  const {sample} = await explorerSampleWithIds(dir, config, {quarters});
  return {available: true, ...sample};
}

/**
 * The sample and, for tests only, the pseudonyms of its clients in sample
 * order (the page gets positions, never pseudonyms).
 */
export async function explorerSampleWithIds(dir: string, config: Config, {quarters}: {quarters: string[]}): Promise<{ids: string[]; sample: ExplorerSample & {features: string[]}}> {
  const [previous, latest] = quarters.slice(-2);
  const earlier = quarters.slice(0, -2);
  const features = explorerFeatures(config);
  const history = historyFeatures(config);
  const engine = await openDuckDb();
  try {
    const file = literal(path.join(dir, "features.parquet"));
    const rows = await engine.all<Record<string, number | string | boolean | null>>(`
      SELECT client_pid, quarter, ${features.join(", ")}
      FROM ${file} WHERE quarter IN (${literal(previous)}, ${literal(latest)}) ORDER BY client_pid, quarter`);
    const ids = [...new Set(rows.map((r) => r.client_pid as string))];
    const chosen = sampleByHash(ids, {size: config.privacy.sampleSize, seed: config.kmeans.seed});
    const index = new Map<string, number>();
    chosen.forEach((i, j) => index.set(ids[i], j));
    // Columns per quarter aligned on the sample; null where the client is absent that quarter.
    const columns = (quarter: string, from: typeof rows, names: readonly string[]): SampleColumns => {
      const out: SampleColumns = {present: new Array(chosen.length).fill(false)};
      for (const f of names) out[f] = new Array(chosen.length).fill(null);
      for (const r of from) {
        const j = index.get(r.client_pid as string);
        if (j === undefined || r.quarter !== quarter) continue;
        out.present[j] = true;
        for (const f of names) out[f][j] = r[f];
      }
      return out;
    };
    const historyRows = earlier.length
      ? await engine.all<Record<string, number | string | boolean | null>>(
          `SELECT client_pid, quarter${history.map((f) => `, ${f}`).join("")} FROM ${file} WHERE quarter IN (${earlier.map(literal).join(", ")})`
        )
      : [];
    return {
      ids: Array.from(chosen, (i) => ids[i]),
      sample: {
        size: chosen.length,
        features,
        quarters: [previous, latest],
        previous: columns(previous, rows, features),
        latest: columns(latest, rows, features),
        history: {quarters: earlier, columns: earlier.map((q) => columns(q, historyRows, history))},
      },
    };
  } finally {
    await engine.close();
  }
}
