// What-if recomputation for the Explore page: the same core the pipeline
// runs, on a client sample, in the browser. Given changed rules, k, features
// and RFM bins it returns tier sizes (baseline beside what-if), the cluster ×
// tier table and a migration preview between the sample's two quarters.

import {featureNames} from "../../config/features.js";
import type {Classification, KmeansConfig, RfmConfig} from "../../config/schema.js";
import {contingencyTable} from "../agreement/index.js";
import {assignClusters, fitClusters} from "../clusters/index.js";
import {transitionMatrix, type TransitionMatrix} from "../migration/index.js";
import {rfmFeatures, rfmScores} from "../rfm/index.js";
import {classifier, compileRules} from "../rules/index.js";
import type {ClientPeriod} from "../types.js";

export interface SampleColumns {
  present: boolean[];
  [feature: string]: (number | boolean | null)[];
}

export interface ExplorerSample {
  size: number;
  quarters: string[];
  previous: SampleColumns;
  latest: SampleColumns;
}

/** Rows of one quarter from the sample's columns; ids are sample positions. */
export function sampleRecords(columns: SampleColumns): ClientPeriod[] {
  const features = Object.keys(columns).filter((f) => f !== "present");
  const out: ClientPeriod[] = [];
  columns.present.forEach((present, i) => {
    if (!present) return;
    const record: Record<string, number | string | boolean | null> = {client_pid: String(i)};
    for (const f of features) record[f] = columns[f][i];
    out.push(record);
  });
  return out;
}

const browserTrainingSample = 5000; // clients: keeps k-means under ~100 ms in a page

export function recompute(
  sample: ExplorerSample,
  {classifications, baseline = classifications, kmeans, rfm, ladder}: {classifications: readonly Classification[]; baseline?: readonly Classification[]; kmeans: KmeansConfig; rfm: RfmConfig; ladder: string}
): {milliseconds: number; tierSizes: {tier: string; baseline: number; whatIf: number}[]; crossTab: {row: string; col: string; value: number; rowShare: number}[]; clusterIds: string[]; matrix: TransitionMatrix; rfm: {r: Uint8Array; fm: Uint8Array}} {
  const started = performance.now();
  const retail = (list: readonly Classification[]) => classifier(compileRules(list.filter((c) => c.appliesTo === "retail"), {features: featureNames}));
  const whatIf = retail(classifications);
  const base = retail(baseline);
  const ladderConfig = classifications.find((c) => c.id === ladder);
  if (!ladderConfig) throw new Error(`invalid ladder: ${ladder}`);
  const tiers = ladderConfig.tiers.map((t) => t.id);

  const latest = sampleRecords(sample.latest);
  const previous = sampleRecords(sample.previous);
  const latestTiers = latest.map((r) => whatIf(r)[ladder]);
  const baselineTiers = latest.map((r) => base(r)[ladder]);
  const tierSizes = tiers.map((tier) => ({
    tier,
    baseline: baselineTiers.filter((t) => t === tier).length,
    whatIf: latestTiers.filter((t) => t === tier).length,
  }));

  const model = fitClusters(latest, {...kmeans, sampleSize: Math.min(kmeans.sampleSize, browserTrainingSample), restarts: Math.min(kmeans.restarts, 3)}, {idField: "client_pid"});
  const clusters = assignClusters(model, latest);
  const table = contingencyTable(Array.from(clusters, String), latestTiers, {cols: tiers});
  const crossTab = table.rows.flatMap((row, i) => {
    const total = table.counts[i].reduce((s, c) => s + c, 0);
    return table.cols.map((col, j) => ({row, col, value: table.counts[i][j], rowShare: total ? table.counts[i][j] / total : 0}));
  });

  const states = tiers.slice().reverse(); // configuration lists tiers high → low
  const matrix = transitionMatrix(
    previous.map((r) => ({id: r.client_pid as string, state: whatIf(r)[ladder]})),
    latest.map((r, i) => ({id: r.client_pid as string, state: latestTiers[i]})),
    {states}
  );
  const scores = rfmScores(latest, rfmFeatures(rfm));
  return {milliseconds: performance.now() - started, tierSizes, crossTab, clusterIds: table.rows, matrix, rfm: {r: scores.r, fm: scores.fm}};
}
