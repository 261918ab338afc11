// Test support. The reference segmentation step, in Node, with the segmentation core
// itself: every client-quarter gets its official tiers (rule engine), RFM
// scores and segment, and a behavioural cluster, written into the engine's
// `segments` table, one quarter in memory at a time. The pipeline runs the
// same rules as SQL in the engine (segmentInEngine.ts); tests hold the two
// equal row for row.

import {featureNames} from "../../src/config/features.js";
import type {Config} from "../../src/config/schema.js";
import {classifier, compileRules} from "../../src/segmentation/rules/index.js";
import {withSizeClass} from "../../src/segmentation/tiers/index.js";
import type {ClientPeriod} from "../../src/segmentation/types.js";
import {rfmFeatures, rfmScores, rfmSegmentOf} from "../../src/segmentation/rfm/index.js";
import {assignClusters, clusterDiagnostics, clusterLabels, fitClusters} from "../../src/segmentation/clusters/index.js";
import type {DuckDbEngine} from "../../loaders/engine/duckdb.js";
import {literal} from "../../loaders/engine/dialect.js";
import {valueHistory, type ValueHistory} from "../../src/segmentation/history/index.js";
import {valueClientRule} from "../../loaders/segment/definitions.js";
import {rowInOrder, segmentsSchema, tierColumn} from "../../loaders/segment/segmentsTable.js";
import type {SegmentationModel} from "../../loaders/segment/model.js";

export async function segmentAll(engine: DuckDbEngine, config: Config, {onProgress = (_: string) => {}} = {}): Promise<{model: SegmentationModel}> {
  const quarters = (await engine.all<{quarter: string}>(`SELECT quarter FROM periods ORDER BY quarter`)).map((r) => r.quarter);
  const ladders = compileRules(config.classifications, {features: featureNames});
  const classifyRetail = classifier(ladders.filter((c) => c.appliesTo === "retail"));
  const classifyCorporate = classifier(ladders.filter((c) => c.appliesTo === "corporate"));
  const tierColumns = (tiers: Record<string, string>) => Object.fromEntries(Object.entries(tiers).map(([id, tier]) => [tierColumn(id), tier]));

  // Clusters are trained once, on the latest quarter, and every quarter is
  // assigned with that model, so that cluster migration compares like with like.
  const latest = quarters.at(-1)!;
  const latestRecords = await retailFeatures(engine, latest);
  onProgress(`clusters: training k=${config.kmeans.k} on a sample of ${Math.min(config.kmeans.sampleSize, latestRecords.length)} of ${latestRecords.length} clients (${latest})`);
  const model = fitClusters(latestRecords, config.kmeans, {idField: "client_pid"});
  const labels = clusterLabels(model, config.kmeans.features);
  const diagnostics = clusterDiagnostics(latestRecords, config.kmeans, {idField: "client_pid"});

  const schema = segmentsSchema(config);
  await engine.run(`CREATE TABLE segments (${schema.map((c) => `${c.name} ${c.type}`).join(", ")})`);
  let history = new Map<string, ValueHistory>();
  const value = valueClientRule(config);

  for (const quarter of quarters) {
    const retail = quarter === latest ? latestRecords : await retailFeatures(engine, quarter);
    const step = valueHistory(retail, history, (record) => classifyRetail(record)[value.classification] === value.tier);
    history = step.history;
    const withHistory = step.records;
    const scores = rfmScores(withHistory, rfmFeatures(config.rfm));
    const clusters = assignClusters(model, withHistory);
    const place = (record: ClientPeriod) => ({client_pid: record.client_pid, quarter, region: record.region, parent_branch: record.parent_branch, branch_id: record.branch_id});
    const rows: unknown[][] = withHistory.map((record, i) =>
      rowInOrder<unknown>(schema, {
        ...place(record),
        client_type: "retail",
        aum: record.avg_daily_aum,
        ...tierColumns(classifyRetail(record)),
        rfm_r: scores.r[i],
        rfm_f: scores.f[i],
        rfm_m: scores.m[i],
        rfm_fm: scores.fm[i],
        rfm_segment: rfmSegmentOf(scores.r[i], scores.fm[i], config.rfm.segments),
        cluster: clusters[i],
      }, null)
    );
    const corporate = (await engine.all<ClientPeriod>(`SELECT * FROM corporate_features WHERE quarter = ${literal(quarter)} ORDER BY client_pid`)).map(
      (record) => withSizeClass(record, config.enterpriseSize)
    );
    for (const record of corporate) {
      rows.push(rowInOrder<unknown>(schema, {...place(record), client_type: "corporate", aum: record.avg_daily_deposits, ...tierColumns(classifyCorporate(record))}, null));
    }
    await engine.appendRows("segments", schema.map((c) => c.name), rows);
    onProgress(`segments: ${quarter} ${retail.length} retail, ${corporate.length} corporate`);
  }

  return {
    model: {
      clusters: {model, labels, trainedOn: latest, diagnostics},
      classifications: config.classifications.map((c) => ({id: c.id, appliesTo: c.appliesTo, tiers: c.tiers.map((t) => t.id)})),
    },
  };
}

async function retailFeatures(engine: DuckDbEngine, quarter: string): Promise<ClientPeriod[]> {
  return engine.all<ClientPeriod>(`SELECT * FROM features WHERE quarter = ${literal(quarter)} ORDER BY client_pid`);
}
