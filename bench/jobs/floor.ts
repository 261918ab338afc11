// Child job: the floor. DuckDB reads the two large CSVs (transactions and
// balances) once each, with explicit column types, and aggregates them per
// client and quarter in one statement: no pipeline can do its job faster than
// it can read its data. Issue 18 measures the pipeline as a multiple of this.
//   tsx bench/jobs/floor.ts <extractDir> [memoryLimit]
// Per client and quarter: count and sum of client-initiated transactions, and
// the day-weighted average daily AUM (Σ month's average daily balance over AUM
// products × days in month / days in quarter), joined and materialised.
// No validation, no quarantine, no pseudonyms, no segmentation: rows that do not
// parse are skipped (ignore_errors), which is exactly what the pipeline may not do.

import path from "node:path";
import {retailProducts} from "../../loaders/contract/tables.js";
import {openDuckDb} from "../../loaders/engine/duckdb.js";
import {reportResult, timedAsync} from "./report.js";

const [extractDir, memoryLimit = "3GB"] = process.argv.slice(2);
if (!extractDir) throw new Error("invalid arguments: expected <extractDir> [memoryLimit]");
const file = (name: string) => `'${path.join(extractDir, name).replaceAll("'", "''")}'`;
const aum = retailProducts.map((p) => `'${p}'`).join(", ");

const sql = `
CREATE TABLE client_quarter AS
WITH txn AS (
  SELECT client_id, year(txn_date) * 10 + quarter(txn_date) AS q, count(*) AS frequency, sum(amount) AS monetary
  FROM read_csv(${file("transactions.csv")}, header = true, auto_detect = false, ignore_errors = true,
    columns = {'txn_id': 'VARCHAR', 'client_id': 'VARCHAR', 'txn_date': 'DATE', 'amount': 'DECIMAL(18,2)',
               'direction': 'VARCHAR', 'channel': 'VARCHAR', 'client_initiated': 'INTEGER'})
  WHERE client_initiated = 1
  GROUP BY ALL
),
bal AS (
  SELECT client_id, strptime(month || '-01', '%Y-%m-%d')::DATE AS first_day, sum(avg_daily_balance) AS aum_month
  FROM read_csv(${file("balances.csv")}, header = true, auto_detect = false, ignore_errors = true,
    columns = {'client_id': 'VARCHAR', 'month': 'VARCHAR', 'product': 'VARCHAR',
               'avg_daily_balance': 'DECIMAL(18,2)', 'month_end_balance': 'DECIMAL(18,2)'})
  WHERE product IN (${aum})
  GROUP BY ALL
),
bal_q AS (
  SELECT client_id, year(first_day) * 10 + quarter(first_day) AS q,
         sum(aum_month * day(last_day(first_day))) / any_value(
           date_diff('day', date_trunc('quarter', first_day), date_trunc('quarter', first_day) + INTERVAL 3 MONTH)) AS avg_daily_aum
  FROM bal
  GROUP BY ALL
)
SELECT client_id, q, coalesce(frequency, 0) AS frequency, coalesce(monetary, 0) AS monetary, coalesce(avg_daily_aum, 0) AS avg_daily_aum
FROM txn FULL OUTER JOIN bal_q USING (client_id, q)`;

const engine = await openDuckDb({memoryLimit});
try {
  const {seconds} = await timedAsync(() => engine.run(sql));
  const [summary] = await engine.all<{rows: number; clients: number; frequency: number}>(
    `SELECT count(*) AS rows, count(DISTINCT client_id) AS clients, sum(frequency) AS frequency FROM client_quarter`
  );
  reportResult({seconds, ...summary});
} finally {
  engine.close();
}
