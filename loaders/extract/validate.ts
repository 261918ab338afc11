// Validates staged records in two steps. Row checks (checkRows) look at one
// record at a time: presence, type, allowed values, range, plausible dates,
// columns in order. Key checks (checkKeys) need other rows: orphans against
// the parents' accepted rows and facts about the client, then duplicate keys
// among the rows still standing (the first by line wins). A row with several
// problems is quarantined once, with its first reason.
//
// Shaped for tens of millions of rows: one projection over the records (for a
// CSV, straight from DuckDB's reader) makes the typed table, in file order,
// with the raw text of the rows that fail a row check; the later checks only
// collect the ids of the few rejected rows, which are then deleted from it.
// Nothing else of table size is written: no text copy of the file, no sort.

import {againstClient, different, eventDates, inOrder} from "../contract/plausibility.js";
import type {TableName, TableSpec} from "../contract/tables.js";
import type {Engine} from "../engine/duckdb.js";
import {columnChecks, dateChecks, excelNumberCheck, parsed, sqlTypes, textValue, type Check, type DateBounds, type ParseOptions} from "./checks.js";
import {field, joinedFields, type Staged} from "./staged.js";
import {ident, literal} from "./sql.js";

const v = (i: number) => `v${i}`;
const p = (i: number) => `p${i}`;

export interface RowCheckTargets {
  /** The table of accepted rows to create: the contract's columns, typed, in file order. */
  into: string;
  /** The table of rejected rows to create: rid (0-based record number), reason, column_name, raw (NULL when found after the scan). */
  rejected: string;
  parse: ParseOptions;
  dates: DateBounds;
}

/** What checkKeys needs from checkRows. */
export interface Checked {
  records: number;
  /** The typed table's first rowid (inside a transaction rowids start at a large offset). */
  first: number;
}

/** Row checks: creates `into` (with its reasons) and `rejected`; returns the number of records scanned. */
export async function checkRows(engine: Engine, spec: TableSpec, staged: Staged, {into, rejected, parse, dates}: RowCheckTargets): Promise<Checked> {
  const fields = Array.from({length: staged.fieldCount}, (_, i) => field(i));
  const texts = spec.columns.map((_, i) => `${textValue(staged.positions[i] === undefined ? undefined : field(staged.positions[i]!))} AS ${v(i)}`);
  const values = spec.columns.map((c, i) => `${parsed(c.type, v(i), parse)} AS ${p(i)}`);
  const checks = rowChecks(spec, staged, {parse, dates});
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

  // Records count from 0 in file order: the table's rowids, less the first.
  const [{records, first}] = await engine.all<{records: number; first: number}>(
    `SELECT count(*) AS records, coalesce(min(rowid), 0) AS first FROM ${ident(into)}`
  );
  // The column a row check names, by constant lookup on its reason.
  const columnOf = checks.length === 0 ? "CAST(NULL AS VARCHAR)" : `CASE _reason ${checks.map((c) => `WHEN ${literal(c.reason)} THEN ${c.column === undefined ? "NULL" : literal(c.column)}`).join(" ")} END`;
  await engine.run(`CREATE OR REPLACE TEMP TABLE ${ident(rejected)} AS
    SELECT rowid - ${first} AS rid, _reason AS reason, ${columnOf} AS column_name, _raw AS raw FROM ${ident(into)} WHERE _reason IS NOT NULL`);
  return {records, first};
}

/** Every row check of a table, in the order reasons are reported. */
function rowChecks(spec: TableSpec, staged: Staged, {parse, dates}: {parse: ParseOptions; dates: DateBounds}): (Check & {column?: string})[] {
  const at = (name: string) => spec.columns.findIndex((c) => c.name === name);
  // (a table of the configuration's own has no listed event dates)
  const events = eventDates[spec.name as TableName] ?? [];
  const identifiers = new Set([...spec.key, ...spec.columns.filter((c) => c.references).map((c) => c.name)]);
  const perColumn = spec.columns.flatMap((c, i) => [
    ...columnChecks(c, v(i), p(i), parse),
    ...dateChecks(c, v(i), p(i), dates, {event: events.includes(c.name)}),
    ...(c.type === "string" && identifiers.has(c.name) ? excelNumberCheck(c, v(i)) : []),
  ].map((check) => ({...check, column: c.name})));
  const ordered = inOrder.filter((o) => o.table === spec.name).map((o) => ({fails: `${p(at(o.later))} < ${p(at(o.earlier))}`, reason: o.reason, column: o.later}));
  const distinct = different.filter((d) => d.table === spec.name).map((d) => ({fails: `${v(at(d.column))} = ${v(at(d.other))}`, reason: d.reason, column: d.column}));
  return [...repeatedHeader(spec, staged), ...perColumn, ...ordered, ...distinct];
}

