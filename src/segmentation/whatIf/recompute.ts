// What-if recomputation for the Explore page: the same core the pipeline
// runs, on a client sample, in the browser. Given changed rules, k, features
// and RFM bins it returns every retail classification's tier sizes (baseline
// beside what-if), the cluster × tier table, RFM segment sizes and a migration
// preview between the sample's two latest quarters.
//
// As the pipeline does it:
// - the value history (was_value_client, quarters_below_value, which the churn
//   rule reads) runs over every quarter of the sample, from the value-client
//   classification of the rules in force (baseline or what-if);
// - {feature, top} rules rank a client among the quarter's sample;
// - clusters are assigned with the model the pipeline trained (its centres,
//   scaling and fills), unless k or the features differ from it: only then is
//   a model trained, on the sample, with the configured restarts.
// With a sample of every client, tiers, RFM segments and clusters equal the
// pipeline's (test/segmentation/whatIf/recompute.test.ts).

import {featureCatalogue} from "../../config/features.js";
import type {Classification, Config, KmeansConfig, RfmConfig} from "../../config/schema.js";
import {contingencyTable} from "../agreement/index.js";
import {assignClusters, fitClusters, type ClusterModel} from "../clusters/index.js";
import {valueHistory, type ValueHistory} from "../history/index.js";
import {transitionMatrix, type TransitionMatrix} from "../migration/index.js";
import {rfmFeatures, rfmScores, rfmSegments, scaleSegmentMap} from "../rfm/index.js";
import {classifier, compileRules, rankIndex, rankedFeatures, type Classifier, type Ladder} from "../rules/index.js";
import type {ClientPeriod} from "../types.js";

export interface SampleColumns {
  present: boolean[];
  [feature: string]: (number | boolean | string | null)[];
}

