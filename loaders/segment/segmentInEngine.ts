// Segmentation step, in the engine: the same `segments` table segment.ts
// builds, but every client-quarter stays where the data is. Tiers, enterprise
// size, value history, RFM and cluster assignment are generated SQL
// (loaders/segment/segmentSql.ts); only the k-means training sample comes back to
// Node, where the model is trained exactly as segment.ts trains it.
//
// Training sample, two ways (option `sampler`):
// - "id-hash" (default): sampleByHash of src/segmentation/random.ts over the
//   latest quarter's pseudonyms, so the sample, the model and every cluster
//   equal segment.ts's. The latest quarter's pseudonyms pass through Node
//   100,000 at a time (keyBatches), so memory stays flat at any bank size;
// - "md5": the `sampleSize` clients with the smallest md5('<seed>:' || client_pid),
//   chosen in the engine (a top-N sort); only the sample travels. Deterministic
//   and the same on every engine, but a different sample from segment.ts's, so
//   clusters are numbered from a different (equally valid) model.

import {featureNames} from "../../src/config/features.js";
import type {Config} from "../../src/config/schema.js";
import {clusterDiagnostics, clusterLabels, fitClusters} from "../../src/segmentation/clusters/index.js";
import {hashSampler} from "../../src/segmentation/random.js";
import {compileRules} from "../../src/segmentation/rules/index.js";
import type {ClientPeriod} from "../../src/segmentation/types.js";
import {keyBatches} from "../engine/keyBatches.js";
import {describeTable, type Engine} from "../engine/engine.js";
import {literal} from "../engine/dialect.js";
import {tiersSelectSql} from "./rulesSql.js";
import {clusterSelectSql, columnKind, ident, rfmSelectSql, sizeClassSql, valueHistorySql, type ColumnKind} from "./segmentSql.js";
import {rowInOrder, segmentsSchema, tierColumn} from "./segmentsTable.js";
import {valueClientRule} from "./definitions.js";
import type {SegmentationModel} from "./model.js";

export type TrainingSampler = "id-hash" | "md5";

export interface SegmentInEngineOptions {
  onProgress?: (message: string) => void;
  sampler?: TrainingSampler;
  /** The output table; default segments. */
  table?: string;
}

const historyTable = "seg_value_history";
const sampleTable = "seg_training_ids";

