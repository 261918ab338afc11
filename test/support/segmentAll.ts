// Test support. The reference segmentation step, in Node, with the segmentation core
// itself: every client-quarter gets its official tiers (rule engine), RFM
// scores and segment, and a behavioural cluster, written into the engine's
// `segments` table, one quarter in memory at a time. The pipeline runs the
// same rules as SQL in the engine (segmentInEngine.ts); tests hold the two
// equal row for row.

import type {Config} from "../../src/config/schema.js";
import {compileClassifications, withSizeClass, type ClientPeriod} from "../../src/segmentation/tiers/index.js";
import {rfmScores, rfmSegmentOf} from "../../src/segmentation/rfm/index.js";
import {assignClusters, clusterDiagnostics, clusterLabels, fitClusters} from "../../src/segmentation/clusters/index.js";
import type {DuckDbEngine} from "../../loaders/engine/duckdb.js";
import {literal} from "../../loaders/engine/dialect.js";
import {valueHistory, type ValueHistory} from "../../src/segmentation/history/index.js";
import {valueClientRule} from "../../loaders/segment/definitions.js";
import {segmentColumns} from "../../loaders/segment/segmentInEngine.js";
import type {SegmentationModel} from "../../loaders/segment/model.js";



export async function segmentAll(engine: DuckDbEngine, config: Config, {onProgress = (_: string) => {}} = {}): Promise<{model: SegmentationModel}> {
  const quarters = (await engine.all<{quarter: string}>(`SELECT quarter FROM periods ORDER BY quarter`)).map((r) => r.quarter);
  const retailClassifications = config.classifications.filter((c) => c.appliesTo === "retail");
  const corporateClassifications = config.classifications.filter((c) => c.appliesTo === "corporate");
  const classifyRetail = compileClassifications(retailClassifications);
  const classifyCorporate = compileClassifications(corporateClassifications);

  // Clusters are trained once, on the latest quarter, and every quarter is
  // assigned with that model, so that cluster migration compares like with like.
  const latest = quarters.at(-1)!;
  const latestRecords = await retailFeatures(engine, latest);
  onProgress(`clusters: training k=${config.kmeans.k} on a sample of ${Math.min(config.kmeans.sampleSize, latestRecords.length)} of ${latestRecords.length} clients (${latest})`);
  const model = fitClusters(latestRecords, config.kmeans, {idField: "client_pid"});
  const labels = clusterLabels(model, config.kmeans.features);
  const diagnostics = clusterDiagnostics(latestRecords, config.kmeans, {idField: "client_pid"});

  const columns = segmentColumns(config);
  await engine.run(`CREATE TABLE segments (${columns.map(([n, t]) => `${n} ${t}`).join(", ")})`);
  let history = new Map<string, ValueHistory>();
  const value = valueClientRule(config);

  for (const quarter of quarters) {
    const retail = quarter === latest ? latestRecords : await retailFeatures(engine, quarter);
    const step = valueHistory(retail, history, (record) => classifyRetail(record)[value.classification] === value.tier);
    history = step.history;
    const withHistory = step.records;
    const scores = rfmScores(withHistory, config.rfm);
    const clusters = assignClusters(model, withHistory);
    const rows: unknown[][] = withHistory.map((record, i) => {
      const tiers = classifyRetail(record);
      return [
        record.client_pid, quarter, "retail", record.region, record.parent_branch, record.branch_id, record.avg_daily_aum,
        ...config.classifications.map((c) => (c.appliesTo === "retail" ? tiers[c.id] : null)),
        scores.r[i], scores.f[i], scores.m[i], scores.fm[i], rfmSegmentOf(scores.r[i], scores.fm[i], config.rfm.segments), clusters[i],
      ];
    });
    const corporate = (await engine.all<ClientPeriod>(`SELECT * FROM corporate_features WHERE quarter = ${literal(quarter)} ORDER BY client_pid`)).map(
      (record) => withSizeClass(record, config.enterpriseSize)
    );
    for (const record of corporate) {
      const tiers = classifyCorporate(record);
      rows.push([
        record.client_pid, quarter, "corporate", record.region, record.parent_branch, record.branch_id, record.avg_daily_deposits,
        ...config.classifications.map((c) => (c.appliesTo === "corporate" ? tiers[c.id] : null)),
        null, null, null, null, null, null,
      ]);
    }
    await engine.appendRows("segments", columns.map(([n]) => n), rows);
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
