// The quarantine: every record that was read but not accepted, with its
// physical line and the reason, so the bank can fix its extract.
// It holds raw rows, direct identifiers included: as sensitive as the extract.

import {randomUUID} from "node:crypto";
import {createReadStream, createWriteStream} from "node:fs";
import {rename, rm} from "node:fs/promises";
import {dirname, join} from "node:path";
import {pipeline} from "node:stream/promises";
import type {Engine} from "../engine/duckdb.js";
import type {Staged} from "./staged.js";
import {ident, literal} from "./sql.js";

export const quarantineTable = "quarantine";

/**
 * line–last_line: the physical lines of the record (equal unless a quoted field
 * spans lines); raw_bytes: the record's length when it is too long to keep as raw.
 */
export const quarantineColumns =
  "table_name VARCHAR, source VARCHAR, line BIGINT, column_name VARCHAR, reason VARCHAR, raw VARCHAR, last_line BIGINT, raw_bytes BIGINT";

/** Moves the rejected rows of `checked` and the rejects found while reading into the quarantine. */
export async function quarantineRows(
  engine: Engine,
  staged: Staged,
  {table, source, checked, into = quarantineTable}: {table: string; source: string; checked: string; into?: string}
) {
  const first = `c.rid + 1 + ${staged.headerLines}`;
  const line = staged.shift ? `${first} + coalesce(s.delta, 0)` : first;
  const extra = staged.shift ? "CASE WHEN s.k = c.rid THEN s.span - 1 ELSE 0 END" : "0";
  const shiftJoin = staged.shift ? `ASOF LEFT JOIN ${ident(staged.shift)} s ON c.rid >= s.k` : "";
  const lined = `(SELECT c.rid, ${line} AS line, ${line} + ${extra} AS last_line, c.column_name, c.reason, c.raw FROM ${ident(checked)} c ${shiftJoin})`;
  // Rows rejected after the scan (orphans, duplicates) have no raw text yet.
  const missing = await engine.all<{rid: number; line: number}>(`SELECT rid, line FROM ${lined} WHERE raw IS NULL ORDER BY rid`);
  const fill = `_raw_text_${table}`;
  await engine.run(`CREATE OR REPLACE TEMP TABLE ${ident(fill)} (rid BIGINT, raw VARCHAR)`);
  if (missing.length) {
    const found = await staged.rawText(missing);
    await engine.appendRows(fill, ["rid", "raw"], missing.map((m) => [m.rid, found.get(m.rid) ?? null]));
  }
  await engine.run(`INSERT INTO ${ident(into)}
    SELECT ${literal(table)}, ${literal(source)}, q.line, q.column_name, q.reason, coalesce(q.raw, f.raw), q.last_line, NULL
    FROM ${lined} q LEFT JOIN ${ident(fill)} f ON f.rid = q.rid;
    DROP TABLE ${ident(fill)}`);
  if (staged.rejects)
    await engine.run(`INSERT INTO ${ident(into)}
      SELECT ${literal(table)}, ${literal(source)}, line, NULL, reason, raw, last_line, raw_bytes FROM ${ident(staged.rejects)}`);
}

/** Writes the quarantine as CSV, UTF-8 with a BOM (so Excel shows Chinese), ordered by table and line. */
export async function writeQuarantine(engine: Engine, path: string) {
  const body = join(dirname(path), `.quarantine-${randomUUID()}.csv`);
  const whole = `${body}.bom`;
  try {
    await engine.run(`COPY (SELECT * FROM ${quarantineTable} ORDER BY table_name, line, column_name) TO ${literal(body)} (FORMAT csv, HEADER true)`);
    const out = createWriteStream(whole);
    out.write("\uFEFF");
    await pipeline(createReadStream(body), out);
    await rename(whole, path); // never a half-written file at `path`
  } finally {
    await rm(body, {force: true});
    await rm(whole, {force: true});
  }
}