export async function segmentInEngine(
  engine: Engine,
  config: Config,
  {onProgress = () => {}, sampler = "id-hash", table = "segments"}: SegmentInEngineOptions = {}
): Promise<{model: SegmentationModel}> {
  const quarters = (await engine.all<{quarter: string}>(`SELECT quarter FROM periods ORDER BY quarter`)).map((r) => r.quarter);
  if (!quarters.length) throw new Error("invalid reporting calendar: no quarters");
  const latest = quarters.at(-1)!;
  // The configuration's rules, typed against the feature catalogue (checked at load; this is the guard).
  const ladders = compileRules(config.classifications, {features: featureNames});
  const retail = ladders.filter((c) => c.appliesTo === "retail");
  const corporate = ladders.filter((c) => c.appliesTo === "corporate");

  // Clusters are trained once, on the latest quarter, as in segment.ts.
  const {records: sample, population} = await trainingRecords(engine, config, latest, sampler);
  onProgress(`clusters: training k=${config.kmeans.k} on a sample of ${sample.length} of ${population} clients (${latest}, ${sampler} sample)`);
  const model = fitClusters(sample, config.kmeans, {idField: "client_pid"});
  const labels = clusterLabels(model, config.kmeans.features);
  const diagnostics = clusterDiagnostics(sample, config.kmeans, {idField: "client_pid"});

  const features = await kinds(engine, "features");
  const corporateFeatures = await kinds(engine, "corporate_features");

  // Value history reads the value classification decided without history
  // features (segment.ts classifies the plain record for it).
  const value = valueClientRule(config);
  const upToValue = retail.slice(0, retail.findIndex((c) => c.id === value.classification) + 1);
  if (!upToValue.length) throw new Error(`invalid value client classification: ${value.classification}`);
  const plainTiers = tiersSelectSql(upToValue, {source: "features", columns: features, tierColumn});
  onProgress("segments: value history");
  await engine.run(`DROP TABLE IF EXISTS ${historyTable}`);
  await engine.run(
    `CREATE TABLE ${historyTable} AS ${valueHistorySql({
      source: `SELECT client_pid, quarter, ${ident(tierColumn(value.classification))} = ${literal(value.tier)} AS is_value FROM (${plainTiers}) t`,
    })}`
  );

  const retailColumns = new Map<string, ColumnKind>([...features, ["was_value_client", "boolean"], ["quarters_below_value", "number"]]);
  const retailSource = `SELECT f.*, h.was_value_client, h.quarters_below_value FROM features f JOIN ${historyTable} h ON h.client_pid = f.client_pid AND h.quarter = f.quarter`;
  const retailScored = clusterSelectSql(model, {
    source: rfmSelectSql(config.rfm, {source: tiersSelectSql(retail, {source: retailSource, columns: retailColumns, tierColumn}), columns: retailColumns}),
    columns: retailColumns,
  });

  const sizeFeature = "size_class";
  const corporateColumns = new Map<string, ColumnKind>([...corporateFeatures, [sizeFeature, "text"]]);
  const corporateSource = `SELECT ${[...corporateFeatures.keys()].filter((c) => c !== sizeFeature).map((c) => `c.${ident(c)}`).join(", ")}, ${sizeClassSql(config.enterpriseSize, {columns: corporateFeatures})} AS ${sizeFeature} FROM corporate_features c`;
  const corporateTiered = tiersSelectSql(corporate, {source: corporateSource, columns: corporateColumns, tierColumn});

  const place = {client_pid: "client_pid", quarter: "quarter", region: "region", parent_branch: "parent_branch", branch_id: "branch_id"};
  const tiers = (list: typeof ladders) => Object.fromEntries(list.map((c) => [tierColumn(c.id), ident(tierColumn(c.id))]));
  const rfm = {rfm_r: "rfm_r", rfm_f: "rfm_f", rfm_m: "rfm_m", rfm_fm: "rfm_fm", rfm_segment: "rfm_segment", cluster: "cluster"};
  const retailValues = {...place, client_type: "'retail'", aum: "avg_daily_aum", ...tiers(retail), ...rfm};
  const corporateValues = {...place, client_type: "'corporate'", aum: "avg_daily_deposits", ...tiers(corporate)};
  // Every value cast to the column's portable type, so both halves of the UNION and both engines agree.
  const schema = segmentsSchema(config);
  const select = (values: Record<string, string>, source: string) =>
    `SELECT ${rowInOrder(schema, values, "NULL").map((v, i) => `CAST(${v} AS ${schema[i].type}) AS ${ident(schema[i].name)}`).join(", ")} FROM (${source}) t`;
  const named = `${select(retailValues, retailScored)}\nUNION ALL\n${select(corporateValues, corporateTiered)}`;
  onProgress(`segments: tiers, RFM and clusters for ${quarters.length} quarters in the engine`);
  await engine.run(`DROP TABLE IF EXISTS ${ident(table)}`);
  await engine.run(`CREATE TABLE ${ident(table)} AS ${named}`);
  await engine.run(`DROP TABLE IF EXISTS ${historyTable}`);

  const counts = await engine.all<{quarter: string; client_type: string; n: number}>(
    `SELECT quarter, client_type, COUNT(*) AS n FROM ${ident(table)} GROUP BY quarter, client_type ORDER BY quarter, client_type`
  );
  for (const q of quarters) {
    const n = (type: string) => counts.find((c) => c.quarter === q && c.client_type === type)?.n ?? 0;
    onProgress(`segments: ${q} ${n("retail")} retail, ${n("corporate")} corporate`);
  }

  return {
    model: {
      clusters: {model, labels, trainedOn: latest, diagnostics},
      classifications: config.classifications.map((c) => ({id: c.id, appliesTo: c.appliesTo, tiers: c.tiers.map((t) => t.id)})),
    },
  };
}

async function kinds(engine: Engine, table: string): Promise<Map<string, ColumnKind>> {
  return new Map((await describeTable(engine, table)).map((c) => [c.name, columnKind(c.type)]));
}

/** The latest quarter's training sample as plain records, and how many clients it was drawn from. */
async function trainingRecords(engine: Engine, config: Config, latest: string, sampler: TrainingSampler): Promise<{records: ClientPeriod[]; population: number}> {
  const {sampleSize: size, seed} = config.kmeans;
  const where = `f.quarter = ${literal(latest)}`;
  const [{n: population}] = await engine.all<{n: number}>(`SELECT COUNT(*) AS n FROM features f WHERE ${where}`);
  if (population <= size) return {records: await engine.all<ClientPeriod>(`SELECT f.* FROM features f WHERE ${where} ORDER BY f.client_pid`), population};
  if (sampler === "md5") {
    const key = `md5(${literal(`${seed}:`)} || f.client_pid)`;
    const records = await engine.all<ClientPeriod>(`SELECT f.* FROM features f WHERE ${where} ORDER BY ${key}, f.client_pid LIMIT ${Math.floor(size)}`);
    return {records, population};
  }
  if (sampler !== "id-hash") throw new Error(`invalid sampler: ${sampler}`);
  // sampleByHash over every pseudonym, a batch at a time (hashSampler keeps
  // the best `size` so far): the same sample, without millions of ids in Node.
  const hashed = hashSampler({size, seed});
  for await (const ids of keyBatches(engine, {column: "f.client_pid", from: "features f", where})) hashed.add(ids);
  await engine.run(`DROP TABLE IF EXISTS ${sampleTable}`);
  await engine.run(`CREATE TABLE ${sampleTable} (client_pid VARCHAR)`);
  try {
    await engine.appendRows(sampleTable, ["client_pid"], hashed.ids().map((id) => [id]));
    const records = await engine.all<ClientPeriod>(
      `SELECT f.* FROM features f JOIN ${sampleTable} s ON s.client_pid = f.client_pid WHERE ${where} ORDER BY f.client_pid`
    );
    return {records, population};
  } finally {
    await engine.run(`DROP TABLE IF EXISTS ${sampleTable}`);
  }
}
