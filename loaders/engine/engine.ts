// Which engine runs the SQL: embedded DuckDB (the default) or a
// PostgreSQL-protocol warehouse. Both offer the same four methods, so the
// pipeline's stages take an Engine and never ask which one they hold.

import {openDuckDb, type DuckDbOptions, type Engine, type Row} from "./duckdb.js";
import {openPostgres, postgresOptionsFromEnv, type PostgresOptions} from "./postgres.js";

export type {Engine, Row};
export const engineKinds = ["duckdb", "postgres"] as const;
export type EngineKind = (typeof engineKinds)[number];

export interface OpenEngineOptions {
  duckdb?: DuckDbOptions;
  /** Overrides what the environment (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE, SEG_PG_SCHEMA) says. */
  postgres?: PostgresOptions;
  env?: Record<string, string | undefined>;
}

/** "duckdb" or "postgres" (also "pg", any case); throws `invalid engine: <value>` otherwise. */
export function engineKind(value: string | undefined, {fallback = "duckdb" as EngineKind}: {fallback?: EngineKind} = {}): EngineKind {
  if (value === undefined || value === "") return fallback;
  const v = value.toLowerCase();
  if (v === "pg" || v === "postgresql") return "postgres";
  if ((engineKinds as readonly string[]).includes(v)) return v as EngineKind;
  throw new Error(`invalid engine: ${value}`);
}

export async function openEngine(kind: EngineKind, {duckdb = {}, postgres = {}, env = process.env}: OpenEngineOptions = {}): Promise<Engine> {
  switch (kind) {
    case "duckdb":
      return openDuckDb(duckdb);
    case "postgres": {
      const fromEnv = postgresOptionsFromEnv(env);
      // explicit options win, but an explicit undefined does not erase the environment
      const merged: PostgresOptions = {...fromEnv};
      for (const [k, v] of Object.entries(postgres)) if (v !== undefined) (merged as Record<string, unknown>)[k] = v;
      return openPostgres(merged);
    }
    default:
      throw new Error(`invalid engine: ${kind as string}`);
  }
}

export interface ColumnInfo {
  name: string;
  /** information_schema data_type in the engine's own spelling (DOUBLE, double precision, …). */
  type: string;
}

/** A table's columns in order, from information_schema (both engines have it). */
export async function describeTable(engine: Engine, table: string): Promise<ColumnInfo[]> {
  const name = table.replaceAll("'", "''");
  const rows = await engine.all<{column_name: string; data_type: string}>(
    `SELECT column_name, data_type FROM information_schema.columns
     WHERE table_name = '${name}' AND table_schema = current_schema() ORDER BY ordinal_position`
  );
  if (!rows.length) throw new Error(`invalid table: ${table}`);
  return rows.map((r) => ({name: r.column_name, type: r.data_type}));
}
