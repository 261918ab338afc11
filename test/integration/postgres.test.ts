// The pipeline on a PostgreSQL-protocol warehouse equals the pipeline on
// DuckDB. A small demo bank is loaded and validated on DuckDB; its x_* tables
// and pid_map are copied into a throwaway PostgreSQL server (the bank's
// warehouse "already holds the data"); staging, features and the in-engine
// segmentation then run on PostgreSQL, and every output table must equal the
// DuckDB run row for row, money rounded to the cent. SEG_PG_TEST_RETAIL and
// SEG_PG_TEST_CORPORATE make the bank larger, for timing.

import {mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {demoKey} from "../../loaders/anonymise/key.js";
import {parseConfig} from "../../loaders/config/index.js";
import {defaultConfigPath} from "../../loaders/config/resolve.js";
import {generateDemoBank} from "../../loaders/demo/generate.js";
import {openDuckDb} from "../../loaders/engine/duckdb.js";
import {openEngine, type Engine} from "../../loaders/engine/engine.js";
import {copyTable} from "../support/copyTable.js";
import {loadExtract} from "../../loaders/extract/loadExtract.js";
import {segmentAll} from "../support/segmentAll.js";
import {runPipeline} from "../../loaders/pipeline/run.js";
import {writeSiteData} from "../../loaders/publish/writeSiteData.js";
import {segmentInEngine} from "../../loaders/segment/segmentInEngine.js";
import {pseudonymise} from "../../loaders/anonymise/pseudonymise.js";
import {stage} from "../../loaders/anonymise/stage.js";
import {createPeriods, reportingQuarters} from "../../loaders/features/calendar.js";
import {computeFeatures} from "../../loaders/features/computeFeatures.js";
import type {Config} from "../../src/config/schema.js";
import {postgresUnavailable, startPostgres, type TestPostgres} from "../engine/postgresServer.js";

const unavailable = postgresUnavailable();
if (unavailable) console.warn(`skipping the PostgreSQL integration test: ${unavailable}`);

const retailClients = Number(process.env.SEG_PG_TEST_RETAIL ?? 1_500);
const corporateClients = Number(process.env.SEG_PG_TEST_CORPORATE ?? 100);
const sourceTables = ["x_branches", "x_clients", "x_balances", "x_transactions", "x_corporate_metrics", "x_campaigns", "x_campaign_members", "x_campaign_targets", "pid_map"];
const outputs = [
  {table: "features", key: ["quarter", "client_pid"]},
  {table: "corporate_features", key: ["quarter", "client_pid"]},
  {table: "monthly_aum", key: ["month", "client_pid"]},
  {table: "segments", key: ["quarter", "client_type", "client_pid"]},
] as const;

type Row = Record<string, unknown>;

/** Rows sorted by key in code-unit order (engines' collations differ). */
function sorted(rows: Row[], key: readonly string[]): Row[] {
  const text = (r: Row) => key.map((k) => String(r[k])).join("\u0000");
  return rows.slice().sort((a, b) => (text(a) < text(b) ? -1 : text(a) > text(b) ? 1 : 0));
}

// Money is equal when it rounds to the same cent; a sum taken in another order
// may sit on the other side of a half cent by 1e-10, so half a cent apart is the same cent.
const halfCent = 0.005;

/** The columns where two rows differ: text, integers and booleans exactly, money to the cent. */
function differences(a: Row, b: Row): string[] {
  return Object.keys(a).filter((k) => {
    const x = a[k];
    const y = b[k];
    if (typeof x === "number" && typeof y === "number" && !(Number.isInteger(x) && Number.isInteger(y))) return !(Math.abs(x - y) < halfCent);
    return x !== y;
  });
}

/** Every number to 9 significant digits, for comparing models trained on the two engines' features. */
function roundedDeep(value: unknown): unknown {
  if (typeof value === "number") return Number.isInteger(value) ? value : Number(value.toPrecision(9));
  if (Array.isArray(value)) return value.map(roundedDeep);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, roundedDeep(v)]));
  return value;
}

