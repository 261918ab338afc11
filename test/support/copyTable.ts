// Test and benchmark support: copy a table from one engine to another (a
// bank's warehouse already holds its data; tests fill a PostgreSQL from DuckDB).

import {describeTable, type Engine, type Row} from "../../loaders/engine/engine.js";

/** The portable type name for a column read from either engine. */
export function portableType(type: string): string {
  const t = type.toUpperCase();
  if (t === "DOUBLE" || t === "FLOAT8" || t === "DOUBLE PRECISION" || t === "FLOAT" || t === "REAL") return "DOUBLE PRECISION";
  if (t === "BIGINT" || t === "INT8" || t === "HUGEINT") return "BIGINT";
  if (t === "INTEGER" || t === "INT4" || t === "INT" || t === "SMALLINT" || t === "TINYINT") return "INTEGER";
  if (t === "BOOLEAN" || t === "BOOL") return "BOOLEAN";
  if (t === "DATE") return "DATE";
  if (t.startsWith("DECIMAL") || t.startsWith("NUMERIC")) return "DOUBLE PRECISION";
  if (t.startsWith("TIMESTAMP")) return "TIMESTAMP";
  return "VARCHAR";
}

/**
 * Copies a table from one engine to another (replacing it there), in pages of
 * `pageRows` ordered by every column so the pages are stable.
 */
export async function copyTable(from: Engine, to: Engine, table: string, {pageRows = 200_000}: {pageRows?: number} = {}): Promise<number> {
  const columns = await describeTable(from, table);
  const names = columns.map((c) => c.name);
  const q = (n: string) => `"${n.replaceAll('"', '""')}"`;
  await to.run(`DROP TABLE IF EXISTS ${q(table)}`);
  await to.run(`CREATE TABLE ${q(table)} (${columns.map((c) => `${q(c.name)} ${portableType(c.type)}`).join(", ")})`);
  const select = columns.map((c) => (portableType(c.type) === "DATE" ? `CAST(${q(c.name)} AS VARCHAR) AS ${q(c.name)}` : q(c.name))).join(", ");
  let copied = 0;
  for (let offset = 0; ; offset += pageRows) {
    const rows = await from.all<Row>(`SELECT ${select} FROM ${q(table)} ORDER BY ${names.map(q).join(", ")} LIMIT ${pageRows} OFFSET ${offset}`);
    if (!rows.length) break;
    await to.appendRows(table, names, rows.map((r) => names.map((n) => r[n])));
    copied += rows.length;
    if (rows.length < pageRows) break;
  }
  return copied;
}
