// The reporting calendar read from the validated extract, and its period
// tables in the engine.

import type {DuckDbEngine} from "../engine/duckdb.js";
import {periodTablesSql} from "./periodsSql.js";
import {reportingCalendar as calendarOf, type ReportingCalendar} from "../../src/segmentation/periods/index.js";

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

export async function createPeriods(engine: DuckDbEngine, quarters: string[]): Promise<void> {
  for (const sql of periodTablesSql(quarters)) await engine.run(sql);
}
