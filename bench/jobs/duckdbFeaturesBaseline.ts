// Child job: the pipeline's feature aggregation, bare. The same feature SQL
// the pipeline runs (loaders/features/featuresSql.ts: every column of features,
// corporate_features and monthly_aum) over the same CSVs, read by DuckDB's
// typed CSV reader; the floor the pipeline through features is compared with.
//   tsx bench/jobs/duckdbFeaturesBaseline.ts <extractDir> [memoryLimit]
// Not done here, and done by the pipeline: validation and quarantine (bad rows
// are skipped with ignore_errors), pseudonyms (client ids are grouped as they
// are), the anonymised extract, age bands, Parquet files.

import {readFileSync} from "node:fs";
import path from "node:path";
import {contract, tableSpec, type TableName} from "../../loaders/contract/tables.js";
import {openDuckDb} from "../../loaders/engine/duckdb.js";
import {sqlTypes} from "../../loaders/extract/checks.js";
import {featuresSql} from "../../loaders/features/featuresSql.js";
import {periodTablesSql} from "../../loaders/features/periodsSql.js";
import {reportingCalendar} from "../../src/segmentation/periods/index.js";
import {reportResult, timedAsync} from "./report.js";

const [extractDir, memoryLimit = "3GB"] = process.argv.slice(2);
if (!extractDir) throw new Error("invalid arguments: expected <extractDir> [memoryLimit]");

/** A contract table straight from its CSV, typed, bad rows skipped; optional columns the file lacks are NULL. */
function csv(table: TableName): string {
  const spec = tableSpec(table);
  const file = path.join(extractDir, `${table}.csv`);
  const header = readFileSync(file, "utf8").slice(0, 4096).split(/\r?\n/)[0].split(",");
  const typeOf = new Map(spec.columns.map((c) => [c.name, sqlTypes[c.type]]));
  const columns = header.map((name) => `'${name}': '${typeOf.get(name) ?? "VARCHAR"}'`).join(", ");
  const select = spec.columns.map((c) => (header.includes(c.name) ? `"${c.name}"` : `CAST(NULL AS ${sqlTypes[c.type]}) AS "${c.name}"`));
  return `(SELECT ${select.join(", ")} FROM read_csv('${file.replaceAll("'", "''")}', header = true, auto_detect = false, ignore_errors = true, columns = {${columns}}))`;
}

const engine = await openDuckDb({memoryLimit});
try {
  const {seconds} = await timedAsync(async () => {
    // The calendar from the balance months, as the pipeline derives it.
    const months = await engine.all<{month: string}>(`SELECT DISTINCT month FROM ${csv("balances")} ORDER BY month`);
    const {quarters} = reportingCalendar({months: months.map((m) => m.month), balanceMonths: months.map((m) => m.month)});
    for (const sql of periodTablesSql(quarters)) await engine.run(sql);
    // The s_* relations the feature SQL reads, with client ids standing in for
    // pseudonyms and for the pipeline's integer client_no.
    await engine.run(`CREATE TABLE s_clients AS
      SELECT c.client_id AS client_pid, c.client_id AS client_no, c.client_type, c.branch_id, b.parent_branch, b.region, NULL AS age_band,
             c.gender, c.open_date, c.close_date, c.official_tier
      FROM ${csv("clients")} c JOIN ${csv("branches")} b USING (branch_id)`);
    await engine.run(`CREATE VIEW s_balances AS SELECT client_id AS client_no, month, product, avg_daily_balance, month_end_balance FROM ${csv("balances")}`);
    await engine.run(`CREATE VIEW s_transactions AS SELECT client_id AS client_no, txn_date, amount, direction, channel, client_initiated FROM ${csv("transactions")}`);
    const corporate = tableSpec("corporate_metrics").columns.map((c) => (c.name === "client_id" ? "client_id AS client_pid" : `"${c.name}"`));
    await engine.run(`CREATE VIEW s_corporate_metrics AS SELECT ${corporate.join(", ")} FROM ${csv("corporate_metrics")}`);
    for (const sql of featuresSql()) await engine.run(sql);
  });
  const [summary] = await engine.all<{rows: number; clients: number; frequency: number}>(
    `SELECT count(*) AS rows, count(DISTINCT client_pid) AS clients, sum(frequency) AS frequency FROM features`
  );
  reportResult({seconds, ...summary, tables: contract.length});
} finally {
  engine.close();
}
