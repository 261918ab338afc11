// Issue 4 on real data: RFM segments per quarter over Online Retail II's five
// quarters (2009Q4–2010Q4) and the migration between them, reconciled with an
// independent reading of the raw Parquet file: every migration matrix adds up
// to the customers present in both quarters, its "new" row to the customers
// whose first purchase falls in the later quarter, and — restricted to those
// who bought in both quarters — to the customers active in each pair.

import path from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {DuckDBInstance} from "@duckdb/node-api";
import {pseudonym} from "../../loaders/anonymise/pseudonym.js";
import {betweenPeriods, ENTERED, EXITED, type MigrationRecord} from "../../src/segmentation/migration/index.js";
import {complementaryHidden, transitionLines} from "../../src/segmentation/privacy/index.js";
import {examplePresent, runExample, testKey, type ExampleRun} from "./exampleRun.js";

const {present, where} = examplePresent("uci-online-retail-ii");
if (!present) console.warn(`UCI Online Retail II not found at ${where}: RFM migration reconciliation skipped (see ../shared/realdata/README.md)`);
const file = path.join(where, "online_retail_II_year2009-2010.parquet");

const quarters = ["2009Q4", "2010Q1", "2010Q2", "2010Q3", "2010Q4"];

/**
 * The raw file read on its own terms, not through the example's SQL: a kept
 * purchase is a line with a customer, not a cancellation, positive quantity
 * and price, and a product stock code (five digits first).
 */
async function rawPurchases(): Promise<{customer: string; quarter: string}[]> {
  const db = await DuckDBInstance.create(":memory:");
  const connection = await db.connect();
  const reader = await connection.runAndReadAll(`
    SELECT DISTINCT CAST(CAST("Customer ID" AS BIGINT) AS VARCHAR) AS customer,
           strftime(CAST(InvoiceDate AS TIMESTAMP), '%Y') || 'Q' || CAST(quarter(CAST(InvoiceDate AS TIMESTAMP)) AS VARCHAR) AS quarter
    FROM read_parquet('${file.replaceAll("'", "''")}')
    WHERE "Customer ID" IS NOT NULL AND NOT starts_with(Invoice, 'C') AND Quantity > 0 AND Price > 0
      AND StockCode SIMILAR TO '[0-9]{5}.*'`);
  const rows = reader.getRowObjectsJson() as {customer: string; quarter: string}[];
  connection.closeSync();
  return rows;
}

