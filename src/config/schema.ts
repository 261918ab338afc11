// The workspace configuration: one schema for everything an analyst may change.
//
// Isomorphic (zod only): the loaders validate the YAML file with it, and the
// Explore page validates what "copy as configuration" produces. Defaults come
// from ../shared/DOMAIN.md and live in data/config.default.yaml, not here: the
// schema says what is allowed, the file says what is chosen.

import {z} from "zod";
import {operators, type OperatorTable} from "../segmentation/rules/operators.js";
import type {Condition} from "../segmentation/rules/syntax.js";
import {featureUnits} from "./units.js";

export type {Condition};

const label = z.strictObject({zh: z.string().min(1), en: z.string().min(1)});
export type Label = z.infer<typeof label>;

const scalar = z.union([z.number(), z.string(), z.boolean()]);
const lowerName = z.string().regex(/^[a-z][a-z0-9_]*$/, "a lower-case name (letters, digits, _)");

const conditionMeta = {
  title: "condition",
  description: "A condition on one client-period record: {feature, op, value} | {feature, in} | {feature, top} | {classification, in} | {all} | {any} | {not}.",
};

/**
 * The schema of a condition, recursive through all / any / not, for an
 * operator table: `op` is any of the table's keys. Shapes only; whether the
 * feature exists and the value fits it is the rule type check's business
 * (src/segmentation/rules/resolve.ts, run by checks/rules.ts).
 */
export function conditionSchema(table: OperatorTable = operators, meta: {id?: string; title: string; description: string} = conditionMeta): z.ZodType<Condition> {
  const op = z.enum(Object.keys(table) as [string, ...string[]]);
  const self: z.ZodType<Condition> = z
    .lazy(() =>
      z.union([
        z.strictObject({feature: z.string().min(1), op, value: z.union([z.number(), z.string(), z.boolean(), z.array(scalar).min(1)])}),
        z.strictObject({feature: z.string().min(1), in: z.array(scalar).min(1)}),
        z.strictObject({feature: z.string().min(1), top: z.number()}),
        z.strictObject({classification: z.string().min(1), in: z.array(z.string()).min(1)}),
        z.strictObject({all: z.array(self).min(1)}),
        z.strictObject({any: z.array(self).min(1)}),
        z.strictObject({not: self}),
      ])
    )
    .meta(meta);
  return self;
}

export const condition = conditionSchema(operators, {id: "condition", ...conditionMeta});

const tierRule = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/, "a lower-case id (letters, digits, _)"),
  label,
  /** Omitted on the last tier: the fallback that makes the ladder total. */
  when: condition.optional(),
});

const classification = z
  .strictObject({
    id: z.string().regex(/^[a-z][a-z0-9_]*$/, "a lower-case id (letters, digits, _)"),
    label,
    appliesTo: z.enum(["retail", "corporate"]),
    /** Ordered: the first tier whose condition holds wins. */
    tiers: z.array(tierRule).min(1),
  })
  .superRefine((c, ctx) => {
    const last = c.tiers.length - 1;
    c.tiers.forEach((t, i) => {
      if (i < last && t.when === undefined)
        ctx.addIssue({code: "custom", path: ["tiers", i, "when"], message: "only the last tier may omit `when` (it is the fallback)"});
    });
    if (c.tiers[last].when !== undefined)
      ctx.addIssue({code: "custom", path: ["tiers", last, "when"], message: "the last tier must omit `when`, so that every client gets a tier"});
    const ids = new Set<string>();
    c.tiers.forEach((t, i) => {
      if (ids.has(t.id)) ctx.addIssue({code: "custom", path: ["tiers", i, "id"], message: `duplicate tier id: ${t.id}`});
      ids.add(t.id);
    });
  });
export type Classification = z.infer<typeof classification>;

// Enterprise size by the national standard, kept as data (DOMAIN.md §3).
// bounds = [large, medium, small] lower bounds; micro is below small.
const sizeBounds = z.tuple([z.number().nonnegative(), z.number().nonnegative(), z.number().nonnegative()]).refine(
  ([l, m, s]) => l >= m && m >= s,
  "bounds must be [large, medium, small] in decreasing order"
);
const enterpriseSize = z.strictObject({
  metrics: z.strictObject({employees: z.string(), revenue: z.string(), assets: z.string()}),
  industries: z.record(
    z.string(),
    z.strictObject({
      label,
      employees: sizeBounds.optional(),
      revenue: sizeBounds.optional(),
      assets: sizeBounds.optional(),
    })
  ),
  /** Industry used when a client's industry is not in the table. */
  fallbackIndustry: z.string(),
});
export type EnterpriseSizeConfig = z.infer<typeof enterpriseSize>;

