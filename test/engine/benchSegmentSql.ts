// Throughput of the in-engine segmentation (not a test): `clients` synthetic
// retail clients × 4 quarters generated inside the engine, then segmentInEngine.
//   npx tsx test/engine/benchSegmentSql.ts [clients=250000] [duckdb|postgres|both] [id-hash|md5]
// PostgreSQL runs on a throwaway local server (see postgresServer.ts).

import {openDuckDb} from "../../loaders/engine/duckdb.js";
import {openEngine, type Engine} from "../../loaders/engine/engine.js";
import {segmentInEngine, type TrainingSampler} from "../../loaders/segment/segmentInEngine.js";
import {periodTablesSql} from "../../loaders/features/periodsSql.js";
import {defaultConfig, quarters} from "./synthetic.js";
import {startPostgres} from "./postgresServer.js";

const clients = Number(process.argv[2] ?? 250_000);
const which = process.argv[3] ?? "both";
const sampler = (process.argv[4] ?? "md5") as TrainingSampler;

// Deterministic pseudo-random columns from the row number: portable arithmetic only.
function featuresSql(n: number): string {
  const h = (a: number, m: number) => `((g.i * ${a} + q.n * 7919) % ${m})`;
  return `CREATE TABLE features AS
    SELECT 'P' || CAST(g.i AS VARCHAR) AS client_pid, q.quarter, CAST('retail' AS VARCHAR) AS client_type,
           CAST('R' || CAST(g.i % 7 AS VARCHAR) AS VARCHAR) AS region, CAST('B' AS VARCHAR) AS parent_branch, CAST('B' || CAST(g.i % 50 AS VARCHAR) AS VARCHAR) AS branch_id,
           CAST(${h(104729, 6000011)} AS DOUBLE PRECISION) AS avg_daily_aum,
           CAST(${h(130363, 400009)} AS DOUBLE PRECISION) AS aum_last_month,
           CAST(${h(31, 12)} AS INTEGER) AS frequency,
           CAST(${h(7907, 50021)} AS DOUBLE PRECISION) AS monetary,
           CAST(${h(613, 400)} AS INTEGER) AS recency_days,
           CAST(${h(613, 400)} AS INTEGER) AS days_since_last_txn,
           CAST(${h(17, 7)} AS INTEGER) AS product_count,
           CAST(${h(211, 240)} AS INTEGER) AS tenure_months,
           ${h(97, 50)} = 0 AS is_closed
    FROM (SELECT CAST(i AS BIGINT) AS i FROM generate_series(1, ${n}) s(i)) g
    CROSS JOIN (SELECT quarter, ROW_NUMBER() OVER (ORDER BY quarter) AS n FROM periods) q`;
}

async function prepare(engine: Engine) {
  for (const sql of periodTablesSql(quarters)) await engine.run(sql);
  await engine.run(featuresSql(clients));
  await engine.run(`CREATE TABLE corporate_features AS SELECT 'C1' AS client_pid, '2024Q1' AS quarter, 'R' AS region, 'B' AS parent_branch, 'B1' AS branch_id,
    'other' AS industry, CAST(10 AS BIGINT) AS employees, CAST(1 AS DOUBLE PRECISION) AS revenue, CAST(1 AS DOUBLE PRECISION) AS total_assets,
    CAST(1 AS DOUBLE PRECISION) AS avg_daily_deposits, CAST(1 AS DOUBLE PRECISION) AS period_end_deposits, CAST(NULL AS DOUBLE PRECISION) AS pos_settlement_monthly,
    CAST(NULL AS BIGINT) AS payroll_headcount, CAST(NULL AS DOUBLE PRECISION) AS payroll_amount_monthly, CAST(NULL AS BIGINT) AS company_cards,
    CAST(NULL AS VARCHAR) AS credit_rating, FALSE AS adverse_credit, CAST(0 AS DOUBLE PRECISION) AS loan_balance, FALSE AS stable_lending,
    FALSE AS strategic_agreement, CAST(0 AS DOUBLE PRECISION) AS settlement_share, FALSE AS online_banking_daily, FALSE AS supported_sector, FALSE AS has_loan`);
}

async function bench(name: string, engine: Engine) {
  await prepare(engine);
  const start = performance.now();
  await segmentInEngine(engine, defaultConfig, {sampler, onProgress: (m) => console.log(`  ${name} +${((performance.now() - start) / 1000).toFixed(1)} s: ${m}`)});
  const seconds = (performance.now() - start) / 1000;
  const rows = clients * quarters.length;
  console.log(`${name}: ${rows} client-quarters segmented in ${seconds.toFixed(1)} s (${Math.round(rows / seconds)} per second, ${sampler} sample)`);
}

if (which === "duckdb" || which === "both") {
  const duck = await openDuckDb({memoryLimit: process.env.SEG_BENCH_MEMORY ?? "3GB", tempDirectory: process.env.SEG_BENCH_SPILL});
  await bench("duckdb", duck);
  duck.close();
}
if (which === "postgres" || which === "both") {
  const server = await startPostgres();
  try {
    const pg = await openEngine("postgres", {postgres: {host: server.host, port: server.port, user: server.user, database: server.database}});
    await pg.run(`SET work_mem = '256MB'`);
    await bench("postgres", pg);
    await pg.close();
  } finally {
    server.stop();
  }
}
