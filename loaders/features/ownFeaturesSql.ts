// The configuration's own features (its `features` section) as portable SQL:
// aggregations per client and period over a staged extract table, and
// expressions over a client-period's other features. featuresSql.ts puts them
// into the features and corporate_features tables beside the built-in ones.
//
// Windows. A table placed by month or date meets a quarter through the months
// of its window: the quarter's three, or (window: year) the twelve up to its
// end, as far as the reporting calendar reaches back. A table placed by
// quarter meets it through the quarters of the window; a table without a
// period column (clients) holds for every quarter. daily_average weighs each
// monthly figure by its days and divides by the window's days, as average
// daily AUM does (docs/methodology/features.md).

import {parseQuarter, daysInMonth} from "../../src/segmentation/periods/index.js";
import type {TableSpec} from "../../src/config/contract.js";
import {parseExpression} from "../../src/config/expression/syntax.js";
import {fromFeatures} from "../../src/config/checks/ownFeatures.js";
import type {OwnFeature} from "../../src/config/schema.js";
import {double, exactSum, literal} from "../engine/dialect.js";
import {doubleLiteral, ident} from "../segment/segmentSql.js";
import {expressionSql} from "./expressionSql.js";

export interface OwnFeaturesPlan {
  /** The configuration's own features, in its order. */
  features: readonly OwnFeature[];
  /** The extract's tables: the contract and the configuration's own (extractContract). */
  tables: readonly TableSpec[];
}

/** The staged (pseudonymised) relation that holds a table's rows, keyed by client_no (loaders/anonymise/staging.ts). */
export const stagedTable = (table: string) => `s_${table}`;

/** A column of a feature-building layer: its SQL and its name. */
export type Column = readonly [sql: string, name: string];

export interface OwnFeatureParts {
  /** WITH entries: the window tables and one aggregate per (table, window, filter). */
  ctes: string[];
  /** Joins onto the record source (which has client_no and quarter), each with USING. */
  joins: string[];
  /** The aggregated features as columns of the record layer. */
  aggregated: Column[];
  /** The features computed from features, in order: each a layer over the ones before. */
  derived: {name: string; sql: (layer: string) => string}[];
  /** Every own feature of the client type, in the configuration's order: the table's column order after the built-in ones. */
  names: string[];
}

/** Quarter index, so that PREVIOUS can tell a client's earlier quarter from a gap. */
export const quarterIndexColumn = "_seg_q_index";
export const quarterIndexSql = (quarter: string) => `CAST(SUBSTRING(${quarter}, 1, 4) AS INTEGER) * 4 + CAST(SUBSTRING(${quarter}, 6, 1) AS INTEGER)`;

const spanQuarters = {quarter: 1, year: 4} as const;

function windowRows(quarters: readonly string[]): {months: string[]; quarters: string[]} {
  const months: string[] = [];
  const sources: string[] = [];
  quarters.forEach((quarter, i) => {
    for (const span of ["quarter", "year"] as const) {
      const inWindow = quarters.slice(Math.max(0, i - spanQuarters[span] + 1), i + 1);
      const windowMonths = inWindow.flatMap((q) => parseQuarter(q).months);
      const days = windowMonths.reduce((sum, m) => sum + daysInMonth(m), 0);
      for (const m of windowMonths) months.push(`(${literal(span)}, ${literal(quarter)}, ${literal(m)}, ${daysInMonth(m)}, ${days})`);
      for (const q of inWindow) sources.push(`(${literal(span)}, ${literal(quarter)}, ${literal(q)})`);
    }
  });
  return {months, quarters: sources};
}

const moneyUnits = new Set(["money", "wan"]);

function typeOf(feature: OwnFeature): string {
  if (feature.unit === "flag") return "BOOLEAN";
  if (feature.unit === "code") return "VARCHAR";
  return feature.aggregate === "count" ? "INTEGER" : double;
}

