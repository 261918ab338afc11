// Reads a Parquet file or a SQL source into a text staging table, so that one
// validator serves every source. Typed dates are written
// back in the table's date format; records are numbered 1, 2, … (no header).

import {existsSync} from "node:fs";
import type {TableSpec} from "../contract/tables.js";
import type {Engine} from "../engine/duckdb.js";
import {mapColumns} from "./columnMap.js";
import {ExtractError} from "./errors.js";
import {firstLine} from "./readCsv.js";
import type {FileSource, SqlSource} from "./source.js";
import {field, joinedFields, type Staged} from "./staged.js";
import {rawTextByRid} from "./rawText.js";
import {ident, literal} from "./sql.js";

/** `path`: a Parquet file's absolute path; `extractDir`: what `{dir}` in a SQL source stands for. */
export async function readTyped(engine: Engine, spec: TableSpec, source: FileSource | SqlSource, {path, extractDir}: {path?: string; extractDir: string}): Promise<Staged> {
  const file = source.path;
  let from: string;
  let problem: string;
  if (source.kind === "sql") {
    from = `(${source.sql.replaceAll("{dir}", extractDir.replaceAll("'", "''"))})`;
    problem = `SQL source for ${spec.name} failed`;
  } else {
    if (path === undefined || !existsSync(path)) throw new ExtractError(file, `missing file (looked for ${path}); deliver it or remove ${spec.name} from extract.tables`);
    from = `read_parquet(${literal(path)})`;
    problem = "unreadable Parquet";
  }
  let described: {column_name: string; column_type: string}[];
  try {
    described = await engine.all(`DESCRIBE SELECT * FROM ${from}`);
  } catch (error) {
    throw new ExtractError(file, `${problem}: ${firstLine(error)}`);
  }
  const positions = mapColumns(spec, described.map((d) => d.column_name), {mapping: source.columns, file});
  const text = described.map(({column_name, column_type}, i) => {
    const value = /^(DATE|TIMESTAMP)/.test(column_type) ? `strftime(${ident(column_name)}, ${literal(source.dateFormat)})` : `CAST(${ident(column_name)} AS VARCHAR)`;
    return `${value} AS ${field(i)}`;
  });
  const raw = `_raw_${spec.name}`;
  try {
    await engine.run(`CREATE OR REPLACE TABLE ${ident(raw)} AS SELECT ${text.join(", ")} FROM ${from}`);
  } catch (error) {
    throw new ExtractError(file, `${problem}: ${firstLine(error)}`);
  }
  // Records are the staging table's rows in rowid order.
  const numbered = `(SELECT rowid - (SELECT min(rowid) FROM ${ident(raw)}) AS rid, ${joinedFields(described.length, ",")} AS raw FROM ${ident(raw)})`;
  const rawText = (records: readonly {rid: number; line: number}[]) => rawTextByRid(engine, numbered, records.map((r) => r.rid), spec.name);
  return {from: ident(raw), fieldCount: described.length, positions, headerLines: 0, delimiter: ",", rawText, cleanup: [raw]};
}
