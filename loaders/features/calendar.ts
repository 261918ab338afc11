// The reporting calendar read from the validated extract, and its period
// tables in the engine.

import {contract, type TableSpec} from "../contract/tables.js";
import type {DuckDbEngine} from "../engine/duckdb.js";
import {periodTablesSql} from "./periodsSql.js";
import {reportingCalendar as calendarOf, type ReportingCalendar} from "../../src/segmentation/periods/index.js";

/**
 * The reporting calendar: every quarter the balances or the transactions
 * cover, in order, less a first or last quarter the balances cover only in
 * part (src/segmentation/periods/calendar.ts says why). Transactions count for
 * the range, so that an extract without balances (a retailer's invoices, say)
 * still has a calendar; so do the configuration's own tables placed by month
 * or date (`tables`, from extractContract), such as a card bank's statements.
 */
export async function reportingCalendar(engine: DuckDbEngine, {tables = contract}: {tables?: readonly TableSpec[]} = {}): Promise<ReportingCalendar> {
  const balanceMonths = (await engine.all<{month: string}>(`SELECT DISTINCT month FROM x_balances WHERE month IS NOT NULL`)).map((r) => r.month);
  // Year × 100 + month: numbers from dates are far cheaper than dates as text.
  const monthsOfDates = async (table: string, column: string) =>
    (
      await engine.all<{ym: number}>(
        `SELECT DISTINCT CAST(EXTRACT(YEAR FROM ${column}) * 100 + EXTRACT(MONTH FROM ${column}) AS INTEGER) AS ym FROM ${table} WHERE ${column} IS NOT NULL`
      )
    ).map(({ym}) => `${Math.floor(ym / 100)}-${String(ym % 100).padStart(2, "0")}`);
  const transactionMonths = await monthsOfDates("x_transactions", "txn_date");
  const ownMonths: string[] = [];
  for (const table of tables.filter((t) => t.own && t.features?.period)) {
    const period = table.columns.find((c) => c.name === table.features!.period)!;
    const [from, column] = [`"x_${table.name}"`, `"${period.name}"`];
    if (period.type === "date") ownMonths.push(...(await monthsOfDates(from, column)));
    if (period.type === "month") ownMonths.push(...(await engine.all<{m: string}>(`SELECT DISTINCT ${column} AS m FROM ${from} WHERE ${column} IS NOT NULL`)).map((r) => r.m));
  }
  const months = [...new Set([...balanceMonths, ...transactionMonths, ...ownMonths])].sort();
  if (months.length === 0) throw new Error("empty dataset: neither balances nor transactions (nor tables of your own placed by month or date) have accepted rows");
  return calendarOf({months, balanceMonths});
}

export async function reportingQuarters(engine: DuckDbEngine, options: {tables?: readonly TableSpec[]} = {}): Promise<string[]> {
  return (await reportingCalendar(engine, options)).quarters;
}

export async function createPeriods(engine: DuckDbEngine, quarters: string[]): Promise<void> {
  for (const sql of periodTablesSql(quarters)) await engine.run(sql);
}