describe.skipIf(!present)("Online Retail II: quarterly RFM segments and their migration reconcile with the raw invoices", () => {
  let run: ExampleRun;
  /** quarter → pseudonyms of customers who bought in it */
  const bought = new Map<string, Set<string>>();
  /** quarter → pseudonyms of customers whose first purchase is on or before its end */
  const known = new Map<string, Set<string>>();
  /** quarter → segment records of the pipeline */
  const records = new Map<string, MigrationRecord[]>();
  let states: string[];

  beforeAll(async () => {
    run = await runExample("online-retail");
    const first = new Map<string, string>();
    for (const {customer, quarter} of await rawPurchases()) {
      const pid = pseudonym(testKey, customer);
      if (!bought.has(quarter)) bought.set(quarter, new Set());
      bought.get(quarter)!.add(pid);
      if (!first.has(pid) || quarter < first.get(pid)!) first.set(pid, quarter);
    }
    for (const q of quarters) known.set(q, new Set([...first].filter(([, f]) => f <= q).map(([pid]) => pid)));
    const rows = await run.query<{client_pid: string; quarter: string; rfm_segment: string}>(`SELECT client_pid, quarter, rfm_segment FROM segments ORDER BY quarter, client_pid`);
    for (const q of quarters) records.set(q, rows.filter((r) => r.quarter === q).map((r) => ({id: r.client_pid, state: r.rfm_segment})));
    const migration = await run.site("migration");
    states = migration.rfm.states;
  }, 5 * 60_000);
  afterAll(async () => run?.cleanup());

  it("finds 4,285 customers and the same buyers per quarter as the raw file", async () => {
    expect(known.get("2010Q4")!.size).toBe(4_285);
    expect(quarters.map((q) => bought.get(q)!.size)).toEqual([951, 1_783, 2_040, 2_051, 2_579]);
    const active = await run.query<{client_pid: string; quarter: string}>(`SELECT client_pid, quarter FROM features WHERE frequency > 0`);
    for (const q of quarters) {
      const pipeline = new Set(active.filter((r) => r.quarter === q).map((r) => r.client_pid));
      expect(pipeline, q).toEqual(bought.get(q));
    }
  });

  it("gives every known customer exactly one RFM segment in every quarter", () => {
    for (const q of quarters) {
      const segmented = records.get(q)!;
      expect(new Set(segmented.map((r) => r.id)), q).toEqual(known.get(q));
      expect(segmented.every((r) => states.includes(r.state))).toBe(true);
    }
    expect(quarters.map((q) => records.get(q)!.length)).toEqual([951, 2_135, 2_951, 3_538, 4_285]);
  });

  it("adds every migration matrix up to the customers present in both quarters, plus the new ones", () => {
    for (let i = 0; i + 1 < quarters.length; ++i) {
      const [a, b] = [quarters[i], quarters[i + 1]];
      const {matrix} = betweenPeriods({period: a, records: records.get(a)!}, {period: b, records: records.get(b)!}, {states});
      const k = states.length;
      const stayedOrMoved = matrix.counts.slice(0, k).reduce((s, row) => s + row.slice(0, k).reduce((x, y) => x + y, 0), 0);
      const inBoth = [...known.get(a)!].filter((pid) => known.get(b)!.has(pid)).length;
      expect(stayedOrMoved, `${a}→${b}`).toBe(inBoth);
      // nobody closes an account at a retailer: no exits, and the new row is the first purchases of b
      expect(matrix.columnTotals[matrix.columns.indexOf(EXITED)]).toBe(0);
      expect(matrix.rowTotals[matrix.rows.indexOf(ENTERED)]).toBe(known.get(b)!.size - known.get(a)!.size);
    }
  });

  it("restricted to customers who bought in both quarters, adds up to the raw count of such customers", () => {
    const expected = [];
    const measured = [];
    for (let i = 0; i + 1 < quarters.length; ++i) {
      const [a, b] = [quarters[i], quarters[i + 1]];
      const both = new Set([...bought.get(a)!].filter((pid) => bought.get(b)!.has(pid)));
      const only = (q: string) => ({period: q, records: records.get(q)!.filter((r) => both.has(String(r.id)))});
      const {matrix} = betweenPeriods(only(a), only(b), {states, includeEntries: false, includeExits: false});
      measured.push(matrix.rowTotals.reduce((s, n) => s + n, 0));
      expected.push(both.size);
    }
    expect(measured).toEqual(expected);
    expect(expected.every((n) => n > 500)).toBe(true); // a real, repeat-buying clientele
  });

  it("publishes the same consecutive RFM matrices on the migration page, small cells and their complements suppressed", async () => {
    const migration = await run.site("migration");
    expect(migration.rfm.pairs.map((p: {from: string; to: string}) => `${p.from}→${p.to}`)).toEqual(["2009Q4→2010Q1", "2010Q1→2010Q2", "2010Q2→2010Q3", "2010Q3→2010Q4"]);
    for (const pair of migration.rfm.pairs) {
      const {matrix} = betweenPeriods({period: pair.from, records: records.get(pair.from)!}, {period: pair.to, records: records.get(pair.to)!}, {states});
      // Hidden exactly where complementary suppression of the independently counted matrix says.
      const hidden = complementaryHidden(matrix.counts, {threshold: migration.meta.threshold, lines: transitionLines(matrix.rows, matrix.columns, states)});
      pair.matrix.counts.forEach((row: (number | null)[], i: number) =>
        row.forEach((cell, j) => {
          if (hidden[i][j]) expect(cell).toBeNull();
          else expect(cell).toBe(matrix.counts[i][j]);
        })
      );
    }
  });
});
