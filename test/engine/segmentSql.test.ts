// The generated segmentation SQL against the JS core, record by record, on
// DuckDB: tiers (nulls, '', unknown features, references), enterprise size,
// value history, RFM ties and missing values, cluster assignment and its ties.

import {createHash} from "node:crypto";
import {afterEach, beforeEach, describe, expect, it} from "vitest";
import {openDuckDb} from "../../loaders/engine/duckdb.js";
import {describeTable, type Engine} from "../../loaders/engine/engine.js";
import {segmentAll} from "../support/segmentAll.js";
import {segmentInEngine} from "../../loaders/segment/segmentInEngine.js";
import {tiersSelectSql} from "../../loaders/segment/rulesSql.js";
import {clusterSelectSql, columnKind, sizeClassSql} from "../../loaders/segment/segmentSql.js";
import {tierColumn} from "../../loaders/segment/segmentsTable.js";
import {featureCatalogue} from "../../src/config/features.js";
import {assignClusters, type ClusterModel} from "../../src/segmentation/clusters/index.js";
import {classifier, compileRules, rankIndex, rankedFeatures} from "../../src/segmentation/rules/index.js";
import {sizeClass} from "../../src/segmentation/tiers/index.js";
import type {ClientPeriod} from "../../src/segmentation/types.js";
import {defaultConfig, edgeClassifications, loadSynthetic, syntheticConfig} from "./synthetic.js";

let engine: Engine;
beforeEach(async () => {
  engine = await openDuckDb();
});
afterEach(() => engine.close());

const kinds = async (table: string) => new Map((await describeTable(engine, table)).map((c) => [c.name, columnKind(c.type)]));
const order = "ORDER BY quarter, client_type, client_pid";

describe("segmentInEngine builds the same segments table as segment.ts", () => {
  for (const seed of [1, 2, 3]) {
    it(`equals segmentAll on every client-quarter (seed ${seed})`, async () => {
      const config = syntheticConfig();
      const rows = await loadSynthetic(engine, {seed});
      expect(rows).toBeGreaterThan(1_900);
      const js = await segmentAll(engine, config);
      const sql = await segmentInEngine(engine, config, {table: "segments_sql"});
      const expected = await engine.all(`SELECT * FROM segments ${order}`);
      const actual = await engine.all(`SELECT * FROM segments_sql ${order}`);
      expect(actual.length).toBe(expected.length);
      expect(actual).toEqual(expected);
      expect(sql.model).toEqual(js.model);
      // the edge rules and RFM really were exercised
      const spread = (column: string) => new Set(expected.map((r) => (r as Record<string, unknown>)[column])).size;
      expect(spread("tier_edge")).toBeGreaterThanOrEqual(7);
      expect(spread("tier_churn")).toBe(3); // churned, retained, null for corporate
      expect(spread("rfm_segment")).toBeGreaterThanOrEqual(8);
      expect(spread("cluster")).toBe(5); // k = 4 plus null for corporate
    });
  }

  it("draws the md5 sample as documented: smallest md5('<seed>:' || client_pid) in the latest quarter", async () => {
    const config = syntheticConfig({sampleSize: 150});
    await loadSynthetic(engine, {seed: 9});
    const {model} = await segmentInEngine(engine, config, {sampler: "md5"});
    const ids = (await engine.all<{client_pid: string}>(`SELECT client_pid FROM features WHERE quarter = '2024Q4'`)).map((r) => r.client_pid);
    const md5 = (id: string) => createHash("md5").update(`${config.kmeans.seed}:${id}`).digest("hex");
    const expected = ids.sort((a, b) => (md5(a) < md5(b) ? -1 : md5(a) > md5(b) ? 1 : 0)).slice(0, 150);
    expect(model.clusters.model.trainedOn).toBe(150);
    const records = await engine.all<ClientPeriod>(`SELECT * FROM features WHERE quarter = '2024Q4' AND client_pid IN (${expected.map((id) => `'${id}'`).join(", ")})`);
    const again = await segmentInEngine(engine, {...config}, {sampler: "md5", table: "segments_again"});
    expect(again.model).toEqual(model);
    // the model is the one trained on exactly those records
    const {fitClusters} = await import("../../src/segmentation/clusters/index.js");
    expect(model.clusters.model).toEqual(fitClusters(records, config.kmeans));
  });
});

