// The pipeline's steps on one engine, in order: extract → anonymise →
// features → export. Each step is a function of the engine and what earlier
// steps returned; run.ts strings them together and reports progress.

import {pseudonym} from "../anonymise/pseudonym.js";
import {keyBatches} from "../engine/keyBatches.js";
import type {DuckDbEngine} from "../engine/duckdb.js";
import {featuresSql} from "../sql/features.js";
import {periodTablesSql} from "../sql/periods.js";
import {stagingSql, type AgeBand} from "../sql/staging.js";
import {reportingCalendar as calendarOf, type ReportingCalendar} from "../../src/segmentation/periods/index.js";

/**
 * pid_map(client_id, client_pid, client_no): the only table that holds both
 * the client id and its pseudonym. client_no numbers the pseudonyms in their
 * sort order (1, 2, …): a compact key for the engine's own joins and groups,
 * which says nothing about the client id.
 */
export async function pseudonymise(engine: DuckDbEngine, key: string): Promise<number> {
  await engine.run(`CREATE TABLE pid_list (client_id VARCHAR, client_pid VARCHAR)`);
  // A batch at a time: millions of ids and pseudonyms never sit in Node at once.
  for await (const ids of keyBatches(engine, {column: "client_id", from: "x_clients"})) {
    await engine.appendRows("pid_list", ["client_id", "client_pid"], ids.map((id) => [id, pseudonym(key, id)]));
  }
  await engine.run(`CREATE TABLE pid_map AS
    SELECT client_id, client_pid, CAST(ROW_NUMBER() OVER (ORDER BY client_pid) AS INTEGER) AS client_no FROM pid_list`);
  await engine.run(`DROP TABLE pid_list`);
  const [{n, distinct}] = await engine.all<{n: number; distinct: number}>(
    `SELECT COUNT(*) AS n, COUNT(DISTINCT client_pid) AS "distinct" FROM pid_map`
  );
  if (n !== distinct) throw new Error(`pseudonym collision: ${n - distinct} client ids share a pseudonym`);
  return n;
}

/**
 * The reporting calendar: every quarter the balances or the transactions
 * cover, in order, less a first or last quarter the balances cover only in
 * part (src/segmentation/periods/calendar.ts says why). Transactions count for
 * the range, so that an extract without balances (a retailer's invoices, say)
 * still has a calendar.
 */
export async function reportingCalendar(engine: DuckDbEngine): Promise<ReportingCalendar> {
  const balanceMonths = (await engine.all<{month: string}>(`SELECT DISTINCT month FROM x_balances WHERE month IS NOT NULL`)).map((r) => r.month);
  // Year × 100 + month: numbers from dates are far cheaper than dates as text.
  const transactionMonths = (
    await engine.all<{ym: number}>(`SELECT DISTINCT CAST(EXTRACT(YEAR FROM txn_date) * 100 + EXTRACT(MONTH FROM txn_date) AS INTEGER) AS ym FROM x_transactions WHERE txn_date IS NOT NULL`)
  ).map(({ym}) => `${Math.floor(ym / 100)}-${String(ym % 100).padStart(2, "0")}`);
  const months = [...new Set([...balanceMonths, ...transactionMonths])].sort();
  if (months.length === 0) throw new Error("empty dataset: neither balances nor transactions have accepted rows");
  return calendarOf({months, balanceMonths});
}

export async function reportingQuarters(engine: DuckDbEngine): Promise<string[]> {
  return (await reportingCalendar(engine)).quarters;
}

export async function stage(engine: DuckDbEngine, {ageBands, minGroup}: {ageBands: readonly AgeBand[]; minGroup: number}): Promise<void> {
  const asOf = (await engine.all<{q_end: string}>(`SELECT CAST(MAX(q_end) AS VARCHAR) AS q_end FROM periods`))[0]?.q_end;
  if (!asOf) throw new Error("invalid reporting calendar: no quarters");
  for (const sql of stagingSql({asOf, ageBands, minGroup})) await engine.run(sql);
}

export async function createPeriods(engine: DuckDbEngine, quarters: string[]): Promise<void> {
  for (const sql of periodTablesSql(quarters)) await engine.run(sql);
}

export async function computeFeatures(engine: DuckDbEngine): Promise<void> {
  for (const sql of featuresSql()) await engine.run(sql);
}

/**
 * Tables written as Parquet, each with an order that makes the bytes
 * repeatable. Client first: a client's rows sit together, so the pseudonym
 * column compresses to a fraction (monthly_aum: 18 MB instead of 52 MB).
 */
export const parquetExports = [
  {table: "a_clients", file: "anonymised/clients.parquet", orderBy: "client_pid"},
  {table: "features", file: "features.parquet", orderBy: "client_pid, quarter"},
  {table: "corporate_features", file: "corporate_features.parquet", orderBy: "client_pid, quarter"},
  {table: "monthly_aum", file: "monthly_aum.parquet", orderBy: "client_pid, month"},
  {table: "s_campaign_members", file: "campaign_members.parquet", orderBy: "campaign_id, client_pid"},
  {table: "x_campaigns", file: "campaigns.parquet", orderBy: "campaign_id"},
  {table: "x_campaign_targets", file: "campaign_targets.parquet", orderBy: "campaign_id, branch_id"},
  {table: "x_branches", file: "branches.parquet", orderBy: "branch_id"},
] as const;

export async function exportParquet(engine: DuckDbEngine, dir: string): Promise<void> {
  for (const {table, file, orderBy} of parquetExports) {
    const target = `${dir}/${file}`.replaceAll("'", "''");
    await engine.run(`COPY (SELECT * FROM ${table} ORDER BY ${orderBy}) TO '${target}' (FORMAT PARQUET, COMPRESSION ZSTD)`);
  }
}
