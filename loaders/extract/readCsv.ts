// Prepares a CSV extract for validation: checks the file (presence, encoding,
// header, columns), counts its lines and records in Node (scanCsv), and hands
// the validator DuckDB's CSV reader over it, every column VARCHAR, with the
// reader's rejected records (too few / too many fields) kept for the
// quarantine rather than dropped.

import {existsSync} from "node:fs";
import {open} from "node:fs/promises";
import {join} from "node:path";
import type {TableSpec} from "../contract/tables.js";
import type {Engine} from "../engine/duckdb.js";
import {mapColumns} from "./columnMap.js";
import {ExtractError} from "./errors.js";
import {guessDelimiter, readHeader, type Header} from "./header.js";
import {linesAt} from "./lines.js";
import {rawTextByRid} from "./rawText.js";
import {scanCsv, type CsvScan} from "./scanCsv.js";
import type {FileSource} from "./source.js";
import {field, joinedFields, type Staged} from "./staged.js";
import {ident, literal} from "./sql.js";
import {transcodeToUtf8} from "./transcode.js";
import {notUtf8, startIsUtf8, utf16Kind} from "./utf8.js";

// DuckDB's reject error types, as reasons in the bank's words. Only field
// counts reach it (scanCsv handles quotes, line breaks and long records).
const rejectReasons: Record<string, string> = {
  "MISSING COLUMNS": "too few fields",
  "TOO MANY COLUMNS": "too many fields",
  "UNQUOTED VALUE": "bad quoting",
  "LINE SIZE OVER MAXIMUM": "record too long",
};

const shown = (delimiter: string) => (delimiter === "\t" ? "\\t" : delimiter);

export interface ReadCsvOptions {
  /** The file's absolute path (inside the extract folder or a listed root). */
  path: string;
  tempDir: string;
  maxRecordBytes: number;
}

export async function readCsv(engine: Engine, spec: TableSpec, source: FileSource, {path: original, tempDir, maxRecordBytes}: ReadCsvOptions): Promise<Staged> {
  const file = source.path;
  if (!existsSync(original)) throw new ExtractError(file, `missing file (looked for ${original}); deliver it or remove ${spec.name} from extract.tables`);
  await refuseUtf16(original, file);
  let path = original;
  if (source.encoding !== "utf-8") {
    path = join(tempDir, `${spec.name}.utf8.csv`);
    await transcodeToUtf8(original, path, {encoding: source.encoding, file, table: spec.name});
  } else if (!(await startIsUtf8(path))) {
    throw await notUtf8(path, {file, table: spec.name});
  }

  const {delimiter, quote} = source;
  const header = await readHeader(path, {delimiter, quote});
  checkHeader(spec, header, source);
  const fieldCount = header.names.length;
  const guess = guessDelimiter(header.text, {delimiter, quote});
  const hint = guess === undefined ? "" : `; is the delimiter '${shown(guess)}'?`;
  const found = source.header ? header.names : positionalNames(spec, fieldCount, source.columns);
  const positions = mapColumns(spec, found, {mapping: source.columns, file, hint, line: source.header ? 1 : undefined});

  const scan = await scanCsv(path, {
    delimiter, quote, header: source.header, fieldCount, maxRecordBytes,
    copyPath: join(tempDir, `${spec.name}.clean.csv`), checkUtf8: source.encoding === "utf-8", file, table: spec.name,
  });

  const rejectsTable = `_rejects_${spec.name}`;
  const rejectsScan = `_rejects_scan_${spec.name}`;
  const columns = Array.from({length: fieldCount}, (_, i) => `${literal(field(i))}: 'VARCHAR'`).join(", ");
  // DuckDB's limit sits above ours, so that every record the scan passed fits.
  const lineSize = Math.max(2 * 1024 * 1024, 2 * maxRecordBytes);
  const reader = (errors: string) => `read_csv(${literal(scan.readPath)},
      auto_detect = false, header = ${source.header}, delim = ${literal(delimiter)},
      quote = ${literal(quote)}, escape = ${literal(quote)}, columns = {${columns}},
      max_line_size = ${lineSize}, buffer_size = ${4 * lineSize}, ${errors})`;

  const h = source.header ? 1 : 0;
  const rejects = `_rejected_${spec.name}`;
  const shift = `_shift_${spec.name}`;
  // Once validation has scanned the file: the rejected lines, in the bank's words.
  const afterScan = async () => {
    const readerRejects = await engine.all<{line: number; error_type: string; column_idx: number}>(
      `SELECT line, error_type, column_idx FROM ${ident(rejectsTable)} ORDER BY line, column_idx`
    );
    await engine.run(`DROP TABLE ${ident(rejectsTable)}; DROP TABLE ${ident(rejectsScan)}`);
    // The line scan's fast path leaves UTF-8 to DuckDB; the place of the bad byte is found in Node.
    if (readerRejects.some((r) => r.error_type === "INVALID ENCODING")) throw await notUtf8(path, {file, table: spec.name});
    if (scan.parsed && readerRejects.length > 0) {
      // The scan parsed every record and left out the bad ones: the two parsers disagree.
      throw new ExtractError(file, `the CSV reader rejected a record the line scan accepted (${readerRejects[0].error_type}); please report this file`);
    }
    const byLine = new Map<number, string>();
    for (const r of readerRejects) if (!byLine.has(r.line)) byLine.set(r.line, rejectReasons[r.error_type] ?? "malformed record");
    const all = [...scan.rejects, ...(await readerRejectRows(path, byLine))];
    await engine.run(`CREATE OR REPLACE TEMP TABLE ${ident(rejects)} (line BIGINT, last_line BIGINT, reason VARCHAR, raw VARCHAR, raw_bytes BIGINT)`);
    const rows = all.map((r) => [r.line, r.line, r.reason, r.raw, r.raw === null ? r.bytes : null]);
    await engine.appendRows(rejects, ["line", "last_line", "reason", "raw", "raw_bytes"], rows);
    await engine.run(`CREATE OR REPLACE TEMP TABLE ${ident(shift)} (k BIGINT, delta BIGINT, span BIGINT)`);
    await engine.appendRows(shift, ["k", "delta", "span"], scan.parsed ? scan.shifts.map((s) => [s.k, s.delta, s.span]) : readerShifts([...byLine.keys()], h));
  };

  // Records rejected after the scan are few: their lines are read back in
  // Node; when some record spans lines, the CSV is parsed again and its
  // records counted instead.
  const rawText = async (records: readonly {rid: number; line: number}[]) => {
    if (!scan.multiLineRecords) {
      const byLine = await linesAt(path, records.map((r) => r.line));
      return new Map(records.flatMap((r) => (byLine.has(r.line) ? [[r.rid, byLine.get(r.line)!] as const] : [])));
    }
    const numbered = `(SELECT row_number() OVER () - 1 AS rid, ${joinedFields(fieldCount, delimiter)} AS raw FROM ${reader("ignore_errors = true")})`;
    return rawTextByRid(engine, numbered, records.map((r) => r.rid), spec.name);
  };

  return {
    from: reader(`store_rejects = true, rejects_table = ${literal(rejectsTable)}, rejects_scan = ${literal(rejectsScan)}`),
    fieldCount,
    positions,
    headerLines: h,
    names: found,
    delimiter,
    scanError: (error) => (error instanceof ExtractError ? error : readerError(file, error)),
    afterScan,
    rejects,
    shift,
    lines: {lines: scan.lines, blankLines: scan.blankLines, records: scan.records},
    rawText,
    cleanup: [rejects, shift, rejectsTable, rejectsScan],
  };
}

