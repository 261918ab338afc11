// Segmentation as SQL besides the tier rules (rulesSql.ts): enterprise size,
// value history, RFM scores and segments, and nearest-centroid cluster
// assignment, generated from the same configuration the JS core reads, so
// that client-level rows can stay in the engine (DuckDB or a
// PostgreSQL-protocol warehouse).
//
// Every generator reproduces the JS core exactly, record for record:
// - enterprise size: src/segmentation/tiers/sizeClass.ts;
// - RFM: src/segmentation/rfm. RANK() − 1 over the quarter is "clients strictly
//   worse" (competition ranking), NULLs first are the worst, as NaN is in JS;
// - clusters: src/segmentation/clusters. Same fills, transforms, standardiser
//   and summation order; the first centroid at minimal distance wins.
// Each generator takes a source (table name or SELECT) and returns a SELECT of
// every source column plus the new ones: they nest.

import type {EnterpriseSizeConfig, RfmConfig} from "../../src/config/schema.js";
import type {ClusterModel} from "../../src/segmentation/clusters/index.js";
import {double, literal} from "../engine/dialect.js";

/** How the core sees a column's values: JS number, string or boolean. */
export type ColumnKind = "number" | "text" | "boolean";
export type ColumnKinds = ReadonlyMap<string, ColumnKind>;

/** The kind of an information_schema data_type, DuckDB or PostgreSQL spelling. */
export function columnKind(dataType: string): ColumnKind {
  const t = dataType.toUpperCase();
  if (t === "BOOLEAN" || t === "BOOL") return "boolean";
  if (/^(TINYINT|SMALLINT|INTEGER|INT|INT2|INT4|INT8|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|FLOAT4|FLOAT8|REAL|DOUBLE|DOUBLE PRECISION|NUMERIC|DECIMAL)\b/.test(t)) return "number";
  return "text";
}

export const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** A double constant that parses back to exactly this JS number (shortest round-trip text). */
export function doubleLiteral(value: number): string {
  if (Number.isNaN(value)) throw new Error(`invalid number: ${value}`);
  return `CAST('${value === Infinity ? "Infinity" : value === -Infinity ? "-Infinity" : String(value)}' AS ${double})`;
}

export const nested = (source: string) => (/^\s*(SELECT|WITH)\b/i.test(source) ? `(${source})` : source);
/** `SELECT s.*, <columns> FROM <source> s`: one layer of the nest. */
export const layer = (source: string, columns: readonly string[]) => `SELECT s.*, ${columns.join(", ")} FROM ${nested(source)} s`;

// --- numbers ---------------------------------------------------------------

/** A column read as sizeClass and featureMatrix read a number: numeric text counts, a boolean does not. */
function numericValue(column: string, kind: ColumnKind): string | undefined {
  if (kind === "number") return ident(column);
  // Number(" 12 ") is 12 in JS; text that is not a number errors in SQL where JS says false (see docs/scaling.md)
  if (kind === "text") return `CAST(NULLIF(TRIM(${ident(column)}), '') AS ${double})`;
  return undefined; // a boolean is never a number here
}

// --- enterprise size -------------------------------------------------------

const sizeClasses = ["large", "medium", "small", "micro"] as const;
const sizeMetrics = ["employees", "revenue", "assets"] as const;

/**
 * sizeClass (src/segmentation/tiers/sizeClass.ts) as an expression: per listed
 * metric the class it reaches (0 large … 3 micro; missing reaches micro), the
 * lowest class over the metrics, the fallback industry's bounds when the
 * record's industry is not in the table.
 */
