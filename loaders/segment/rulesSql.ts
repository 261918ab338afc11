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
//
// A {feature, top} rule ranks the record among the period's clients: a first
// layer counts, per partition (the quarter), the rows at or above each ranked
// value (a window ordered by the value, descending, whose frame ends with the
// value's peers) and the rows in all; the leaf compares the share, count / all
// in doubles, with the rule's share, as the JS back-end's rankIndex does.

import type {ColumnKind, ColumnKinds} from "./segmentSql.js";
import {doubleLiteral, ident, layer, nested} from "./segmentSql.js";
import {double, literal} from "../engine/dialect.js";
import {rankedFeatures, ruleLeaves, type Ladder, type Rule, type Value, type ValueType} from "../../src/segmentation/rules/index.js";

export interface TierColumns {
  /** The column that holds a classification's tier (segmentsTable.ts names it). */
  tierColumn: (id: string) => string;
}

/** Rows at or above a record's value of a ranked feature, and rows in the partition (the top rules' layer). */
const atOrAboveColumn = (feature: string) => `_seg_at_or_above_${feature}`;
const partitionSizeColumn = "_seg_partition_size";

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
      case "top": {
        const share = `CAST(${ident(atOrAboveColumn(r.feature))} AS ${double}) / CAST(${ident(partitionSizeColumn)} AS ${double})`;
        return `COALESCE(${valueSql(r.feature, "number")} IS NOT NULL AND ${share} <= ${doubleLiteral(r.share)}, FALSE)`;
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
 * `partitionBy` is the period {feature, top} rules rank within (default the
 * quarter; null: the whole source).
 */
export function tiersSelectSql(
  ladders: readonly Ladder[],
  {source, columns, tierColumn, partitionBy = "quarter"}: {source: string; columns: ColumnKinds; partitionBy?: string | null} & TierColumns
): string {
  const decided = new Set<string>();
  let sql = source;
  const ranked = rankedFeatures(ladders);
  if (ranked.length) {
    const partition = partitionBy === null ? "" : `PARTITION BY ${ident(partitionBy)}`;
    sql = layer(sql, [
      ...ranked.map((f) => `COUNT(*) OVER (${partition} ORDER BY ${valueSql(f, "number")} DESC NULLS LAST) AS ${ident(atOrAboveColumn(f))}`),
      `COUNT(*) OVER (${partition}) AS ${ident(partitionSizeColumn)}`,
    ]);
  }
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
    const type = leaf.kind === "top" ? "number" : leaf.type;
    if (kind !== type) throw new Error(`invalid feature column: ${leaf.feature} is ${kind ?? "absent"} in the source of ${ladder.id}; its rules read it as ${type}`);
  }
}