// The reader rejects lines only where every record is one line (the scan's
// fast path), so lines are records, and its raw text is the line itself.
async function readerRejectRows(path: string, byLine: Map<number, string>): Promise<CsvScan["rejects"]> {
  if (byLine.size === 0) return [];
  const text = await linesAt(path, [...byLine.keys()]);
  return [...byLine].map(([line, reason]) => ({line, reason, raw: text.get(line) ?? null, bytes: 0}));
}

// (k, delta, 1): the accepted record after the j-th rejected line sits j lines further down.
function readerShifts(lines: readonly number[], headerLines: number): number[][] {
  return lines.map((line, i) => [line - headerLines - (i + 1), i + 1, 1]);
}

/** A header that cannot be right stops the run before any record is read. */
function checkHeader(spec: TableSpec, header: Header, source: FileSource) {
  const file = source.path;
  if (header.empty) throw new ExtractError(file, "empty file (no header)");
  if (header.crOnly) throw new ExtractError(file, "line breaks are carriage returns only (classic Mac OS); save the file with LF or CRLF line breaks", {line: 1});
  if (source.header) {
    const seen = new Map<string, number>();
    header.names.forEach((name, i) => {
      const key = name.toLowerCase();
      if (key === "") return;
      const first = seen.get(key);
      if (first !== undefined)
        throw new ExtractError(file, `duplicate column name "${name}" (columns ${first + 1} and ${i + 1}); rename one, or the first would win silently`, {line: 1, column: name});
      seen.set(key, i);
    });
  } else {
    const names = new Set(header.names.map((n) => n.toLowerCase()));
    const required = spec.columns.filter((c) => c.required).map((c) => (source.columns[c.name] ?? c.name).toLowerCase());
    if (required.every((name) => names.has(name)))
      throw new ExtractError(
        file,
        `the first row names the columns (${header.names.slice(0, 3).join(", ")}, …) but the source says header: false; set header: true for table ${spec.name}`,
        {line: 1}
      );
  }
}

async function refuseUtf16(path: string, file: string) {
  const handle = await open(path, "r");
  try {
    const head = Buffer.alloc(1024);
    const {bytesRead} = await handle.read(head, 0, head.length, 0);
    const kind = utf16Kind(head.subarray(0, bytesRead));
    const advice = "save it as UTF-8 (or GBK / GB18030 and declare `encoding`)";
    if (kind) throw new ExtractError(file, `looks like UTF-16 (${kind}), e.g. Excel's "Unicode text"; ${advice}`, {line: 1});
  } finally {
    await handle.close();
  }
}

// Without a header, fields are the contract columns in contract order, or
// column0, column1, … when a `columns` mapping names them.
function positionalNames(spec: TableSpec, count: number, mapping: Record<string, string>): string[] {
  const useContract = Object.keys(mapping).length === 0;
  return Array.from({length: count}, (_, i) => (useContract && i < spec.columns.length ? spec.columns[i].name : `column${i}`));
}

/** DuckDB's own message, cut to its first line, with the line it names (if any) as the error's line. */
function readerError(file: string, error: unknown): ExtractError {
  const message = String(error instanceof Error ? error.message : error);
  const line = /line:? ?(\d+)/i.exec(message)?.[1];
  return new ExtractError(file, `could not read the CSV: ${firstLine(error)}`, {line: line === undefined ? undefined : Number(line)});
}

export const firstLine = (error: unknown) => String(error instanceof Error ? error.message : error).split("\n")[0];