export interface ExplorerSample {
  size: number;
  /** The two latest quarters: previous, latest. */
  quarters: string[];
  previous: SampleColumns;
  latest: SampleColumns;
  /** The quarters before them, with the features the value history needs (the churn rule reads it). */
  history?: {quarters: string[]; columns: SampleColumns[]};
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

export interface RecomputeOptions {
  /** The what-if classifications (all of them; the retail ones are recomputed). */
  classifications: readonly Classification[];
  /** The configuration's classifications, for the baseline. */
  baseline?: readonly Classification[];
  kmeans: KmeansConfig;
  rfm: RfmConfig;
  /** The configuration's RFM settings, for the baseline (default: rfm). */
  baselineRfm?: RfmConfig;
  /** The classification whose migration and cluster × tier table are shown. */
  ladder: string;
  /** kpis.valueClient: the classification and tier the value history follows. */
  valueClient: Config["kpis"]["valueClient"];
  /** The configuration's own features (its `features` section), for the rules' catalogue. */
  features?: Config["features"];
  /** The model the pipeline trained (model.json); used while k and the features are its own. */
  model?: ClusterModel;
}

export interface WhatIf {
  milliseconds: number;
  /** Every retail classification's tiers, in configuration order, latest quarter. */
  tierSizes: {classification: string; tier: string; baseline: number; whatIf: number}[];
  crossTab: {row: string; col: string; value: number; rowShare: number}[];
  clusterIds: string[];
  /** Where the clusters come from: the pipeline's model, or one trained on the sample for another k or features. */
  clusterModel: "published" | "retrained";
  /** The latest quarter's records (client_pid = sample position), their what-if tiers and clusters, in the same order. */
  latest: {records: ClientPeriod[]; tiers: Record<string, string>[]; clusters: Int32Array; rfmSegments: (string | null)[]};
  matrix: TransitionMatrix;
  rfm: {r: Uint8Array; fm: Uint8Array};
  /** RFM segments, baseline (configured bins) beside what-if (the chosen bins). */
  rfmSizes: {segment: string; baseline: number; whatIf: number}[];
}

/** A classifier for one quarter's records: {feature, top} rules rank among them. */
const classifierFor = (ladders: readonly Ladder[], records: readonly ClientPeriod[]): Classifier => classifier(ladders, {ranks: rankIndex(records, rankedFeatures(ladders))});

/**
 * The records of every quarter of the sample, the last two with the value
 * history the rules' value-client classification gives (valueHistory, as
 * the pipeline draws it).
 */
function withHistory(sample: ExplorerSample, ladders: readonly Ladder[], valueClient: RecomputeOptions["valueClient"]): {previous: ClientPeriod[]; latest: ClientPeriod[]} {
  const upToValue = ladders.slice(0, ladders.findIndex((l) => l.id === valueClient.classification) + 1);
  if (!upToValue.length) throw new Error(`invalid value client classification: ${valueClient.classification}`);
  const quarters = [...(sample.history?.columns ?? []), sample.previous, sample.latest].map(sampleRecords);
  let history = new Map<string, ValueHistory>();
  const out: ClientPeriod[][] = [];
  for (const records of quarters) {
    const classify = classifierFor(upToValue, records);
    const step = valueHistory(records, history, (record) => classify(record)[valueClient.classification] === valueClient.tier);
    history = step.history;
    out.push(step.records);
  }
  return {previous: out.at(-2)!, latest: out.at(-1)!};
}

/** Whether k-means settings are the ones a model was trained with (then its assignment is the pipeline's). */
export function sameClusterSettings(model: ClusterModel, kmeans: Pick<KmeansConfig, "k" | "features">): boolean {
  return (
    model.k === kmeans.k &&
    model.features.length === kmeans.features.length &&
    model.features.every((f, j) => f.feature === kmeans.features[j].feature && f.transform === kmeans.features[j].transform)
  );
}

export function recompute(sample: ExplorerSample, options: RecomputeOptions): WhatIf {
  const {classifications, baseline = classifications, kmeans, rfm, baselineRfm = rfm, ladder, valueClient, features, model} = options;
  const started = performance.now();
  const catalogue = featureCatalogue({features});
  const retailLadders = (list: readonly Classification[]) => compileRules(list.filter((c) => c.appliesTo === "retail"), {features: catalogue});
  const whatIfLadders = retailLadders(classifications);
  const baselineLadders = retailLadders(baseline);
  const ladderConfig = classifications.find((c) => c.id === ladder);
  if (!ladderConfig) throw new Error(`invalid ladder: ${ladder}`);
  const tiers = ladderConfig.tiers.map((t) => t.id);

  const whatIf = withHistory(sample, whatIfLadders, valueClient);
  const base = withHistory(sample, baselineLadders, valueClient);
  const tiersOf = (ladders: readonly Ladder[], records: readonly ClientPeriod[]) => {
    const classify = classifierFor(ladders, records);
    return records.map((r) => classify(r));
  };
  const latestTiers = tiersOf(whatIfLadders, whatIf.latest);
  const baselineTiers = tiersOf(baselineLadders, base.latest);
  const tierSizes = whatIfLadders.flatMap((l) =>
    l.tiers.map(({id}) => ({
      classification: l.id,
      tier: id,
      baseline: baselineTiers.filter((t) => t[l.id] === id).length,
      whatIf: latestTiers.filter((t) => t[l.id] === id).length,
    }))
  );

  const published = model !== undefined && sameClusterSettings(model, kmeans);
  const clusterModel = published ? model : fitClusters(whatIf.latest, {...kmeans, sampleSize: Math.min(kmeans.sampleSize, whatIf.latest.length)}, {idField: "client_pid"});
  const clusters = assignClusters(clusterModel, whatIf.latest);
  const ladderTiers = latestTiers.map((t) => t[ladder]);
  const table = contingencyTable(Array.from(clusters, String), ladderTiers, {cols: tiers});
  const crossTab = table.rows.flatMap((row, i) => {
    const total = table.counts[i].reduce((s, c) => s + c, 0);
    return table.cols.map((col, j) => ({row, col, value: table.counts[i][j], rowShare: total ? table.counts[i][j] / total : 0}));
  });

  const previousClassify = classifierFor(whatIfLadders, whatIf.previous);
  const states = tiers.slice().reverse(); // configuration lists tiers high → low
  const matrix = transitionMatrix(
    whatIf.previous.map((r) => ({id: r.client_pid as string, state: previousClassify(r)[ladder]})),
    whatIf.latest.map((r, i) => ({id: r.client_pid as string, state: ladderTiers[i]})),
    {states}
  );

  // RFM, scored within the sample's latest quarter; a map written for the configured bins is rescaled to the chosen ones.
  const segmentsOf = (settings: RfmConfig) => {
    const scores = rfmScores(whatIf.latest, rfmFeatures(settings));
    const map = scaleSegmentMap(settings.segments, baselineRfm.bins, settings.bins);
    return {scores, ids: Array.from(rfmSegments(scores, map, {bins: settings.bins}), (i) => (i < 0 ? null : map[i].id))};
  };
  const rfmWhatIf = segmentsOf(rfm);
  const rfmBaseline = segmentsOf(baselineRfm);
  const rfmSizes = baselineRfm.segments.map((s) => ({
    segment: s.id,
    baseline: rfmBaseline.ids.filter((id) => id === s.id).length,
    whatIf: rfmWhatIf.ids.filter((id) => id === s.id).length,
  }));

  return {
    milliseconds: performance.now() - started,
    tierSizes,
    crossTab,
    clusterIds: table.rows,
    clusterModel: published ? "published" : "retrained",
    latest: {records: whatIf.latest, tiers: latestTiers, clusters, rfmSegments: rfmWhatIf.ids},
    matrix,
    rfm: {r: rfmWhatIf.scores.r, fm: rfmWhatIf.scores.fm},
    rfmSizes,
  };
}