describe("the tier SQL follows the rule language's semantics on demo-like data", () => {
  it("gives every record the tier the JS back-end gives, edge rules included", async () => {
    await loadSynthetic(engine, {seed: 4});
    const classifications = [...defaultConfig.classifications.filter((c) => c.appliesTo === "retail" && c.id !== "churn"), ...edgeClassifications];
    const ladders = compileRules(classifications, {features: featureCatalogue(defaultConfig)});
    const records = await engine.all<ClientPeriod>(`SELECT * FROM features ${order}`);
    const sql = await engine.all<Record<string, string>>(`SELECT * FROM (${tiersSelectSql(ladders, {source: "features", columns: await kinds("features"), tierColumn})}) t ${order}`);
    // {feature, top} ranks within the quarter: one JS classifier per quarter
    const byQuarter = new Map<unknown, ClientPeriod[]>();
    for (const r of records) byQuarter.set(r.quarter, [...(byQuarter.get(r.quarter) ?? []), r]);
    const classifiers = new Map([...byQuarter].map(([q, rs]) => [q, classifier(ladders, {ranks: rankIndex(rs, rankedFeatures(ladders))})]));
    records.forEach((record, i) => {
      const classify = classifiers.get(record.quarter)!;
      const expected = classify(record);
      for (const id of classify.ids) expect(sql[i][tierColumn(id)], `${record.client_pid} ${record.quarter} ${id}`).toBe(expected[id]);
    });
    expect(new Set(sql.map((r) => r.tier_edge)).size).toBe(8);
    // the bank's own rules decide here too: every contribution tier and deposit band occurs
    expect(new Set(sql.map((r) => r.tier_contribution))).toEqual(new Set(["core", "potential", "general"]));
    expect(new Set(sql.map((r) => r.tier_deposit_term_band)).size).toBe(4);
  });

  it("refuses a source whose column has another type than the catalogue's, or lacks it", async () => {
    await engine.run(`CREATE TABLE t (avg_daily_aum VARCHAR)`);
    const ladders = compileRules([defaultConfig.classifications[0]], {features: featureCatalogue(defaultConfig)});
    expect(() => tiersSelectSql(ladders, {source: "t", columns: new Map([["avg_daily_aum", "text"]]), tierColumn})).toThrow(
      "invalid feature column: avg_daily_aum is text in the source of retail_tier; its rules read it as number"
    );
    expect(() => tiersSelectSql(ladders, {source: "t", columns: new Map(), tierColumn})).toThrow("invalid feature column: avg_daily_aum is absent");
  });

  it("sizes enterprises by the national table as sizeClass does, fallback industry and missing metrics included", async () => {
    await loadSynthetic(engine, {seed: 5});
    const records = await engine.all<ClientPeriod>(`SELECT * FROM corporate_features ORDER BY quarter, client_pid`);
    const sql = await engine.all<{size_class: string}>(
      `SELECT ${sizeClassSql(defaultConfig.enterpriseSize, {columns: await kinds("corporate_features")})} AS size_class FROM corporate_features ORDER BY quarter, client_pid`
    );
    const classes = records.map((r) => sizeClass(r, defaultConfig.enterpriseSize).sizeClass);
    expect(sql.map((r) => r.size_class)).toEqual(classes);
    expect(new Set(classes).size).toBe(4);
  });
});

describe("the cluster SQL assigns the nearest centroid as assignClusters does", () => {
  it("breaks exact ties towards the lower cluster id", async () => {
    const model = {
      k: 4,
      seed: 1,
      features: [{feature: "x", transform: "none"}, {feature: "y", transform: "log1p"}],
      medians: [2, 0],
      means: [0, 0],
      sds: [1, 1],
      centroids: [[1, 0], [3, 0], [3, 0], [5, 0]],
    } as unknown as ClusterModel;
    await engine.run(`CREATE TABLE t (id INTEGER, x DOUBLE, y DOUBLE)`);
    await engine.run(`INSERT INTO t VALUES (1, 2, 0), (2, 4, -5), (3, 3, NULL), (4, NULL, 0), (5, 6, 0), (6, 0, 0), (7, 3.5, 0)`);
    const sql = await engine.all<{cluster: number}>(`SELECT cluster FROM (${clusterSelectSql(model, {source: "t", columns: await kinds("t")})}) c ORDER BY id`);
    const records = await engine.all<ClientPeriod>(`SELECT * FROM t ORDER BY id`);
    const js = Array.from(assignClusters(model, records));
    expect(sql.map((r) => r.cluster)).toEqual(js);
    expect(js).toEqual([0, 1, 1, 0, 3, 0, 1]);
  });
});