const timings: Record<string, Record<string, number>> = {duckdb: {}, postgres: {}};
async function timed<T>(engine: "duckdb" | "postgres", step: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await work();
  timings[engine][step] = Math.round(performance.now() - start);
  return result;
}

describe.skipIf(unavailable)("the pipeline on PostgreSQL equals the pipeline on DuckDB", () => {
  let server: TestPostgres | undefined;
  let duck: Engine;
  let pg: Engine;
  let tmp: string;
  let config: Config;
  let models: {duckdb: unknown; postgres: unknown; duckdbSql: unknown};

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(tmpdir(), "seg-pg-bank-"));
    const bank = await generateDemoBank({outDir: path.join(tmp, "demo"), retailClients, corporateClients, quarters: 4, firstQuarter: "2024Q1", seed: 7});
    config = parseConfig(readFileSync(defaultConfigPath, "utf8"));
    server = await startPostgres();

    duck = await openDuckDb();
    await timed("duckdb", "extract", () => loadExtract(duck, {config, extractDir: bank.extractDir}));
    await timed("duckdb", "pseudonymise", () => pseudonymise(duck, demoKey));
    const quarters = await reportingQuarters(duck);
    await timed("duckdb", "staging + features", async () => {
      await createPeriods(duck, quarters);
      await stage(duck, {ageBands: config.privacy.ageBands, minGroup: config.privacy.suppressionThreshold});
      await computeFeatures(duck);
    });
    const js = await timed("duckdb", "segment.ts (Node loop)", () => segmentAll(duck, config));
    const sql = await timed("duckdb", "segmentInEngine", () => segmentInEngine(duck, config, {table: "segments_sql"}));

    pg = await openEngine("postgres", {postgres: {host: server.host, port: server.port, user: server.user, database: server.database, schema: "seg_test"}});
    await timed("postgres", "copy x_* + pid_map from DuckDB", async () => {
      for (const table of sourceTables) await copyTable(duck, pg, table);
    });
    const pgQuarters = await reportingQuarters(pg);
    expect(pgQuarters).toEqual(quarters);
    await timed("postgres", "staging + features", async () => {
      await createPeriods(pg, pgQuarters);
      await stage(pg, {ageBands: config.privacy.ageBands, minGroup: config.privacy.suppressionThreshold});
      await computeFeatures(pg);
    });
    const onPg = await timed("postgres", "segmentInEngine", () => segmentInEngine(pg, config));
    models = {duckdb: js.model, postgres: onPg.model, duckdbSql: sql.model};
    console.info(`timings (ms) for ${retailClients} retail / ${corporateClients} corporate clients, 4 quarters: ${JSON.stringify(timings)}`);
  }, 900_000);

  afterAll(async () => {
    await pg?.close();
    duck?.close();
    server?.stop();
    if (tmp) rmSync(tmp, {recursive: true, force: true});
  });

  for (const {table, key} of outputs) {
    it(`gives the same ${table}, row for row`, async () => {
      const expected = sorted(await duck.all<Row>(`SELECT * FROM ${table}`), key);
      const actual = sorted(await pg.all<Row>(`SELECT * FROM ${table}`), key);
      expect(expected.length).toBeGreaterThan(100);
      expect(actual.length).toBe(expected.length);
      expect(Object.keys(actual[0])).toEqual(Object.keys(expected[0]));
      const mismatches = actual.flatMap((row, i) => {
        const columns = differences(row, expected[i]);
        return columns.length ? [{columns, postgres: row, duckdb: expected[i]}] : [];
      });
      expect(mismatches.slice(0, 3)).toEqual([]);
    });
  }

  it("trains the same cluster model on both engines and in both segmentation paths", () => {
    // On one engine the two paths train on identical numbers; across engines a
    // feature summed in another order may differ in its last bits, and so may the model.
    expect(models.duckdbSql).toEqual(models.duckdb);
    expect(roundedDeep(models.postgres)).toEqual(roundedDeep(models.duckdb));
  });

  it("segments every retail client-quarter into tiers, an RFM segment and a cluster on PostgreSQL", async () => {
    const [counts] = await pg.all<{n: number; tiers: number; rfm: number; clusters: number}>(
      `SELECT COUNT(*) AS n, COUNT(tier_retail_tier) AS tiers, COUNT(rfm_segment) AS rfm, COUNT(DISTINCT cluster) AS clusters FROM segments WHERE client_type = 'retail'`
    );
    const [{features}] = await pg.all<{features: number}>(`SELECT COUNT(*) AS features FROM features`);
    expect(counts.n).toBe(features);
    expect(counts.tiers).toBe(features);
    expect(counts.rfm).toBe(features);
    expect(counts.clusters).toBe(config.kmeans.k);
  });

  it("runs the whole warehouse pipeline (npm run pipeline -- --engine postgres) to the same published numbers", async () => {
    // The bank's warehouse holds only the extract: a fresh schema with the x_* tables.
    const warehouse = await openEngine("postgres", {postgres: {host: server!.host, port: server!.port, user: server!.user, database: server!.database, schema: "seg_warehouse"}});
    for (const table of sourceTables.filter((t) => t !== "pid_map")) await copyTable(duck, warehouse, table);
    await warehouse.close();
    const workDir = path.join(tmp, "work");
    const env = {PGHOST: server!.host, PGPORT: String(server!.port), PGUSER: server!.user, PGDATABASE: server!.database, SEG_PG_SCHEMA: "seg_warehouse", SEG_PSEUDONYM_KEY: demoKey};
    // Twice, as a bank would re-run it: the second run must clear the first's tables.
    await runPipeline({engine: "postgres", env, workDir});
    const result = await runPipeline({engine: "postgres", env, workDir, force: true});
    const manifest = JSON.parse(readFileSync(path.join(result.dir, "manifest.json"), "utf8"));
    // The reference: the same site data written from the DuckDB run above.
    const reference = path.join(tmp, "duck-site");
    const run = JSON.parse(readFileSync(path.join(result.dir, "run.json"), "utf8"));
    await writeSiteData(duck, config, {dir: reference, run, manifest, model: models.duckdbSql as never});
    // Each client's money agrees to the cent (see the row-for-row tests); a
    // published sum of many clients' cents may then differ by a few cents
    // where one engine's double sat a hair on the other side of a half cent.
    const differ = (a: unknown, b: unknown, at: string): string[] => {
      if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) <= Math.max(0.05, 1e-9 * Math.abs(a)) ? [] : [`${at}: ${a} ≠ ${b}`];
      if (Array.isArray(a) && Array.isArray(b)) return a.length !== b.length ? [`${at}: length`] : a.flatMap((x, i) => differ(x, b[i], `${at}[${i}]`));
      if (a && b && typeof a === "object" && typeof b === "object") {
        const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
        return [...keys].flatMap((k) => differ((a as Row)[k], (b as Row)[k], `${at}.${k}`));
      }
      return a === b ? [] : [`${at}: ${String(a)} ≠ ${String(b)}`];
    };
    for (const file of ["overview", "segments", "migration", "campaigns"]) {
      const fromWarehouse = JSON.parse(readFileSync(path.join(result.dir, "site", `${file}.json`), "utf8"));
      const fromDuckDb = JSON.parse(readFileSync(path.join(reference, `${file}.json`), "utf8"));
      // Cluster models agree to 9 digits (see above); compare what the pages show.
      delete fromWarehouse.diagnostics;
      delete fromDuckDb.diagnostics;
      expect(differ(fromWarehouse, fromDuckDb, file).slice(0, 5)).toEqual([]);
    }
  }, 600_000);
});