const rfmSegment = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  label,
  /** Inclusive score ranges; F and M combine into FM = round((F + M) / 2). */
  r: z.tuple([z.number().int(), z.number().int()]),
  fm: z.tuple([z.number().int(), z.number().int()]),
});

const rfm = z.strictObject({
  bins: z.number().int().min(2).max(10),
  recencyFeature: z.string(),
  frequencyFeature: z.string(),
  monetaryFeature: z.string(),
  /** Ordered: the first segment whose ranges hold wins. */
  segments: z.array(rfmSegment).min(1),
});
export type RfmConfig = z.infer<typeof rfm>;

const kmeansFeature = z.strictObject({
  feature: z.string(),
  transform: z.enum(["none", "log1p"]),
  label,
});

const kmeans = z.strictObject({
  features: z.array(kmeansFeature).min(1),
  k: z.number().int().min(2).max(20),
  seed: z.number().int(),
  restarts: z.number().int().min(1).max(50),
  sampleSize: z.number().int().min(100),
  maxIterations: z.number().int().min(1),
  diagnostics: z.strictObject({
    kMin: z.number().int().min(2),
    kMax: z.number().int().min(2),
    silhouetteSample: z.number().int().min(50),
  }),
});
export type KmeansConfig = z.infer<typeof kmeans>;

const money = z.number().nonnegative();

const campaignOutcome = z.strictObject({
  /** Feature on the monthly client record that makes a member "qualify". */
  qualifyingFeature: z.string(),
  qualifyingThreshold: money,
  /** Months of the campaign (1-based, counted from its start month) in which qualifying counts. */
  qualifyingMonths: z.array(z.number().int().min(1)).min(1),
});

const campaigns = z.strictObject({
  pointValue: money,
  /** Margin per year on incremental AUM, in basis points, split by product family. */
  marginBps: z.strictObject({deposits: z.number(), wealth: z.number()}),
  /** Years over which incremental AUM earns its margin. */
  horizonYears: z.number().positive(),
  confidence: z.number().gt(0).lt(1),
  outcomes: z.record(z.string(), campaignOutcome),
});
export type CampaignConfig = z.infer<typeof campaigns>;

const csvSource = z.strictObject({
  path: z.string().min(1),
  format: z.enum(["csv", "parquet"]).optional(),
  delimiter: z.string().min(1).max(2).optional(),
  quote: z.string().max(1).optional(),
  header: z.boolean().optional(),
  encoding: z.enum(["utf-8", "gbk", "gb18030"]).optional(),
  dateFormat: z.string().optional(),
  decimalSeparator: z.enum([".", ","]).optional(),
  /** contract column → column name in the file. */
  columns: z.record(z.string(), z.string()).optional(),
});
const sqlSource = z.strictObject({
  /** A DuckDB query over raw files; paths relative to extract.dir via {dir}. */
  sql: z.string().min(1),
});
export const tableSource = z.union([csvSource, sqlSource]).meta({title: "table source", description: "A file ({path, …}) or a DuckDB query ({sql})."});
export type TableSource = z.infer<typeof tableSource>;

// Analysts' own extract columns and tables (docs/configuration.md, "Your own
// columns and features"): validated and quarantined like the contract's own
// (extractContract in loaders/contract/tables.ts adds them to the contract the validator reads).
export const extraColumnTypes = ["string", "integer", "decimal", "date", "month", "quarter", "boolean", "enum"] as const;
const extraColumn = z.strictObject({
  name: lowerName,
  type: z.enum(extraColumnTypes),
  description: z.string().min(1),
  /** A missing value quarantines the row; default false. */
  required: z.boolean().optional(),
  /** What the numbers are in, for people: CNY, USD, persons, months. */
  unit: z.string().min(1).optional(),
  /** The allowed values of an enum column. */
  values: z.array(z.string().min(1)).min(1).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
});
export type ExtraColumn = z.infer<typeof extraColumn>;
const extraTable = z.strictObject({
  description: z.string().min(1),
  /** A table without a source is an error when required, else empty; default false. */
  required: z.boolean().optional(),
  /** The column (type month, quarter or date) that places a row in a period; none: rows hold for every period. */
  period: lowerName.optional(),
  /** Columns whose combination is unique (client_id may be one); a repeat quarantines the later rows. */
  key: z.array(lowerName).min(1),
  /** Besides client_id, which every extra table has: the client the row belongs to (a clients.client_id). */
  columns: z.array(extraColumn).min(1),
});
export type ExtraTable = z.infer<typeof extraTable>;

/** How a feature's rows combine into one value per client and period. */
export const aggregates = ["sum", "avg", "min", "max", "count", "any", "all", "daily_average"] as const;
export type Aggregate = (typeof aggregates)[number];

