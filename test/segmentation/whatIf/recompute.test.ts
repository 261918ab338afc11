// The Explore page's recompute() against the pipeline's own results on the
// same clients (the demo bank, via the outputs `npm run build` makes): with
// the configuration unchanged it assigns the pipeline's clusters with the
// model the pipeline trained, gives the pipeline's tier in every retail
// classification (churn's value history included) and its RFM segments; and
// every control of the page moves something the page shows.

import {readFileSync} from "node:fs";
import path from "node:path";
import {beforeAll, describe, expect, it} from "vitest";
import {openDuckDb} from "../../../loaders/engine/duckdb.js";
import {ensurePipeline} from "../../../loaders/pipeline/ensure.js";
import {explorerSampleWithIds} from "../../../loaders/publish/explorerSample.js";
import {withLeafValues, numericLeaves} from "../../../src/config/leaves.js";
import type {Config} from "../../../src/config/schema.js";
import type {ClusterModel} from "../../../src/segmentation/clusters/index.js";
import {recompute, type ExplorerSample, type RecomputeOptions, type WhatIf} from "../../../src/segmentation/whatIf/index.js";

let config: Config;
let model: ClusterModel;
let sample: ExplorerSample;
let ids: string[];
let pipeline: Map<string, Record<string, unknown>>;
let options: RecomputeOptions;
let result: WhatIf;
let dir: string;
let quarters: string[];

beforeAll(async () => {
  ({dir, config} = await ensurePipeline({quiet: true}));
  quarters = JSON.parse(readFileSync(path.join(dir, "run.json"), "utf8")).quarters;
  model = JSON.parse(readFileSync(path.join(dir, "model.json"), "utf8")).clusters.model;
  ({ids, sample} = await explorerSampleWithIds(dir, config, {quarters}));
  const engine = await openDuckDb();
  const rows = await engine.all<Record<string, unknown>>(`SELECT * FROM '${dir}/segments.parquet' WHERE quarter = '${quarters.at(-1)}' AND client_type = 'retail'`);
  engine.close();
  pipeline = new Map(rows.map((r) => [r.client_pid as string, r]));
  options = {
    classifications: config.classifications,
    kmeans: config.kmeans,
    rfm: config.rfm,
    ladder: config.migration.classification,
    valueClient: config.kpis.valueClient,
    features: config.features,
    model,
  };
  result = recompute(sample, options);
}, 900_000);

/** The pipeline's row of the i-th latest record of a result. */
const rowOf = (r: WhatIf, i: number, sampleIds = ids) => pipeline.get(sampleIds[Number(r.latest.records[i].client_pid)])!;

describe("recompute() with the configuration as it is", () => {
  it("samples every client of the demo bank's latest quarter", () => {
    expect(result.latest.records.length).toBe(pipeline.size);
  });

  it("assigns every sampled client the pipeline's cluster, with the model the pipeline trained", () => {
    expect(result.clusterModel).toBe("published");
    const wrong = result.latest.records.filter((_, i) => rowOf(result, i).cluster !== result.latest.clusters[i]);
    expect(wrong.length).toBe(0);
    expect(new Set(result.latest.clusters).size).toBe(config.kmeans.k);
  });

  it("assigns the pipeline's clusters to a small sample too: assignment does not depend on who else is sampled", async () => {
    const small = await explorerSampleWithIds(dir, {...config, privacy: {...config.privacy, sampleSize: 1500}}, {quarters});
    const r = recompute(small.sample, options);
    expect(r.latest.records.length).toBeLessThan(1500);
    expect(r.latest.records.filter((_, i) => rowOf(r, i, small.ids).cluster !== r.latest.clusters[i]).length).toBe(0);
  });

  it("gives every sampled client the pipeline's tier in every retail classification, churn's value history included", () => {
    const retail = config.classifications.filter((c) => c.appliesTo === "retail").map((c) => c.id);
    for (const id of retail) {
      const wrong = result.latest.tiers.filter((t, i) => rowOf(result, i)[`tier_${id}`] !== t[id]);
      expect(wrong.length, id).toBe(0);
    }
    // the history half of the churn rule decides for some clients (it was silently false before the sample carried history)
    const byHistory = result.latest.records.filter((r, i) => result.latest.tiers[i].churn === "churned" && r.is_closed === false);
    expect(byHistory.length).toBeGreaterThan(50);
    expect(byHistory.every((r) => r.was_value_client === true && (r.quarters_below_value as number) >= 2)).toBe(true);
  });

  it("gives the pipeline's RFM segment to every sampled client", () => {
    expect(result.latest.rfmSegments.filter((s, i) => rowOf(result, i).rfm_segment !== s).length).toBe(0);
    expect(result.rfmSizes.every((d) => d.baseline === d.whatIf)).toBe(true);
  });
});

describe("every control of the Explore page changes what it shows", () => {
  it("each threshold input moves the tier sizes of its classification", () => {
    const retail = config.classifications.filter((c) => c.appliesTo === "retail");
    const leaves = numericLeaves(retail);
    expect(leaves.length).toBeGreaterThan(8);
    for (const leaf of leaves) {
      // move the line to the value the median client has, so that clients cross it
      const values = result.latest.records.map((r) => r[leaf.feature]).filter((v): v is number => typeof v === "number").sort((a, b) => a - b);
      const moved = values[Math.floor(values.length / 2)] === leaf.value ? leaf.value * 2 + 1 : values[Math.floor(values.length / 2)];
      const classifications = config.classifications.map((c) => (c.appliesTo === "retail" ? withLeafValues(c, {[leaf.key]: moved}) : c));
      const r = recompute(sample, {...options, classifications, baseline: config.classifications});
      const changed = r.tierSizes.filter((d) => d.classification === leaf.classification && d.whatIf !== d.baseline);
      expect(changed.length, `${leaf.key} → ${moved}`).toBeGreaterThan(0);
    }
  }, 600_000);

  it("k and the feature checkboxes change the cluster × tier table, by a model trained on the sample", () => {
    const cells = (r: WhatIf) => JSON.stringify(r.crossTab.map((c) => c.value));
    const k = recompute(sample, {...options, kmeans: {...config.kmeans, k: config.kmeans.k + 1}});
    expect(k.clusterModel).toBe("retrained");
    expect(k.clusterIds.length).toBe(config.kmeans.k + 1);
    const fewer = recompute(sample, {...options, kmeans: {...config.kmeans, features: config.kmeans.features.slice(1)}});
    expect(fewer.clusterModel).toBe("retrained");
    expect(cells(fewer)).not.toBe(cells(result));
  }, 300_000);

  it("the RFM bins slider changes the RFM segment sizes, with the segment map rescaled to the bins", () => {
    for (const bins of [3, 4, 7, 10]) {
      const r = recompute(sample, {...options, rfm: {...config.rfm, bins}, baselineRfm: config.rfm});
      expect(r.rfmSizes.some((d) => d.whatIf !== d.baseline), `${bins} bins`).toBe(true);
      // every client still has a segment: the rescaled map covers every cell
      expect(r.latest.rfmSegments.filter((s) => s === null).length).toBe(0);
      expect(Math.max(...r.rfm.r)).toBe(bins);
    }
  });
});
