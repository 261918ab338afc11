// Test helpers: read a generated demo extract back from its CSV files, the way
// an independent consumer would (no generator code involved).

import {readFileSync} from "node:fs";
import {join} from "node:path";

export interface CsvTable {
  header: string[];
  rows: string[][];
}

/** Plain comma split: the demo writer never needs quoting for its own values. */
export function readCsv(dir: string, table: string): CsvTable {
  const lines = readFileSync(join(dir, "extract", `${table}.csv`), "utf8").split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return {header: lines[0].split(","), rows: lines.slice(1).map((l) => l.split(","))};
}

export function column(table: CsvTable, name: string): number {
  const i = table.header.indexOf(name);
  if (i < 0) throw new Error(`missing column: ${name}`);
  return i;
}

const aumProducts = new Set(["demand", "time", "wealth", "fund", "insurance"]);

export function daysIn(month: string): number {
  const [y, m] = month.split("-").map(Number);
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function quarterMonths(quarter: string): string[] {
  const year = quarter.slice(0, 4);
  const q = Number(quarter[5]);
  return [0, 1, 2].map((k) => `${year}-${String(3 * (q - 1) + k + 1).padStart(2, "0")}`);
}

/** client → month → summed avg_daily_balance over AUM products (valid rows only). */
export function monthlyAum(balances: CsvTable): Map<string, Map<string, number>> {
  const [c, m, p, a] = ["client_id", "month", "product", "avg_daily_balance"].map((n) => column(balances, n));
  const result = new Map<string, Map<string, number>>();
  for (const row of balances.rows) {
    const value = Number(row[a]);
    if (!aumProducts.has(row[p]) || !(value >= 0)) continue;
    let months = result.get(row[c]);
    if (!months) result.set(row[c], (months = new Map()));
    months.set(row[m], (months.get(row[m]) ?? 0) + value);
  }
  return result;
}

/** Quarter average daily AUM: day-weighted mean of the three monthly sums. */
export function quarterAum(months: Map<string, number> | undefined, quarter: string): number | null {
  const ms = quarterMonths(quarter);
  if (!months || !ms.some((m) => months.has(m))) return null;
  let weighted = 0;
  let days = 0;
  for (const m of ms) {
    weighted += daysIn(m) * (months.get(m) ?? 0);
    days += daysIn(m);
  }
  return weighted / days;
}

export function tierOf(aum: number): string {
  return aum >= 5_000_000 ? "diamond" : aum >= 1_000_000 ? "platinum" : aum >= 200_000 ? "gold" : "standard";
}
