// Validates staged records: row checks (presence, type, allowed values,
// range), then orphans against the parents' accepted rows, then duplicate keys
// among the rows still standing (the first by line wins). A row with several
// problems is quarantined once, with its first reason.
//
// Shaped for tens of millions of rows: one projection over the records (for a
// CSV, straight from DuckDB's reader) makes the typed table, in file order,
// with the raw text of the rows that fail a row check; the later checks only
// collect the ids of the few rejected rows, which are then deleted from it.
// Nothing else of table size is written: no text copy of the file, no sort.

import type {TableSpec} from "../contract/tables.js";
import type {Engine} from "../engine/duckdb.js";
import {columnChecks, parsed, sqlTypes, textValue, type ParseOptions} from "./checks.js";
import {field, joinedFields, type Staged} from "./staged.js";
import {ident, literal} from "./sql.js";

const v = (i: number) => `v${i}`;
const p = (i: number) => `p${i}`;

export interface ValidateTargets {
  /** The table of accepted rows to create: the contract's columns, typed, in file order. */
  into: string;
  /** The table of rejected rows to create: rid (0-based record number), reason, column_name, raw (NULL when found after the scan). */
  rejected: string;
  parse: ParseOptions;
  /** Where a parent table's accepted rows are, for the orphan check. */
  accepted: (table: string) => string;
}

/** Validates `staged` into `into` and `rejected`; returns the number of records scanned. */
export async function validate(engine: Engine, spec: TableSpec, staged: Staged, {into, rejected, parse, accepted}: ValidateTargets): Promise<{records: number}> {
  const fields = Array.from({length: staged.fieldCount}, (_, i) => field(i));
  const texts = spec.columns.map((_, i) => `${textValue(staged.positions[i] === undefined ? undefined : field(staged.positions[i]!))} AS ${v(i)}`);
  const values = spec.columns.map((c, i) => `${parsed(c.type, v(i), parse)} AS ${p(i)}`);
  const checks = spec.columns.flatMap((c, i) => columnChecks(c, v(i), p(i), parse).map((check) => ({...check, column: c.name})));
  const firstReason = checks.length === 0 ? "CAST(NULL AS VARCHAR)" : `CASE ${checks.map((c) => `WHEN ${c.fails} THEN ${literal(c.reason)}`).join(" ")} END`;
  // The raw text of a row that fails a row check, kept beside it (NULL for the rest).
  const raw = joinedFields(staged.fieldCount, staged.delimiter);

  try {
    // Projections only: DuckDB keeps the reader's order through them (not
    // through a join: checks.ts avoids IN lists), and the new table's rowids
    // then number the records (test/extract/fileOrder.test.ts).
    await engine.run(`CREATE OR REPLACE TABLE ${ident(into)} AS
      SELECT ${spec.columns.map((c, i) => `CAST(${p(i)} AS ${sqlTypes[c.type]}) AS ${ident(c.name)}`).join(", ")},
             _reason, CASE WHEN _reason IS NOT NULL THEN ${raw} END AS _raw
      FROM (SELECT *, ${firstReason} AS _reason
        FROM (SELECT *, ${values.join(", ")}
          FROM (SELECT ${[...fields, ...texts].join(", ")} FROM ${staged.from})))`);
  } catch (error) {
    throw staged.scanError ? staged.scanError(error) : error;
  }
  await staged.afterScan?.();

  // Records count from 0 in file order: the table's rowids, less the first
  // (inside a transaction rowids start at a large offset).
  const [{records, first}] = await engine.all<{records: number; first: number}>(
    `SELECT count(*) AS records, coalesce(min(rowid), 0) AS first FROM ${ident(into)}`
  );
  const numbered = `(SELECT rowid - ${first} AS _rid, * FROM ${ident(into)})`;

  // The column a row check names, by constant lookup on its reason.
  const columnOf = checks.length === 0 ? "CAST(NULL AS VARCHAR)" : `CASE _reason ${checks.map((c) => `WHEN ${literal(c.reason)} THEN ${literal(c.column)}`).join(" ")} END`;
  await engine.run(`CREATE OR REPLACE TEMP TABLE ${ident(rejected)} AS
    SELECT _rid AS rid, _reason AS reason, ${columnOf} AS column_name, _raw AS raw FROM ${numbered} WHERE _reason IS NOT NULL`);

  const references = spec.columns.flatMap((c) => (c.references ? [{column: c.name, parent: c.references.table, parentColumn: c.references.column}] : []));
  if (references.length > 0) {
    const joins = references.map(
      (r, n) => `LEFT JOIN (SELECT DISTINCT ${ident(r.parentColumn)} AS k FROM ${ident(accepted(r.parent))}) parent${n} ON t.${ident(r.column)} = parent${n}.k`
    );
    const orphan = references.map((r, n) => `t.${ident(r.column)} IS NOT NULL AND parent${n}.k IS NULL`);
    const pick = (f: (r: (typeof references)[number]) => string) => `CASE ${references.map((r, n) => `WHEN ${orphan[n]} THEN ${literal(f(r))}`).join(" ")} END`;
    await engine.run(`INSERT INTO ${ident(rejected)}
      SELECT t._rid, ${pick((r) => `orphan: ${r.column} not in ${r.parent}`)}, ${pick((r) => r.column)}, NULL
      FROM ${numbered} t ${joins.join(" ")}
      WHERE t._reason IS NULL AND (${orphan.map((o) => `(${o})`).join(" OR ")})`);
  }

  // Duplicates among the rows still standing (the first by line wins). A
  // hash aggregate over the rows that passed the row checks finds the keys
  // that repeat (few); only their rows are then checked against the orphans
  // and numbered. Filtering orphans out before the aggregate would test all
  // rows against them, a third of the check's time.
  const keys = spec.key.map(ident);
  const sameKey = keys.map((k, n) => `t.${k} = r.k${n}`).join(" AND ");
  await engine.run(`INSERT INTO ${ident(rejected)}
    WITH repeated AS (
      SELECT ${keys.map((k, n) => `${k} AS k${n}`).join(", ")} FROM ${ident(into)} WHERE _reason IS NULL GROUP BY ALL HAVING count(*) > 1),
    copies AS MATERIALIZED (
      SELECT t._rid, ${keys.map((k, n) => `t.${k} AS k${n}`).join(", ")} FROM ${numbered} t JOIN repeated r ON ${sameKey} WHERE t._reason IS NULL),
    standing AS (
      SELECT _rid, row_number() OVER (PARTITION BY ${keys.map((_, n) => `k${n}`).join(", ")} ORDER BY _rid) AS copy
      FROM copies WHERE _rid NOT IN (SELECT rid FROM ${ident(rejected)}))
    SELECT _rid, 'duplicate key', ${literal(spec.key.join(","))}, NULL FROM standing WHERE copy > 1`);

  // The rejected rows leave the typed table; the quarantine fills in the raw
  // text of those found after the scan (Staged.rawText).
  await engine.run(`DELETE FROM ${ident(into)} WHERE rowid IN (SELECT rid + ${first} FROM ${ident(rejected)})`);
  await engine.run(`ALTER TABLE ${ident(into)} DROP COLUMN _raw; ALTER TABLE ${ident(into)} DROP COLUMN _reason`);
  return {records};
}
