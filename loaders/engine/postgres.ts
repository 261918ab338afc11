// The warehouse engine: node-postgres over the PostgreSQL wire protocol, for
// Greenplum, Citus, GaussDB(DWS), Redshift or plain PostgreSQL. Same shape as
// the DuckDB adapter (run / all / appendRows / close) and the same plain rows:
// BIGINT and NUMERIC as number, DATE as "YYYY-MM-DD".
//
// Everything the pipeline creates goes into one scratch schema (SEG_PG_SCHEMA),
// first on the search path, so that a role with read access to the bank's
// tables (or views named x_*) and create rights on that schema is enough.

import pg from "pg";
import type {Engine, Row} from "./duckdb.js";

export interface PostgresOptions {
  host?: string;
  port?: number;
  user?: string;
  password?: string;
  database?: string;
  /** Scratch schema for every table the pipeline creates; default seg_work. */
  schema?: string;
  /** Create the schema when it is missing (needs CREATE on the database); default true. */
  createSchema?: boolean;
  /** Rows per INSERT in appendRows, capped by the protocol's 65,535 parameters. */
  batchRows?: number;
}

/** Connection settings from the usual libpq variables plus SEG_PG_SCHEMA. */
export function postgresOptionsFromEnv(env: Record<string, string | undefined> = process.env): PostgresOptions {
  const port = env.PGPORT === undefined ? undefined : Number(env.PGPORT);
  if (port !== undefined && !Number.isInteger(port)) throw new Error(`invalid PGPORT: ${env.PGPORT}`);
  return {host: env.PGHOST, port, user: env.PGUSER, password: env.PGPASSWORD, database: env.PGDATABASE, schema: env.SEG_PG_SCHEMA};
}

const oids = {int8: 20, numeric: 1700, date: 1082} as const;

// node-postgres returns int8 and numeric as text (they may exceed 2^53) and
// DATE as a local-time Date; the engine contract wants numbers and day strings.
const typeParsers = {
  getTypeParser(oid: number, format?: string) {
    if (oid === oids.int8 || oid === oids.numeric) return (text: string) => Number(text);
    if (oid === oids.date) return (text: string) => text;
    return pg.types.getTypeParser(oid, format as "text");
  },
};

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
const maxParameters = 65_535;

export async function openPostgres({schema = "seg_work", createSchema = true, batchRows = 5_000, ...connection}: PostgresOptions = {}): Promise<Engine> {
  const client = new pg.Client({...connection, types: typeParsers});
  // a dropped connection surfaces as the next query's error, not as an uncaught event
  client.on("error", () => {});
  await client.connect();
  try {
    if (createSchema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
    await client.query(`SET search_path TO ${quoteIdent(schema)}, public`);
    await client.query(`SET DateStyle TO ISO, YMD`);
  } catch (error) {
    await client.end();
    throw error;
  }
  return {
    async run(sql) {
      await client.query(sql);
    },
    async all<T = Row>(sql: string) {
      const result = await client.query(sql);
      // a multi-statement text returns one result per statement: the last one is the answer
      const last = Array.isArray(result) ? result.at(-1) : result;
      return (last?.rows ?? []) as T[];
    },
    appendRows: (table, columns, rows) => appendRows(client, table, columns, rows, {batchRows}),
    close() {
      return client.end() as unknown as void;
    },
  };
}

// Multi-row INSERTs with parameters, in one transaction: COPY FROM STDIN needs
// an extra package and Redshift does not take it, while INSERT runs everywhere.
// Parameter types come from the target columns, so dates travel as text.
async function appendRows(client: pg.Client, table: string, columns: readonly string[], rows: readonly (readonly unknown[])[], {batchRows}: {batchRows: number}) {
  if (!rows.length) return;
  const info = await client.query<{column_name: string; data_type: string}>(
    `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = $1 AND table_schema = ANY (current_schemas(true))`,
    [table]
  );
  const typeOf = new Map(info.rows.map((c) => [c.column_name, c.data_type]));
  const floating = columns.map((c) => {
    const type = typeOf.get(c);
    if (type === undefined) throw new Error(`invalid column: ${table}.${c}`);
    return type === "double precision" || type === "real";
  });
  const size = Math.max(1, Math.min(batchRows, Math.floor(maxParameters / columns.length)));
  const head = `INSERT INTO ${quoteIdent(table)} (${columns.map(quoteIdent).join(", ")}) VALUES `;
  await client.query("BEGIN");
  try {
    for (let start = 0; start < rows.length; start += size) {
      const batch = rows.slice(start, start + size);
      const values: unknown[] = [];
      const tuples = batch.map((row) => {
        const marks = columns.map((_, i) => {
          values.push(parameter(row[i], floating[i]));
          return `$${values.length}`;
        });
        return `(${marks.join(", ")})`;
      });
      await client.query(head + tuples.join(", "), values);
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}

/** The DuckDB appender's conventions: NaN is NULL except in floating columns, dates as days. */
function parameter(value: unknown, floating: boolean): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value === "number" && Number.isNaN(value)) return floating ? "NaN" : null;
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return value;
}