// A feature of the bank's own: an aggregation per client and period over an
// extract table (contract or extra), or an expression over the client-period's
// other features (from: features). Checked at load (src/config/checks/ownFeatures.ts).
const ownFeature = z.strictObject({
  id: lowerName,
  label,
  appliesTo: z.enum(["retail", "corporate"]),
  unit: z.enum(featureUnits),
  /** An extract table, or `features` for an expression over the record's features. */
  from: lowerName,
  /** Portable SQL over the table's columns (docs/configuration.md); optional for count. */
  expression: z.string().min(1).optional(),
  /** Only rows where this holds count. */
  where: z.string().min(1).optional(),
  aggregate: z.enum(aggregates).optional(),
  /** The rows of the quarter (default) or of the twelve months up to its end. */
  window: z.enum(["quarter", "year"]).optional(),
  /** The value when the client has no row in the window (or the expression is NULL); omitted: missing. */
  default: scalar.optional(),
});
export type OwnFeature = z.infer<typeof ownFeature>;
const isoDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, "a date like 2025-12-31");
/** How strictly the extract is read (docs/extract-contract.md); every field has a default. */
const extractChecks = z.strictObject({
  /** A longer record is quarantined as "record too long"; rejected records' raw text is kept up to this size. Default 1048576 (1 MiB). */
  maxRecordBytes: z.number().int().min(1024).max(64 * 1024 * 1024).optional(),
  /** Dates, months and quarters before it are "date out of range". Default 1900-01-01. */
  earliestDate: isoDate.optional(),
  /** Dates, months and quarters after it are "date out of range". Default 2099-12-31. */
  latestDate: isoDate.optional(),
  /** Days an event (a transaction, an opening, a balance month…) may lie after the as-of date. Default 31. */
  futureDays: z.number().int().min(0).optional(),
  /** Transactions and balances before the client's opening date: quarantined (default), or kept and counted as a warning. */
  activityBeforeOpening: z.enum(["quarantine", "warn"]).optional(),
});
export type ExtractChecks = z.infer<typeof extractChecks>;

export const configSchema = z.strictObject({
  $schema: z.string().optional(),
  locale: z.enum(["zh-CN", "en"]),
  bank: z.strictObject({
    name: label,
    asOf: z.string().optional(),
    /** What money features are in, for their units on the pages; default {zh: 元, en: CNY}. */
    currency: label.optional(),
  }),
  extract: z.strictObject({
    /** Folder of the raw extract, relative to the configuration file. */
    dir: z.string(),
    /** The demo bank: generate it when missing; uses the published demo key. */
    demo: z.strictObject({seed: z.number().int(), retailClients: z.number().int().min(10), corporateClients: z.number().int().min(0), quarters: z.number().int().min(2).max(40), firstQuarter: z.string().regex(/^\d{4}Q[1-4]$/, "a quarter like 2024Q1"), transactionsPerClientQuarter: z.number().positive()}).optional(),
    tables: z.record(z.string(), tableSource),
    /** Columns of your own on contract tables: contract table → columns. */
    extraColumns: z.record(z.string(), z.array(extraColumn)).optional(),
    /** Tables of your own, each with a client_id; their sources go in extract.tables. */
    extraTables: z.record(lowerName, extraTable).optional(),
    /** The extract's as-of date: later events are implausible. Default: the last day of the latest month of the balances. */
    asOf: isoDate.optional(),
    /** Folders outside dir that table paths may point into: absolute, or relative to dir. */
    roots: z.array(z.string().min(1)).optional(),
    checks: extractChecks.optional(),
  }),
  privacy: z.strictObject({
    suppressionThreshold: z.number().int().min(1),
    keyEnv: z.string().min(1),
    ageBands: z.array(z.strictObject({id: z.string(), label, min: z.number().int().min(0)})).min(1),
    /** Allow the published site to carry a pseudonymised client sample (Explore page). */
    publishSample: z.boolean(),
    sampleSize: z.number().int().min(100),
  }),
  /** Features of your own, computed beside the built-in ones (src/config/features.ts). */
  features: z.array(ownFeature).optional(),
  classifications: z.array(classification).min(1),
  enterpriseSize,
  rfm,
  kmeans,
  migration: z.strictObject({classification: z.string()}),
  /** Which tiers the dashboards' headline numbers count. */
  kpis: z.strictObject({
    valueClient: z.strictObject({classification: z.string(), tier: z.string()}),
    dormant: z.strictObject({classification: z.string(), tier: z.string()}),
    /** Tiers of the migration ladder that are not VIP (贵宾): usually the lowest. */
    nonVipTiers: z.array(z.string()),
    /** Target share of VIP clients with complete key contact fields (DOMAIN.md: 80%). */
    completenessTarget: z.number().min(0).max(1),
  }),
  campaigns,
});
export type Config = z.infer<typeof configSchema>;
