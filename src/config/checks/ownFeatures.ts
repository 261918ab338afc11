// The configuration's own features (its `features` section), checked at load:
// each is a new name, reads a table that has clients and periods (or the
// record's other features), and its expression, filter, aggregation, unit and
// default agree in type. An unknown column or a sum of text is reported here,
// with the file, line and path, before any SQL is written.

import {closest} from "../closest.js";
import type {TableSpec} from "../contract.js";
import {checkExpression, type ColumnKind, type ExpressionScope, type ValueKind} from "../expression/check.js";
import type {FeatureCatalogue} from "../features.js";
import type {ConfigIssue} from "../issue.js";
import type {ConfigPath} from "../path.js";
import {gotExpected} from "../showValue.js";
import {featureUnits, typeOfUnit, type FeatureUnit} from "../units.js";
import {tablesOf} from "./extract.js";
import {list, record, text} from "./input.js";

/** Computed from the record's other features rather than aggregated from a table. */
export const fromFeatures = "features";

/** Columns of the features tables that are keys, not features. */
const keyColumns = ["client_pid", "client_no", "quarter", "client_type"];

/** The value kind each aggregation reads, and what it makes of it (same: the kind it read). */
const aggregation: Record<string, {reads: readonly ValueKind[]; makes: ValueKind | "same"}> = {
  sum: {reads: ["number"], makes: "number"},
  avg: {reads: ["number"], makes: "number"},
  daily_average: {reads: ["number"], makes: "number"},
  min: {reads: ["number", "code"], makes: "same"},
  max: {reads: ["number", "code"], makes: "same"},
  count: {reads: ["number", "text", "code", "boolean"], makes: "number"},
  any: {reads: ["boolean"], makes: "boolean"},
  all: {reads: ["boolean"], makes: "boolean"},
};

const noun: Record<ValueKind, string> = {number: "a number", text: "free text", code: "a code", boolean: "a yes/no value", null: "NULL"};
const kindOfUnit = (unit: FeatureUnit): ValueKind => ({number: "number", text: "code", boolean: "boolean"} as const)[typeOfUnit(unit)];

/** How expressions see a table column. */
export function columnKind(column: TableSpec["columns"][number], table: TableSpec): ColumnKind {
  if (column.directIdentifier) return {unusable: "it is a direct identifier, which never leaves the secure extract"};
  // (a period column of another type is reported by the extract check, and read as any column here)
  if (column.name === table.features?.period && ["month", "quarter", "date"].includes(column.type)) return {unusable: `it places ${table.name}'s rows in periods (see window)`};
  switch (column.type) {
    case "integer":
    case "decimal":
      return "number";
    case "boolean":
      return "boolean";
    case "enum":
      return "code";
    case "string":
      return "text";
    default:
      return {unusable: `it is a ${column.type}; dates and periods place rows in periods, they are not computed on`};
  }
}