// A header line in the middle (two exports pasted together): every mapped
// field holds its column's name, the first maybe behind a byte-order mark.
function repeatedHeader(spec: TableSpec, staged: Staged): Check[] {
  if (!staged.names) return [];
  const names = spec.columns.flatMap((_, i) => (staged.positions[i] === undefined ? [] : [[v(i), staged.names![staged.positions[i]!]] as const]));
  if (names.length === 0) return [];
  return [{fails: names.map(([value, name]) => `${value} IN (${literal(name)}, ${literal(`\uFEFF${name}`)})`).join(" AND "), reason: "repeated header"}];
}

export interface KeyCheckTargets {
  into: string;
  rejected: string;
  /** Where a parent table's accepted rows are, for the orphan check. */
  accepted: (table: string) => string;
  /** Activity before the client's opening date: quarantined, or counted as a warning. */
  activityBeforeOpening: "quarantine" | "warn";
  /** More conditions on a row of `into` alone, checked with the orphans (e.g. balance months after the as-of date). */
  late?: (Check & {column: string})[];
}

/** Key checks and the final table: orphans, facts about the client, duplicates; returns warnings (reason → rows). */
export async function checkKeys(engine: Engine, spec: TableSpec, {first}: Checked, {into, rejected, accepted, activityBeforeOpening, late = []}: KeyCheckTargets): Promise<Record<string, number>> {
  const numbered = `(SELECT rowid - ${first} AS _rid, * FROM ${ident(into)})`;
  const references = spec.columns.flatMap((c) => (c.references ? [{column: c.name, parent: c.references.table, parentColumn: c.references.column}] : []));
  const rules = againstClient.filter((r) => r.table === spec.name);
  const client = references.findIndex((r) => r.column === "client_id" && r.parent === "clients");
  const ruleCheck = (r: (typeof rules)[number]) => ({fails: `parent${client}.k IS NOT NULL AND ${clientRule(r, `parent${client}`)}`, reason: r.reason, column: r.column});
  const conditions = [
    ...references.map((r, n) => ({fails: `t.${ident(r.column)} IS NOT NULL AND parent${n}.k IS NULL`, reason: `orphan: ${r.column} not in ${r.parent}`, column: r.column})),
    ...rules.filter((r) => r.rule === "corporateClient" || activityBeforeOpening === "quarantine").map(ruleCheck),
    ...late,
  ];
  // The client's facts ride along with its key in the orphan check's join
  // (the opening month worked out once per client, not once per row).
  const payload = (n: number) => (n === client && rules.length > 0 ? ", open_date, strftime(open_date, '%Y-%m') AS open_month, client_type" : "");
  const joins = references.map(
    (r, n) => `LEFT JOIN (SELECT DISTINCT ${ident(r.parentColumn)} AS k${payload(n)} FROM ${ident(accepted(r.parent))}) parent${n} ON t.${ident(r.column)} = parent${n}.k`
  );
  if (conditions.length > 0) {
    const pick = (f: (c: (typeof conditions)[number]) => string) => `CASE ${conditions.map((c) => `WHEN ${c.fails} THEN ${literal(f(c))}`).join(" ")} END`;
    await engine.run(`INSERT INTO ${ident(rejected)}
      SELECT t._rid, ${pick((c) => c.reason)}, ${pick((c) => c.column)}, NULL
      FROM ${numbered} t ${joins.join(" ")}
      WHERE t._reason IS NULL AND (${conditions.map((c) => `(${c.fails})`).join(" OR ")})`);
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

  // Kept but counted: the rules the configuration turned into warnings.
  const warned = rules.filter((r) => r.rule === "notBeforeOpening" && activityBeforeOpening === "warn");
  const warnings: Record<string, number> = {};
  for (const rule of warned) {
    const [{n}] = await engine.all<{n: number}>(
      `SELECT count(*) AS n FROM ${ident(into)} t JOIN (SELECT *, strftime(open_date, '%Y-%m') AS open_month FROM ${ident(accepted("clients"))}) c ON t.client_id = c.client_id
       WHERE ${clientRule(rule, "c")}`
    );
    if (n > 0) warnings[rule.reason] = n;
  }
  return warnings;
}

/** The SQL that is true when a row breaks a rule about its client (`c` holds the client's open_date and client_type). */
function clientRule({rule, column}: (typeof againstClient)[number], c: string): string {
  if (rule === "corporateClient") return `${c}.client_type <> 'corporate'`;
  // A month is before the opening when it ends before it: compare months as text.
  return column === "month" ? `t.${ident(column)} < ${c}.open_month` : `t.${ident(column)} < ${c}.open_date`;
}
