// The embedded engine: a small wrapper over @duckdb/node-api.
//
// The shape (run / all / appendRows / close) is what every engine adapter
// offers, so that the pipeline can later run on a PostgreSQL-protocol warehouse
// through a second adapter with the same methods.

import {
  DuckDBDateValue,
  DuckDBDecimalValue,
  DuckDBInstance,
  DuckDBListValue,
  DuckDBStructValue,
  type DuckDBConnection,
  type DuckDBValue,
} from "@duckdb/node-api";

export type Row = Record<string, unknown>;

export interface Engine {
  /** Runs one or more statements, discarding results. */
  run(sql: string): Promise<void>;
  /** Plain row objects: BIGINT and DECIMAL as number, DATE as "YYYY-MM-DD". */
  all<T = Row>(sql: string): Promise<T[]>;
  /** Bulk insert through the appender; rows are arrays in `columns` order. */
  appendRows(table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<void>;
  close(): void;
}

export interface DuckDbOptions {
  path?: string;
  memoryLimit?: string;
  tempDirectory?: string;
  threads?: number;
  /** DuckDB's checkpoint_threshold, e.g. "100GB"; see runPipeline. */
  checkpointThreshold?: string;
}

export async function openDuckDb({path = ":memory:", memoryLimit, tempDirectory, threads, checkpointThreshold}: DuckDbOptions = {}): Promise<Engine> {
  const options: Record<string, string> = {};
  if (memoryLimit !== undefined) options.memory_limit = memoryLimit;
  if (tempDirectory !== undefined) options.temp_directory = tempDirectory;
  if (threads !== undefined) options.threads = String(threads);
  if (checkpointThreshold !== undefined) options.checkpoint_threshold = checkpointThreshold;
  const instance = await DuckDBInstance.create(path, options);
  const connection = await instance.connect();
  const timed = sqlTimer(process.env.SEG_SQL_TIMING);
  return {
    async run(sql) {
      await timed(sql, () => connection.run(sql));
    },
    async all<T = Row>(sql: string) {
      const reader = await timed(sql, () => connection.runAndReadAll(sql));
      return reader.getRowObjects().map(plainRow) as T[];
    },
    appendRows: (table, columns, rows) => appendRows(connection, table, columns, rows),
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/**
 * SEG_SQL_TIMING=1 prints each statement's seconds, the process's peak RSS
 * after it, and its first line on stderr: where a slow pipeline spends its
 * time and memory, statement by statement.
 */
function sqlTimer(setting: string | undefined) {
  if (!setting || setting === "0") return <T>(_sql: string, f: () => Promise<T>) => f();
  return async <T>(sql: string, f: () => Promise<T>) => {
    const start = performance.now();
    try {
      return await f();
    } finally {
      const seconds = (performance.now() - start) / 1000;
      const peak = (process.resourceUsage().maxRSS / 1024 ** 2).toFixed(2);
      if (seconds >= 0.05) process.stderr.write(`sql ${seconds.toFixed(2)} s [peak RSS ${peak} GiB]: ${sql.replace(/\s+/g, " ").trim().slice(0, 110)}\n`);
    }
  };
}

function plainRow(row: Record<string, DuckDBValue>): Row {
  const out: Row = {};
  for (const key in row) out[key] = plainValue(row[key]);
  return out;
}

function plainValue(value: DuckDBValue): unknown {
  if (value === null || typeof value !== "object") return typeof value === "bigint" ? Number(value) : value;
  if (value instanceof DuckDBDecimalValue) return value.toDouble();
  if (value instanceof DuckDBDateValue) return value.toString();
  if (value instanceof DuckDBListValue) return value.items.map(plainValue);
  if (value instanceof DuckDBStructValue) return Object.fromEntries(Object.entries(value.entries).map(([k, v]) => [k, plainValue(v)]));
  if (value instanceof Uint8Array) return value;
  return String(value);
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
const appendable = new Set(["BIGINT", "INTEGER", "DOUBLE", "BOOLEAN", "VARCHAR"]);

// The appender fills every column of a table in order, so rows go into a
// staging table shaped like `columns` first; types it cannot append directly
// (DATE, DECIMAL, …) travel as text and are cast by the INSERT.
async function appendRows(connection: DuckDBConnection, table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]) {
  const info = (await connection.runAndReadAll(
    `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '${table.replaceAll("'", "''")}'`
  )).getRowObjects() as {column_name: string; data_type: string}[];
  const typeOf = new Map(info.map((c) => [c.column_name, c.data_type]));
  const targetTypes = columns.map((c) => {
    const type = typeOf.get(c);
    if (type === undefined) throw new Error(`invalid column: ${table}.${c}`);
    return type;
  });
  const stageTypes = targetTypes.map((t) => (appendable.has(t) ? t : "VARCHAR"));
  const stage = `_append_${table}`;
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${quoteIdent(stage)} (${columns.map((c, i) => `${quoteIdent(c)} ${stageTypes[i]}`).join(", ")})`);
  const appender = await connection.createAppender(stage);
  try {
    for (const row of rows) {
      for (let i = 0; i < columns.length; i++) appendValue(appender, stageTypes[i], row[i]);
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
  const select = columns.map((c, i) => (stageTypes[i] === targetTypes[i] ? quoteIdent(c) : `CAST(${quoteIdent(c)} AS ${targetTypes[i]})`));
  await connection.run(`INSERT INTO ${quoteIdent(table)} (${columns.map(quoteIdent).join(", ")}) SELECT ${select.join(", ")} FROM ${quoteIdent(stage)}`);
  await connection.run(`DROP TABLE ${quoteIdent(stage)}`);
}

type Appender = Awaited<ReturnType<DuckDBConnection["createAppender"]>>;

function appendValue(appender: Appender, type: string, value: unknown) {
  if (value === null || value === undefined || (typeof value === "number" && Number.isNaN(value) && type !== "DOUBLE")) return appender.appendNull();
  switch (type) {
    case "BIGINT":
      return appender.appendBigInt(typeof value === "bigint" ? value : BigInt(Math.trunc(Number(value))));
    case "INTEGER":
      return appender.appendInteger(Math.trunc(Number(value)));
    case "DOUBLE":
      return appender.appendDouble(Number(value));
    case "BOOLEAN":
      return appender.appendBoolean(Boolean(value));
    default:
      return appender.appendVarchar(value instanceof Date ? value.toISOString().slice(0, 10) : String(value));
  }
}

/** The embedded engine's name where callers want to say which engine they hold. */
export type DuckDbEngine = Engine;