export function checkOwnFeatures(input: Record<string, unknown>, {contract, features}: {contract?: readonly TableSpec[]; features: FeatureCatalogue}): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const tables = contract ? tablesOf(input, contract) : undefined;
  const seen = new Map<string, number>();
  list(input.features).forEach((value, i) => {
    const f = record(value);
    const at = (...rest: ConfigPath) => ["features", i, ...rest];
    const problem = (path: ConfigPath, message: string) => void issues.push({path, message});
    const id = text(f.id);
    const appliesTo = f.appliesTo === "retail" || f.appliesTo === "corporate" ? f.appliesTo : undefined;
    const unit = featureUnits.find((u) => u === f.unit);
    if (id !== undefined) {
      if (keyColumns.includes(id)) problem(at("id"), gotExpected(id, `a new name: ${id} is a key column of the features tables`));
      else if (Object.hasOwn(features, id) && !features[id].own) problem(at("id"), gotExpected(id, `a new name: ${id} is a built-in feature (docs/configuration.md lists them)`));
      else if (seen.has(id)) problem(at("id"), gotExpected(id, `each feature once (it is also features[${seen.get(id)}])`));
      else seen.set(id, i);
    }
    const from = text(f.from);
    if (from === undefined || appliesTo === undefined || unit === undefined) return;
    const wanted = kindOfUnit(unit);

    if (from === fromFeatures) {
      for (const key of ["aggregate", "window", "where"]) if (f[key] !== undefined) problem(at(key), `${key} only applies to features aggregated from a table; from: features computes each client-quarter from its own features`);
      // The record's features: built-in ones of the features stage and own ones listed before this one.
      const position = new Map(list(input.features).map((e, k) => [text(record(e).id), k]));
      const columns = Object.fromEntries(
        Object.entries(features)
          .filter(([, feature]) => feature.of.includes(appliesTo) && !feature.derived)
          .map(([name, feature]): [string, ColumnKind] => [
            name,
            feature.own && position.get(name)! >= i
              ? {unusable: `it is features[${position.get(name)}], not listed before this one: a feature computed from features reads the ones before it`}
              : ({number: "number", text: "code", boolean: "boolean"} as const)[feature.type],
          ])
      );
      const scope = {columns, source: `the features of a ${appliesTo} client-quarter (built-in, and own ones listed before this one)`, previous: true};
      const kind = expression(f.expression, at("expression"), scope, issues, {required: "an expression over the client-quarter's features"});
      if (kind !== undefined && kind !== "null" && kind !== wanted) problem(at("expression"), `the expression is ${noun[kind]}; unit ${unit} needs ${noun[wanted]}${kind === "text" ? " (free text may identify a client: only codes become features)" : ""}`);
    } else if (tables) {
      const table = tables.find((t) => t.name === from);
      const sources = tables.filter((t) => t.features).map((t) => t.name);
      if (!table || !table.features) {
        const near = closest(from, [...sources, fromFeatures]);
        problem(at("from"), gotExpected(from, `a table with a client per row (${near ? `did you mean ${near}?` : sources.join(", ")}) or ${fromFeatures}`));
        return;
      }
      if (table.name === "corporate_metrics" && appliesTo === "retail") return problem(at("appliesTo"), gotExpected(appliesTo, "corporate: corporate_metrics holds corporate clients only"));
      const period = table.columns.find((c) => c.name === table.features!.period);
      if (f.window !== undefined && !period) problem(at("window"), `${from} has no period column: its rows hold for every period, so there is no window to choose`);
      const agg = text(f.aggregate);
      if (agg === undefined) return problem(at("aggregate"), `missing; expected how ${from}'s rows combine per client and period: ${Object.keys(aggregation).join(", ")}`);
      if (!Object.hasOwn(aggregation, agg)) return;
      if (agg === "daily_average" && period?.type !== "month")
        problem(at("aggregate"), `daily_average weighs monthly figures by their days; ${from} is ${period ? `placed by a ${period.type}` : "not placed by month"}`);
      const columns = Object.fromEntries(table.columns.map((c) => [c.name, columnKind(c, table)]));
      const scope = {columns, source: from};
      expressionOf(f.where, at("where"), scope, issues, "boolean", "where");
      // count without an expression counts rows: a number like any count
      const rows = agg === "count" && f.expression === undefined;
      const kind = rows ? "number" : expression(f.expression, at("expression"), scope, issues, {required: `the value to ${agg} over ${from}'s rows`});
      if (kind === undefined) return;
      const {reads, makes} = aggregation[agg];
      if (kind !== "null" && !reads.includes(kind))
        return problem(at("expression"), `the expression is ${noun[kind]}; ${agg} needs ${reads.map((k) => noun[k]).join(" or ")}${kind === "text" ? " (free text may identify a client: only codes become features)" : ""}`);
      const result = makes === "same" ? kind : makes;
      if (result !== "null" && result !== wanted) problem(at("unit"), gotExpected(unit, `a unit for ${noun[result]}, which ${agg} makes here (${result === "boolean" ? "flag" : result === "code" ? "code" : "money, wan, count, days, months, share or number"})`));
    }
    if (f.default !== undefined) {
      const type = typeof f.default;
      const fits = wanted === "number" ? type === "number" && Number.isFinite(f.default) : wanted === "boolean" ? type === "boolean" : type === "string";
      if (!fits) problem(at("default"), gotExpected(f.default, `${noun[wanted]}, as unit ${unit} says`));
    }
  });
  return issues;
}

/** The kind of an expression field, after reporting its problems; undefined when it has problems (or is absent). */
function expression(value: unknown, path: ConfigPath, scope: ExpressionScope, issues: ConfigIssue[], {required}: {required?: string}): ValueKind | undefined {
  const source = text(value);
  if (source === undefined) {
    if (required && value === undefined) issues.push({path, message: `missing; expected ${required}`});
    return undefined;
  }
  const {kind, problems} = checkExpression(source, scope);
  // one line per problem: a column named twice is reported where it first appears
  const seen = new Set<string>();
  for (const p of problems) if (!seen.has(p.message) && seen.add(p.message)) issues.push({path, message: `${p.message} (character ${p.at + 1} of ${JSON.stringify(source)})`});
  return kind;
}

function expressionOf(value: unknown, path: ConfigPath, scope: ExpressionScope, issues: ConfigIssue[], wanted: ValueKind, what: string): void {
  const kind = expression(value, path, scope, issues, {});
  if (kind !== undefined && kind !== "null" && kind !== wanted) issues.push({path, message: `${what} needs ${noun[wanted]}; this is ${noun[kind]}`});
}
