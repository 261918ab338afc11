// Validates a staged table: row checks (presence, type, allowed values,
// range), then orphans against the parents' accepted rows, then duplicate keys
// among the rows still standing (the first by line wins). A row with several
// problems is quarantined once, with its first reason.
//
// Shaped for tens of millions of rows: one projection over the raw text makes
// the typed table, in file order; the later checks only collect the ids of the
// few rejected rows, which are then deleted from it. Nothing else of table
// size is written (text copies and a sort cost more than the checks).

import type {TableSpec} from "../contract/tables.js";
import type {Engine} from "../engine/duckdb.js";
import {columnChecks, parsed, sqlTypes, textValue, type ParseOptions} from "./checks.js";
import {field, type Staged} from "./staged.js";
import {ident, literal} from "./sql.js";

const v = (i: number) => `v${i}`;
const p = (i: number) => `p${i}`;

export interface ValidateTargets {
  /** The table of accepted rows to create: the contract's columns, typed, in file order. */
  into: string;
  /** The table of rejected rows to create: rid (0-based record number), reason, column_name, raw. */
  rejected: string;
  parse: ParseOptions;
  /** Where a parent table's accepted rows are, for the orphan check. */
  accepted: (table: string) => string;
}

export async function validate(engine: Engine, spec: TableSpec, staged: Staged, {into, rejected, parse, accepted}: ValidateTargets): Promise<void> {
  const fields = Array.from({length: staged.fieldCount}, (_, i) => field(i));
  const texts = spec.columns.map((_, i) => `${textValue(staged.positions[i] === undefined ? undefined : field(staged.positions[i]!))} AS ${v(i)}`);
  const values = spec.columns.map((c, i) => `${parsed(c.type, v(i), parse)} AS ${p(i)}`);
  const checks = spec.columns.flatMap((c, i) => columnChecks(c, v(i), p(i), parse).map((check) => ({...check, column: c.name})));
  const firstReason = checks.length === 0 ? "CAST(NULL AS VARCHAR)" : `CASE ${checks.map((c) => `WHEN ${c.fails} THEN ${literal(c.reason)}`).join(" ")} END`;
  // Inside a transaction rowids start at a large offset: records count from the first.
  const rid = `rowid - (SELECT min(rowid) FROM ${ident(staged.raw)})`;

  await engine.run(`CREATE OR REPLACE TABLE ${ident(into)} AS
    WITH texts AS (SELECT ${rid} AS _rid, ${texts.join(", ")} FROM ${ident(staged.raw)}),
    typed AS (SELECT *, ${values.join(", ")} FROM texts)
    SELECT _rid, ${spec.columns.map((c, i) => `CAST(${p(i)} AS ${sqlTypes[c.type]}) AS ${ident(c.name)}`).join(", ")}, ${firstReason} AS _reason
    FROM typed`);

  // The column a row check names, by constant lookup on its reason.
  const columnOf = checks.length === 0 ? "CAST(NULL AS VARCHAR)" : `CASE _reason ${checks.map((c) => `WHEN ${literal(c.reason)} THEN ${literal(c.column)}`).join(" ")} END`;
  await engine.run(`CREATE OR REPLACE TEMP TABLE ${ident(rejected)} AS
    SELECT _rid AS rid, _reason AS reason, ${columnOf} AS column_name FROM ${ident(into)} WHERE _reason IS NOT NULL`);

  const references = spec.columns.flatMap((c) => (c.references ? [{column: c.name, parent: c.references.table, parentColumn: c.references.column}] : []));
  if (references.length > 0) {
    const joins = references.map(
      (r, n) => `LEFT JOIN (SELECT DISTINCT ${ident(r.parentColumn)} AS k FROM ${ident(accepted(r.parent))}) parent${n} ON t.${ident(r.column)} = parent${n}.k`
    );
    const orphan = references.map((r, n) => `t.${ident(r.column)} IS NOT NULL AND parent${n}.k IS NULL`);
    const pick = (f: (r: (typeof references)[number]) => string) => `CASE ${references.map((r, n) => `WHEN ${orphan[n]} THEN ${literal(f(r))}`).join(" ")} END`;
    await engine.run(`INSERT INTO ${ident(rejected)}
      SELECT t._rid, ${pick((r) => `orphan: ${r.column} not in ${r.parent}`)}, ${pick((r) => r.column)}
      FROM ${ident(into)} t ${joins.join(" ")}
      WHERE t._reason IS NULL AND (${orphan.map((o) => `(${o})`).join(" OR ")})`);
  }

  // Duplicates among the rows still standing: a hash aggregate finds the
  // repeated keys (few), then a join with them finds every later copy.
  const keys = spec.key.map(ident);
  const standing = (t: string) => `${t}_reason IS NULL AND ${t}_rid NOT IN (SELECT rid FROM ${ident(rejected)})`;
  await engine.run(`INSERT INTO ${ident(rejected)}
    SELECT t._rid, 'duplicate key', ${literal(spec.key.join(","))}
    FROM ${ident(into)} t
    JOIN (SELECT ${keys.map((k, n) => `${k} AS k${n}`).join(", ")}, min(_rid) AS first_rid FROM ${ident(into)} WHERE ${standing("")} GROUP BY ALL HAVING count(*) > 1) r
      ON ${keys.map((k, n) => `t.${k} = r.k${n}`).join(" AND ")}
    WHERE t._rid <> r.first_rid AND ${standing("t.")}`);

  // The raw text of the rejected rows, for the quarantine, then their removal.
  const raw = `concat(${fields.map((f) => `coalesce(s.${f}, '')`).join(`, ${literal(staged.delimiter)}, `)})`;
  await engine.run(`CREATE OR REPLACE TEMP TABLE ${ident(rejected)} AS
    SELECT r.rid, r.reason, r.column_name, ${raw} AS raw
    FROM ${ident(rejected)} r JOIN (SELECT ${rid} AS rid, * FROM ${ident(staged.raw)}) s ON s.rid = r.rid`);
  await engine.run(`DELETE FROM ${ident(into)} WHERE _rid IN (SELECT rid FROM ${ident(rejected)})`);
  await engine.run(`ALTER TABLE ${ident(into)} DROP COLUMN _rid; ALTER TABLE ${ident(into)} DROP COLUMN _reason`);
}
