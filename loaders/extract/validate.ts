// Validates a staged table in one SQL statement: row checks (presence, type,
// allowed values, range), then orphans against the parents' accepted rows,
// then duplicate keys among the rows still standing (the first by line wins).
// A row with several problems is quarantined once, with its first reason.

import type {TableSpec} from "../contract/tables.js";
import type {Engine} from "../engine/duckdb.js";
import {columnChecks, parsed, textValue, type ParseOptions} from "./checks.js";
import {field, type Staged} from "./staged.js";
import {ident, literal} from "./sql.js";

const v = (i: number) => `v${i}`;
const p = (i: number) => `p${i}`;

/**
 * Creates temporary table `checked` with rid (0-based record number, from the
 * staging table's rowid: inside a transaction rowids start at a large offset), p0…pn
 * (typed values in contract column order), reason, column_name and raw
 * (the latter three only on rejected rows).
 */
export async function validate(engine: Engine, spec: TableSpec, staged: Staged, {checked, parse, accepted}: {checked: string; parse: ParseOptions; accepted: (table: string) => string}) {
  const fields = Array.from({length: staged.fieldCount}, (_, i) => field(i));
  const texts = spec.columns.map((_, i) => `${textValue(staged.positions[i] === undefined ? undefined : field(staged.positions[i]!))} AS ${v(i)}`);
  const values = spec.columns.map((c, i) => `${parsed(c.type, v(i), parse)} AS ${p(i)}`);
  const checks = spec.columns.flatMap((c, i) => columnChecks(c, v(i), p(i), parse).map((check) => ({...check, column: c.name})));
  const firstReason = checks.length === 0 ? "CAST(NULL AS VARCHAR)" : `CASE ${checks.map((c) => `WHEN ${c.fails} THEN ${literal(c.reason)}`).join(" ")} END`;
  // The column from the reason by constant lookup, not by evaluating the checks twice.
  const columnOf = checks.length === 0 ? "CAST(NULL AS VARCHAR)" : `CASE row_reason ${checks.map((c) => `WHEN ${literal(c.reason)} THEN ${literal(c.column)}`).join(" ")} END`;

  const references = spec.columns.flatMap((c, i) => (c.references ? [{i, column: c.name, parent: c.references.table, parentColumn: c.references.column}] : []));
  const joins = references.map(
    (r, n) => `LEFT JOIN (SELECT DISTINCT ${ident(r.parentColumn)} AS k FROM ${ident(accepted(r.parent))}) parent${n} ON rows.${p(r.i)} = parent${n}.k`
  );
  const orphan = (pick: (r: (typeof references)[number]) => string) =>
    references.length === 0 ? "CAST(NULL AS VARCHAR)" : `CASE ${references.map((r, n) => `WHEN rows.${p(r.i)} IS NOT NULL AND parent${n}.k IS NULL THEN ${literal(pick(r))}`).join(" ")} END`;
  const keys = spec.key.map((k) => `${p(spec.columns.findIndex((c) => c.name === k))}`);
  const raw = `concat(${fields.map((f) => `coalesce(${f}, '')`).join(`, ${literal(staged.delimiter)}, `)})`;

  await engine.run(`CREATE OR REPLACE TEMP TABLE ${ident(checked)} AS
    WITH texts AS (SELECT rowid - (SELECT min(rowid) FROM ${ident(staged.raw)}) AS rid, ${[...fields, ...texts].join(", ")} FROM ${ident(staged.raw)}),
    typed AS (SELECT *, ${values.join(", ")} FROM texts),
    reasoned AS (SELECT *, ${firstReason} AS row_reason FROM typed),
    rows AS (SELECT *, ${columnOf} AS row_column FROM reasoned),
    linked AS MATERIALIZED (
      SELECT rows.*,
        coalesce(row_reason, ${orphan((r) => `orphan: ${r.column} not in ${r.parent}`)}) AS reason1,
        coalesce(row_column, ${orphan((r) => r.column)}) AS column1
      FROM rows ${joins.join(" ")}
    ),
    -- A hash aggregate over the repeated keys only; cheaper than a window over every row.
    repeats AS (
      SELECT ${keys.map((k, n) => `${k} AS k${n}`).join(", ")}, min(rid) AS first_rid FROM linked WHERE reason1 IS NULL
      GROUP BY ALL HAVING count(*) > 1
    ),
    keyed AS (
      SELECT linked.*, coalesce(linked.reason1 IS NULL AND linked.rid <> repeats.first_rid, false) AS repeated
      FROM linked LEFT JOIN repeats ON ${keys.map((k, n) => `linked.${k} = repeats.k${n}`).join(" AND ")}
    )
    SELECT rid, ${spec.columns.map((_, i) => p(i)).join(", ")},
      CASE WHEN repeated THEN 'duplicate key' ELSE reason1 END AS reason,
      CASE WHEN repeated THEN ${literal(spec.key.join(","))} ELSE column1 END AS column_name,
      CASE WHEN repeated OR reason1 IS NOT NULL THEN ${raw} END AS raw
    FROM keyed`);
}
