// The portable SQL dialect: what DuckDB and PostgreSQL-protocol warehouses
// (Greenplum, Citus, GaussDB(DWS), Redshift) all accept. Every statement the
// pipeline runs on client-level data is built from these helpers, here in
// loaders/, so that one engine adapter can be swapped for another.

/** A string literal, quotes doubled. */
export function literal(value: string): string {
  return "'" + value.replaceAll("'", "''") + "'";
}

export function dateLiteral(day: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`invalid date literal: ${day}`);
  return `DATE '${day}'`;
}

export function list(values: readonly string[]): string {
  return values.map(literal).join(", ");
}

/** Whole years between two dates (birthdays counted), in portable SQL. */
export function ageInYears(birth: string, asOf: string): string {
  return `(EXTRACT(YEAR FROM ${asOf}) - EXTRACT(YEAR FROM ${birth})
    - CASE WHEN EXTRACT(MONTH FROM ${asOf}) * 100 + EXTRACT(DAY FROM ${asOf})
              < EXTRACT(MONTH FROM ${birth}) * 100 + EXTRACT(DAY FROM ${birth}) THEN 1 ELSE 0 END)`;
}

/** Whole months from one date to another. */
export function monthsBetween(from: string, to: string): string {
  return `((EXTRACT(YEAR FROM ${to}) - EXTRACT(YEAR FROM ${from})) * 12 + EXTRACT(MONTH FROM ${to}) - EXTRACT(MONTH FROM ${from}))`;
}

export const double = "DOUBLE PRECISION";

/**
 * A sum of money that does not depend on the order the engine adds rows in
 * (parallel aggregation adds in a different order each run): whole fen are
 * integers, and integer sums below 2^53 are exact. Two runs therefore publish
 * the same bytes. Other measures may keep more decimals (`decimals`).
 */
export function exactSum(expr: string, {decimals = 2}: {decimals?: number} = {}): string {
  if (decimals === 2) return `(SUM(ROUND(${expr} * 100)) / 100.0)`;
  const scale = 10 ** decimals;
  return `(SUM(ROUND(${expr} * ${scale})) / ${scale}.0)`;
}

/** The mean of `expr` to the hundredth, exact in the same way as exactSum. */
export function exactMean(expr: string): string {
  return `(${exactSum(expr)} / NULLIF(COUNT(${expr}), 0))`;
}
