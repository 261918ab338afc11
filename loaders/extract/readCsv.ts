// Prepares a CSV extract for validation: checks the file (presence, encoding,
// header, columns) and hands the validator DuckDB's CSV reader over it, every
// column VARCHAR, with the reader's rejected records (too few / too many
// fields, bad quoting) kept for the quarantine rather than dropped.

import {existsSync} from "node:fs";
import {join} from "node:path";
import type {TableSpec} from "../contract/tables.js";
import type {Engine} from "../engine/duckdb.js";
import {mapColumns} from "./columnMap.js";
import {ExtractError} from "./errors.js";
import {guessDelimiter, readHeader} from "./header.js";
import type {FileSource} from "./source.js";
import {field, joinedFields, type Staged} from "./staged.js";
import {ident, literal} from "./sql.js";
import {transcodeToUtf8} from "./transcode.js";
import {linesAt} from "./lines.js";
import {rawTextByRid} from "./rawText.js";
import {firstBadByte, startIsUtf8} from "./utf8.js";

// DuckDB's reject error types, as reasons in the bank's words.
const rejectReasons: Record<string, string> = {
  "MISSING COLUMNS": "too few fields",
  "TOO MANY COLUMNS": "too many fields",
  "UNQUOTED VALUE": "bad quoting",
  "LINE SIZE OVER MAXIMUM": "line too long",
};

const shown = (delimiter: string) => (delimiter === "\t" ? "\\t" : delimiter);

export async function readCsv(engine: Engine, spec: TableSpec, source: FileSource, {extractDir, tempDir}: {extractDir: string; tempDir: string}): Promise<Staged> {
  const file = source.path;
  let path = join(extractDir, file);
  if (!existsSync(path)) throw new ExtractError(file, `missing file (looked for ${path}); deliver it or remove ${spec.name} from extract.tables`);
  if (source.encoding !== "utf-8") {
    const target = join(tempDir, `${spec.name}.utf8.csv`);
    await transcodeToUtf8(path, target, {encoding: source.encoding, file});
    path = target;
  } else if (!(await startIsUtf8(path))) {
    throw await notUtf8(path, {file, table: spec.name});
  }

  const {delimiter, quote} = source;
  const header = await readHeader(path, {delimiter, quote});
  if (header.empty) throw new ExtractError(file, "empty file (no header)");
  const fieldCount = header.names.length;
  const guess = guessDelimiter(header.text, {delimiter, quote});
  const hint = guess === undefined ? "" : `; is the delimiter '${shown(guess)}'?`;
  const found = source.header ? header.names : positionalNames(spec, fieldCount, source.columns);
  const positions = mapColumns(spec, found, {mapping: source.columns, file, hint});

  const rejectsTable = `_rejects_${spec.name}`;
  const rejectsScan = `_rejects_scan_${spec.name}`;
  const columns = Array.from({length: fieldCount}, (_, i) => `${literal(field(i))}: 'VARCHAR'`).join(", ");
  const reader = (errors: string) => `read_csv(${literal(path)},
      auto_detect = false, header = ${source.header}, delim = ${literal(delimiter)},
      quote = ${literal(quote)}, escape = ${literal(quote)}, columns = {${columns}}, ${errors})`;

  const h = source.header ? 1 : 0;
  const rejects = `_rejected_${spec.name}`;
  const shift = `_shift_${spec.name}`;
  // Once validation has scanned the file: the reader's rejects, in the bank's words.
  const afterScan = async () => {
    const [badEncoding] = await engine.all<{line: number; byte_position: number}>(
      `SELECT line, byte_position FROM ${ident(rejectsTable)} WHERE error_type = 'INVALID ENCODING' ORDER BY line LIMIT 1`
    );
    if (badEncoding) {
      throw new ExtractError(file, `not valid UTF-8 at byte offset ${badEncoding.byte_position}; if the file is GBK, set \`encoding: gbk\` for table ${spec.name}`, {line: badEncoding.line});
    }
    const reasonCase = `CASE error_type ${Object.entries(rejectReasons).map(([t, r]) => `WHEN ${literal(t)} THEN ${literal(r)}`).join(" ")} ELSE 'malformed record' END`;
    await engine.run(`CREATE OR REPLACE TEMP TABLE ${ident(rejects)} AS
      SELECT line, arg_min(${reasonCase}, column_idx) AS reason, trim(arg_min(csv_line, column_idx), chr(10) || chr(13)) AS raw
      FROM ${ident(rejectsTable)} GROUP BY line`);
    // Accepted record r (1-based) sits on line r + header + (rejected lines before it).
    // k = accepted records before the j-th rejected line; an ASOF join finds the largest k.
    await engine.run(`CREATE OR REPLACE TEMP TABLE ${ident(shift)} AS
      SELECT k, max(j) AS j FROM (
        SELECT line - ${h} - row_number() OVER (ORDER BY line) AS k, row_number() OVER (ORDER BY line) AS j FROM ${ident(rejects)}
      ) GROUP BY k`);
    await engine.run(`DROP TABLE ${ident(rejectsTable)}; DROP TABLE ${ident(rejectsScan)}`);
  };

  // Records rejected after the scan are few: their lines are read back in
  // Node; when quoting may have put a record on several lines, the CSV is
  // parsed again and its records counted instead.
  const rawText = async (records: readonly {rid: number; line: number}[]) => {
    const byLine = await linesAt(path, records.map((r) => r.line), quote);
    if (byLine) return new Map(records.flatMap((r) => (byLine.has(r.line) ? [[r.rid, byLine.get(r.line)!] as const] : [])));
    const numbered = `(SELECT row_number() OVER () - 1 AS rid, ${joinedFields(fieldCount, delimiter)} AS raw FROM ${reader("ignore_errors = true")})`;
    return rawTextByRid(engine, numbered, records.map((r) => r.rid), spec.name);
  };

  return {
    from: reader(`store_rejects = true, rejects_table = ${literal(rejectsTable)}, rejects_scan = ${literal(rejectsScan)}`),
    fieldCount,
    positions,
    headerLines: h,
    delimiter,
    scanError: (error) => (error instanceof ExtractError ? error : new ExtractError(file, `could not read the CSV: ${firstLine(error)}`)),
    afterScan,
    rejects,
    shift,
    rawText,
    cleanup: [rejects, shift, rejectsTable, rejectsScan],
  };
}

// Without a header, fields are the contract columns in contract order, or
// column0, column1, … when a `columns` mapping names them.
function positionalNames(spec: TableSpec, count: number, mapping: Record<string, string>): string[] {
  const useContract = Object.keys(mapping).length === 0;
  return Array.from({length: count}, (_, i) => (useContract && i < spec.columns.length ? spec.columns[i].name : `column${i}`));
}

async function notUtf8(path: string, {file, table}: {file: string; table: string}) {
  const bad = await firstBadByte(path);
  const where = bad ? ` at byte offset ${bad.offset}` : "";
  return new ExtractError(file, `not valid UTF-8${where}; if the file is GBK, set \`encoding: gbk\` for table ${table}`, {line: bad?.line});
}

export const firstLine = (error: unknown) => String(error instanceof Error ? error.message : error).split("\n")[0];