export function sizeClassSql(cfg: EnterpriseSizeConfig, {columns, industryField = "industry"}: {columns: ColumnKinds; industryField?: string}): string {
  const rowSql = (industry: string): string => {
    const row = cfg.industries[industry];
    if (!row) throw new Error(`invalid fallback industry: ${industry}`);
    const reached = sizeMetrics.flatMap((metric) => {
      const bounds = row[metric];
      if (!bounds) return [];
      const feature = cfg.metrics[metric];
      const kind = columns.get(feature);
      const v = kind === undefined ? undefined : numericValue(feature, kind);
      if (v === undefined) return ["3"];
      // the JS loop climbs small → medium → large while the value meets the bound
      return [`CASE WHEN ${v} IS NULL OR NOT (${v} >= ${doubleLiteral(bounds[2])}) THEN 3 WHEN NOT (${v} >= ${doubleLiteral(bounds[1])}) THEN 2 WHEN NOT (${v} >= ${doubleLiteral(bounds[0])}) THEN 1 ELSE 0 END`];
    });
    if (!reached.length) return "3";
    return reached.length === 1 ? reached[0] : `GREATEST(${reached.join(", ")})`;
  };
  const fallback = rowSql(cfg.fallbackIndustry);
  const industries = Object.keys(cfg.industries).filter((i) => i !== cfg.fallbackIndustry);
  const industryKind = columns.get(industryField);
  const index =
    industryKind === "text" && industries.length
      ? `CASE ${ident(industryField)} ${industries.map((i) => `WHEN ${literal(i)} THEN ${rowSql(i)}`).join(" ")} ELSE ${fallback} END`
      : fallback; // JS takes the industry only when it is a string
  return `CAST(CASE ${index} ${sizeClasses.map((c, i) => `WHEN ${i} THEN ${literal(c)}`).join(" ")} END AS VARCHAR)`;
}

// --- value history ---------------------------------------------------------

/**
 * valueHistory (src/segmentation/history) over every quarter at once: from a
 * source of (client_pid, quarter, is_value), whether the client was a value
 * client in an earlier quarter it appears in, and how many consecutive
 * quarters it has appeared below the value line, this one included.
 */
export function valueHistorySql({source, idField = "client_pid", quarterField = "quarter"}: {source: string; idField?: string; quarterField?: string}): string {
  const id = ident(idField);
  const q = ident(quarterField);
  const w = `PARTITION BY ${id} ORDER BY ${q}`;
  return `SELECT ${id}, ${q},
       COALESCE(MAX(CASE WHEN is_value THEN 1 ELSE 0 END) OVER (${w} ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) = 1 AS was_value_client,
       CAST(rn - COALESCE(MAX(CASE WHEN is_value THEN rn END) OVER (${w} ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW), 0) AS INTEGER) AS quarters_below_value
FROM (SELECT ${id}, ${q}, is_value, ROW_NUMBER() OVER (${w}) AS rn FROM ${nested(source)} v) h`;
}

// --- RFM -------------------------------------------------------------------

/** A column as rfmScores reads it: numbers as they are, numeric text parsed, booleans and absent columns missing. */
function rfmValue(feature: string, columns: ColumnKinds): string {
  const kind = columns.get(feature);
  return (kind && kind !== "boolean" && numericValue(feature, kind)) || `CAST(NULL AS ${double})`;
}

/**
 * The source plus rfm_r, rfm_f, rfm_m, rfm_fm and rfm_segment, scored within
 * each `partitionBy` group (a quarter): score = 1 + floor(bins × clients
 * strictly worse / clients), missing values worst.
 */
