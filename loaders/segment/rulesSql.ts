// The SQL back-end of the rule language: typed ladders (compileRules in
// src/segmentation/rules) as portable SQL for DuckDB and PostgreSQL-protocol
// warehouses. Same answers as the JS back-end (classifier.ts), record by
// record; test/segmentation/rules/backends.test.ts proves it on random rules
// and data.
//
// Missing values, as holds.ts defines them: NULL, NaN (numbers) and '' (text)
// are read as NULL, and a leaf on NULL is FALSE, `!=` included. Each leaf is
// `COALESCE(v IS NOT NULL AND <operator>, FALSE)`, so AND / OR / NOT only ever
// see TRUE or FALSE, as the JS booleans do. The operator's own SQL comes from
// the operator table and is only asked about present values.

import type {ColumnKind, ColumnKinds} from "./segmentSql.js";
import {doubleLiteral, ident, layer, nested} from "./segmentSql.js";
import {double, literal} from "../engine/dialect.js";
import {ruleLeaves, type Ladder, type Rule, type Value, type ValueType} from "../../src/segmentation/rules/index.js";

export interface TierColumns {
  /** The column that holds a classification's tier (segmentsTable.ts names it). */
  tierColumn: (id: string) => string;
}

/** A feature's column as a value of its type, NULL where the JS back-end sees a missing value. */
function valueSql(feature: string, type: ValueType): string {
  const column = ident(feature);
  switch (type) {
    case "number":
      // NaN = NaN holds in DuckDB and PostgreSQL alike, so NULLIF turns NaN into NULL
      return `NULLIF(${column}, CAST('NaN' AS ${double}))`;
    case "text":
      return `NULLIF(${column}, '')`;
    case "boolean":
      return column;
  }
}

function constantSql(value: Value, type: ValueType): string {
  switch (type) {
    case "number":
      return doubleLiteral(value as number);
    case "text":
      return literal(value as string);
    case "boolean":
      return value ? "TRUE" : "FALSE";
  }
}

/** One rule as a SQL boolean that is never NULL. */
export function ruleSql(rule: Rule, {tierColumn}: TierColumns): string {
  const visit = (r: Rule): string => {
    switch (r.kind) {
      case "all":
        return `(${r.rules.map(visit).join(" AND ")})`;
      case "any":
        return `(${r.rules.map(visit).join(" OR ")})`;
      case "not":
        return `(NOT ${visit(r.rule)})`;
      case "feature": {
        const value = valueSql(r.feature, r.type);
        const threshold = Array.isArray(r.threshold) ? r.threshold.map((v) => constantSql(v, r.type)) : constantSql(r.threshold as Value, r.type);
        return `COALESCE(${value} IS NOT NULL AND ${r.operator.sql(value, threshold)}, FALSE)`;
      }
      case "tier":
        return `COALESCE(${ident(tierColumn(r.classification))} IN (${r.tiers.map(literal).join(", ")}), FALSE)`;
    }
  };
  return visit(rule);
}

/** The tier of one classification as a CASE: the first tier whose rule holds; the last tier is the fallback. */
export function ladderSql(ladder: Ladder, options: TierColumns): string {
  const {tiers} = ladder;
  const last = tiers.length - 1;
  const fallback = literal(tiers[last].id);
  if (last === 0) return `CAST(${fallback} AS VARCHAR)`;
  const whens = tiers.slice(0, last).map((t) => `WHEN ${ruleSql(t.when!, options)} THEN ${literal(t.id)}`);
  return `CAST(CASE ${whens.join(" ")} ELSE ${fallback} END AS VARCHAR)`;
}

/**
 * The source plus a tier column for every ladder, one nested layer per ladder
 * so that later ones read earlier tiers, as the JS classifier does. `columns`
 * are the source's column kinds: a feature a rule reads must be there, with
 * the type the catalogue gives it, or this throws before any SQL runs.
 */
export function tiersSelectSql(ladders: readonly Ladder[], {source, columns, tierColumn}: {source: string; columns: ColumnKinds} & TierColumns): string {
  const decided = new Set<string>();
  let sql = source;
  for (const ladder of ladders) {
    checkColumns(ladder, columns, decided);
    sql = layer(sql, [`${ladderSql(ladder, {tierColumn})} AS ${ident(tierColumn(ladder.id))}`]);
    decided.add(ladder.id);
  }
  return sql === source ? `SELECT s.* FROM ${nested(source)} s` : sql;
}

function checkColumns(ladder: Ladder, columns: ColumnKinds, decided: ReadonlySet<string>): void {
  for (const leaf of ladder.tiers.flatMap((tier) => (tier.when ? ruleLeaves(tier.when) : []))) {
    if (leaf.kind === "tier") {
      if (!decided.has(leaf.classification)) throw new Error(`invalid classification reference: ${leaf.classification}`);
      continue;
    }
    const kind: ColumnKind | undefined = columns.get(leaf.feature);
    if (kind !== leaf.type) throw new Error(`invalid feature column: ${leaf.feature} is ${kind ?? "absent"} in the source of ${ladder.id}; its rules read it as ${leaf.type}`);
  }
}