function constant(value: OwnFeature["default"]): string {
  if (value === undefined) return "NULL";
  if (typeof value === "number") return doubleLiteral(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return literal(value);
}

function aggregateSql(feature: OwnFeature, value: string | undefined): string {
  // sums are of whole hundredths (money) or millionths: the same bytes whatever order the engine adds in
  const sum = (e: string) => exactSum(e, {decimals: moneyUnits.has(feature.unit) ? 2 : 6});
  switch (feature.aggregate) {
    case "sum":
      return sum(value!);
    case "avg":
      return `(${sum(value!)} / NULLIF(COUNT(${value}), 0))`;
    case "daily_average":
      return `(${sum(`${value} * w.m_days`)} / MAX(w.w_days))`;
    case "min":
      return `MIN(${value})`;
    case "max":
      return `MAX(${value})`;
    case "count":
      return value === undefined ? "COUNT(*)" : `COUNT(${value})`;
    case "any":
      return `BOOL_OR(${value})`;
    case "all":
      return `BOOL_AND(${value})`;
    default:
      throw new Error(`invalid feature: ${feature.id} has no aggregate`);
  }
}

/** Internal name of an aggregated feature inside its CTE (never clashes with the record source's columns). */
const ownColumn = (id: string) => `own_${id}`;

/**
 * The SQL parts of the own features of one client type. `quarters` is the
 * reporting calendar (for the windows).
 */
export function ownFeatureParts(plan: OwnFeaturesPlan, appliesTo: "retail" | "corporate", {quarters}: {quarters: readonly string[]}): OwnFeatureParts {
  const features = plan.features.filter((f) => f.appliesTo === appliesTo);
  const groups = new Map<string, {table: TableSpec; window: "quarter" | "year"; where?: string; features: OwnFeature[]}>();
  for (const feature of features.filter((f) => f.from !== fromFeatures)) {
    const table = plan.tables.find((t) => t.name === feature.from);
    if (!table?.features) throw new Error(`invalid feature: ${feature.id} reads ${feature.from}, which has no client per row`);
    const window = feature.window ?? "quarter";
    const key = JSON.stringify([table.name, window, feature.where ?? null]);
    if (!groups.has(key)) groups.set(key, {table, window, where: feature.where, features: []});
    groups.get(key)!.features.push(feature);
  }

  const rows = windowRows(quarters);
  const ctes: string[] = [];
  const periodType = (table: TableSpec) => table.columns.find((c) => c.name === table.features!.period)?.type;
  const usesMonths = [...groups.values()].some((g) => periodType(g.table) === "month" || periodType(g.table) === "date");
  const usesQuarters = [...groups.values()].some((g) => periodType(g.table) === "quarter");
  if (usesMonths) ctes.push(`f_windows (span, quarter, month, m_days, w_days) AS (VALUES ${rows.months.join(", ")})`);
  if (usesQuarters) ctes.push(`f_window_quarters (span, quarter, source_quarter) AS (VALUES ${rows.quarters.join(", ")})`);

  const joins: string[] = [];
  const column = (name: string) => `r.${ident(name)}`;
  [...groups.values()].forEach((group, n) => {
    const {table, window} = group;
    const name = `own_${appliesTo}_${n}`;
    const periodColumn = table.columns.find((c) => c.name === table.features!.period);
    const aggregates = group.features.map((f) => `${aggregateSql(f, f.expression === undefined ? undefined : expressionSql(parseExpression(f.expression), {column}))} AS ${ident(ownColumn(f.id))}`);
    const where = group.where === undefined ? "" : ` WHERE ${expressionSql(parseExpression(group.where), {column})}`;
    if (!periodColumn) {
      ctes.push(`${name} AS (SELECT r.client_no, ${aggregates.join(", ")} FROM ${stagedTable(table.name)} r${where} GROUP BY r.client_no)`);
      joins.push(`LEFT JOIN ${name} USING (client_no)`);
      return;
    }
    const period = column(periodColumn.name);
    const on =
      periodColumn.type === "quarter"
        ? `f_window_quarters w ON w.span = ${literal(window)} AND w.source_quarter = ${period}`
        : `f_windows w ON w.span = ${literal(window)} AND w.month = ${periodColumn.type === "date" ? `SUBSTRING(CAST(${period} AS VARCHAR), 1, 7)` : period}`;
    ctes.push(`${name} AS (SELECT r.client_no, w.quarter, ${aggregates.join(", ")} FROM ${stagedTable(table.name)} r JOIN ${on}${where} GROUP BY r.client_no, w.quarter)`);
    joins.push(`LEFT JOIN ${name} USING (client_no, quarter)`);
  });

  const aggregated: Column[] = features
    .filter((f) => f.from !== fromFeatures)
    .map((f) => [`CAST(COALESCE(${ident(ownColumn(f.id))}, ${constant(f.default)}) AS ${typeOf(f)})`, f.id]);

  const derived = features
    .filter((f) => f.from === fromFeatures)
    .map((f) => ({
      name: f.id,
      sql: (layer: string) => {
        const over = `OVER (PARTITION BY ${layer}.client_no ORDER BY ${layer}.quarter)`;
        const value = expressionSql(parseExpression(f.expression!), {
          column: (name) => `${layer}.${ident(name)}`,
          // the value `quarters` quarters back, when the client has a record then (not merely n records back)
          previous: (name, n) =>
            `(CASE WHEN LAG(${layer}.${quarterIndexColumn}, ${n}) ${over} = ${layer}.${quarterIndexColumn} - ${n} THEN LAG(${layer}.${ident(name)}, ${n}) ${over} END)`,
        });
        return `CAST(COALESCE(${value}, ${constant(f.default)}) AS ${typeOf(f)})`;
      },
    }));
  return {ctes, joins, aggregated, derived, names: features.map((f) => f.id)};
}

/**
 * CREATE TABLE <table> from a record source and its columns, with the own
 * features of the client type added after them. `source` is a FROM clause
 * whose rows carry client_no and quarter; `columns` are the built-in ones.
 */
export function featureTableSql(
  table: string,
  {with: withs, source, columns, plan, appliesTo, quarters}: {with: string[]; source: string; columns: readonly Column[]; plan: OwnFeaturesPlan; appliesTo: "retail" | "corporate"; quarters: readonly string[]}
): string {
  const own = ownFeatureParts(plan, appliesTo, {quarters});
  const base = `SELECT client_no, ${quarterIndexSql("quarter")} AS ${quarterIndexColumn}, ${[...columns, ...own.aggregated].map(([sql, name]) => `${sql} AS ${ident(name)}`).join(", ")}
       FROM ${source} ${own.joins.join(" ")}`;
  let layer = base;
  own.derived.forEach(({name, sql}, i) => {
    const alias = `d${i}`;
    layer = `SELECT ${alias}.*, ${sql(alias)} AS ${ident(name)} FROM (${layer}) ${alias}`;
  });
  const names = [...columns.map(([, name]) => name), ...own.names];
  const ctes = [...withs, ...own.ctes];
  return `CREATE TABLE ${table} AS
     ${ctes.length ? `WITH ${ctes.join(",\n")}` : ""}
     SELECT ${names.map(ident).join(", ")} FROM (${layer}) f`;
}