export function rfmSelectSql(
  cfg: Pick<RfmConfig, "bins" | "recencyFeature" | "frequencyFeature" | "monetaryFeature" | "segments">,
  {source, columns, partitionBy = "quarter"}: {source: string; columns: ColumnKinds; partitionBy?: string}
): string {
  const {bins} = cfg;
  const part = `PARTITION BY ${ident(partitionBy)}`;
  const score = (feature: string, order: "ASC" | "DESC", name: string) =>
    `CAST(1 + FLOOR(CAST(${bins} * (RANK() OVER (${part} ORDER BY ${rfmValue(feature, columns)} ${order} NULLS FIRST) - 1) AS ${double}) / CAST(COUNT(*) OVER (${part}) AS ${double})) AS INTEGER) AS ${name}`;
  const scored = layer(source, [
    score(cfg.recencyFeature, "DESC", "rfm_r"), // fewer days is better: the worst sort first
    score(cfg.frequencyFeature, "ASC", "rfm_f"),
    score(cfg.monetaryFeature, "ASC", "rfm_m"),
  ]);
  const fm = `CAST(FLOOR(CAST(rfm_f + rfm_m + 1 AS ${double}) / 2) AS INTEGER)`; // combineFm: round half up
  const withFm = layer(scored, [`${fm} AS rfm_fm`]);
  const segment = cfg.segments.length
    ? `CAST(CASE ${cfg.segments
        .map((s) => `WHEN rfm_r BETWEEN ${s.r[0]} AND ${s.r[1]} AND rfm_fm BETWEEN ${s.fm[0]} AND ${s.fm[1]} THEN ${literal(s.id)}`)
        .join(" ")} END AS VARCHAR)`
    : "CAST(NULL AS VARCHAR)";
  return layer(withFm, [`${segment} AS rfm_segment`]);
}

// --- clusters --------------------------------------------------------------

/** A feature as featureMatrix reads it, transformed, the model's median where missing. */
function clusterValue(feature: ClusterModel["features"][number], median: number, columns: ColumnKinds): string {
  const kind = columns.get(feature.feature);
  const column = ident(feature.feature);
  const raw = kind === undefined ? undefined : kind === "boolean" ? `CASE WHEN ${column} THEN 1.0 WHEN NOT ${column} THEN 0.0 END` : numericValue(feature.feature, kind);
  const fill = doubleLiteral(median);
  if (raw === undefined) return fill;
  // log1p(max(0, x)) as LN(1 + x): equal to the last bit or two (see docs/scaling.md)
  if (feature.transform === "log1p") return `CASE WHEN ${raw} IS NULL THEN ${fill} WHEN ${raw} <= 0 THEN ${doubleLiteral(0)} ELSE LN(1 + CAST(${raw} AS ${double})) END`;
  return `COALESCE(CAST(${raw} AS ${double}), ${fill})`;
}

/**
 * The source plus `column` (default cluster): the stable id of the nearest
 * centroid in standardised units (squared Euclidean, summed feature by feature
 * as nearestCentroid does), the lowest id on a tie.
 */
export function clusterSelectSql(model: Pick<ClusterModel, "features" | "medians" | "means" | "sds" | "centroids">, {source, columns, column = "cluster"}: {source: string; columns: ColumnKinds; column?: string}): string {
  const d = model.features.length;
  const k = model.centroids.length;
  if (!k) throw new Error(`invalid cluster model: no centroids`);
  const z = model.features.map((f, j) => `(${clusterValue(f, model.medians[j], columns)} - ${doubleLiteral(model.means[j])}) / ${doubleLiteral(model.sds[j])} AS _seg_z${j}`);
  const distance = (c: number) =>
    model.centroids[c].map((v, j) => `(_seg_z${j} - ${doubleLiteral(v)}) * (_seg_z${j} - ${doubleLiteral(v)})`).join(" + ") + ` AS _seg_d${c}`;
  if (model.centroids.some((c) => c.length !== d)) throw new Error(`invalid cluster model: centroids of ${model.centroids[0].length} features for ${d}`);
  const distances = layer(layer(source, z), model.centroids.map((_, c) => distance(c)));
  const whens = model.centroids.slice(0, -1).map((_, c) => {
    const later = Array.from({length: k - c - 1}, (_, i) => `_seg_d${c} <= _seg_d${c + 1 + i}`);
    return `WHEN ${later.join(" AND ")} THEN ${c}`;
  });
  const argmin = k === 1 ? "0" : `CASE ${whens.join(" ")} ELSE ${k - 1} END`;
  return layer(distances, [`CAST(${argmin} AS INTEGER) AS ${ident(column)}`]);
}
