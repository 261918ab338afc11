// Synthetic client-quarters for the SQL-versus-core tests: values sit on tier
// thresholds, repeat (RFM ties), go missing (NULL, '') and clients skip
// quarters (value history), so every branch of the semantics is exercised.

import {readFileSync} from "node:fs";
import {parseConfig} from "../../loaders/config/index.js";
import {defaultConfigPath} from "../../loaders/config/resolve.js";
import type {Engine} from "../../loaders/engine/engine.js";
import {periodTablesSql} from "../../loaders/features/periodsSql.js";
import type {Classification, Config} from "../../src/config/schema.js";
import {seededRandom} from "../../src/segmentation/random.js";

export const defaultConfig: Config = parseConfig(readFileSync(defaultConfigPath, "utf8"));

/** Rules that reach every corner of the rule language's semantics (typed as the catalogue types them). */
export const edgeClassifications: Classification[] = [
  {
    id: "edge",
    label: {zh: "边界", en: "Edge"},
    appliesTo: "retail",
    tiers: [
      {id: "not_different", label: {zh: "a", en: "a"}, when: {not: {feature: "frequency", op: "!=", value: 3}}},
      {id: "listed_number", label: {zh: "b", en: "b"}, when: {feature: "product_count", in: [4, 5]}},
      {id: "on_the_line", label: {zh: "c", en: "c"}, when: {feature: "tenure_months", op: "==", value: 60}},
      {id: "region_east", label: {zh: "d", en: "d"}, when: {all: [{feature: "region", op: "==", value: "east"}, {feature: "is_closed", op: "!=", value: true}]}},
      {id: "blank_region", label: {zh: "e", en: "e"}, when: {any: [{feature: "region", op: "!=", value: "west"}, {feature: "aum_last_month", op: "<", value: 0}]}},
      {id: "listed_text", label: {zh: "f", en: "f"}, when: {feature: "region", op: "in", value: ["west"]}},
      {id: "open_flag", label: {zh: "g", en: "g"}, when: {feature: "is_closed", op: "==", value: false}},
      {id: "rest", label: {zh: "h", en: "h"}},
    ],
  },
  {
    id: "edge_ref",
    label: {zh: "引用", en: "Reference"},
    appliesTo: "retail",
    tiers: [
      {id: "vip_dormant", label: {zh: "a", en: "a"}, when: {all: [{classification: "retail_tier", in: ["gold", "platinum", "diamond"]}, {classification: "activity", in: ["dormant"]}]}},
      {id: "not_standard", label: {zh: "b", en: "b"}, when: {not: {classification: "retail_tier", in: ["standard"]}}},
      {id: "other", label: {zh: "c", en: "c"}},
    ],
  },
];

export function syntheticConfig({sampleSize = 300, k = 4}: {sampleSize?: number; k?: number} = {}): Config {
  return {
    ...defaultConfig,
    classifications: [...defaultConfig.classifications, ...edgeClassifications],
    kmeans: {
      ...defaultConfig.kmeans,
      features: [...defaultConfig.kmeans.features, {feature: "is_closed", transform: "none", label: {zh: "销户", en: "Closed"}}],
      k,
      restarts: 2,
      sampleSize,
      diagnostics: {kMin: 2, kMax: 3, silhouetteSample: 100},
    },
  };
}

export const quarters = ["2024Q1", "2024Q2", "2024Q3", "2024Q4"];

const retailColumns = `client_pid VARCHAR, quarter VARCHAR, client_type VARCHAR, region VARCHAR, parent_branch VARCHAR, branch_id VARCHAR,
  avg_daily_aum DOUBLE, aum_last_month DOUBLE, frequency INTEGER, monetary DOUBLE, recency_days INTEGER, days_since_last_txn INTEGER,
  product_count INTEGER, tenure_months INTEGER, is_closed BOOLEAN, score_text VARCHAR,
  annual_revenue DOUBLE, aum_growth DOUBLE, product_growth INTEGER, deposits_per_year INTEGER, deposit_amount DOUBLE, deposit_term_months DOUBLE`;
const corporateColumns = `client_pid VARCHAR, quarter VARCHAR, region VARCHAR, parent_branch VARCHAR, branch_id VARCHAR, industry VARCHAR,
  employees BIGINT, revenue DOUBLE, total_assets DOUBLE, avg_daily_deposits DOUBLE, period_end_deposits DOUBLE, pos_settlement_monthly DOUBLE,
  payroll_headcount BIGINT, payroll_amount_monthly DOUBLE, company_cards BIGINT, credit_rating VARCHAR, adverse_credit BOOLEAN,
  loan_balance DOUBLE, stable_lending BOOLEAN, strategic_agreement BOOLEAN, settlement_share DOUBLE, online_banking_daily BOOLEAN,
  supported_sector BOOLEAN, has_loan BOOLEAN`;

/** periods, features and corporate_features filled with `retail` / `corporate` seeded clients. */
export async function loadSynthetic(engine: Engine, {seed, retail = 600, corporate = 80}: {seed: number; retail?: number; corporate?: number}): Promise<number> {
  const random = seededRandom(seed);
  const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)];
  const maybe = <T>(p: number, value: () => T): T | null => (random() < p ? null : value());
  const money = (levels: number[]) => () => (random() < 0.3 ? pick(levels) : Math.round(Math.exp(random() * 16)) * (random() < 0.5 ? 1 : 1.25));
  for (const sql of periodTablesSql(quarters)) await engine.run(sql);
  await engine.run(`CREATE TABLE features (${retailColumns})`);
  await engine.run(`CREATE TABLE corporate_features (${corporateColumns})`);

  const rows: unknown[][] = [];
  for (let i = 0; i < retail; ++i) {
    const pid = `R${(i * 7919 + seed).toString(36).padStart(6, "0")}`;
    const region = pick(["east", "west", "", null, "north"]);
    for (const quarter of quarters) {
      if (random() < 0.15) continue; // absent this quarter: history carries over
      const recency = maybe(0.08, () => pick([0, 30, 90, 180, Math.floor(random() * 400)]));
      rows.push([
        pid, quarter, "retail", region, "B1", `B1-${i % 5}`,
        maybe(0.05, money([100_000, 200_000, 1_000_000, 5_000_000, 199_999.99, 0])),
        maybe(0.05, money([100_000, 99_999.99, 0])),
        maybe(0.05, () => Math.floor(random() * 8)),
        maybe(0.05, () => (random() < 0.25 ? 0 : Math.round(random() * 50) * 100)),
        recency,
        recency,
        Math.floor(random() * 7),
        maybe(0.05, () => pick([60, 12, Math.floor(random() * 240)])),
        maybe(0.05, () => random() < 0.1),
        pick(["12", "50", "75.5", "", null, " 80 "]),
        // the default configuration's own features: ties for the top shares, values on the deposit lines
        maybe(0.05, () => pick([1000, 2500, Math.round(random() * 10000)])),
        maybe(0.3, () => pick([0, 0, 50_000, -20_000, Math.round(random() * 1e6)])),
        maybe(0.3, () => pick([0, 0, 0, 1, 2, -1])),
        pick([0, 4, 5, 10, 11, Math.floor(random() * 20)]),
        maybe(0.2, () => pick([10_000, 100_000, 9_999.99, 100_000.01, random() * 300_000])),
        maybe(0.4, () => pick([12, 36, 1, 36.5, 6 + random() * 54])),
      ]);
    }
  }
  await engine.appendRows("features", retailColumns.split(",").map((c) => c.trim().split(" ")[0]), rows);

  const corporateRows: unknown[][] = [];
  for (let i = 0; i < corporate; ++i) {
    const pid = `C${(i * 104729 + seed).toString(36).padStart(6, "0")}`;
    const industry = pick(["industry", "retail", "software", "real_estate", "mining", null, "other", "agriculture"]);
    for (const quarter of quarters) {
      if (random() < 0.1) continue;
      corporateRows.push([
        pid, quarter, "south", "B2", "B2-1", industry,
        maybe(0.15, () => pick([1000, 300, 20, 10, Math.floor(random() * 3000)])),
        maybe(0.15, () => pick([40000, 2000, 300, 20000, random() * 100000])),
        maybe(0.15, () => pick([80000, 5000, 300, random() * 200000])),
        pick([100_000_000, 80_000_000, random() * 2e8]),
        pick([300_000_000, 150_000_000, random() * 4e8]),
        maybe(0.2, () => pick([8_000_000, 5_000_000, random() * 1e7])),
        maybe(0.2, () => pick([150, 100, Math.floor(random() * 300)])),
        maybe(0.2, () => pick([800_000, 500_000, random() * 1e6])),
        maybe(0.2, () => pick([20, 10, Math.floor(random() * 30)])),
        maybe(0.2, () => pick(["AAA", "AA", "A", "BBB", ""])),
        maybe(0.1, () => random() < 0.2),
        random() * 1e8,
        maybe(0.1, () => random() < 0.5),
        maybe(0.1, () => random() < 0.3),
        maybe(0.1, () => pick([0.6, 0.59, random()])),
        maybe(0.1, () => random() < 0.5),
        maybe(0.1, () => random() < 0.5),
        random() < 0.5,
      ]);
    }
  }
  await engine.appendRows("corporate_features", corporateColumns.split(",").map((c) => c.trim().split(" ")[0]), corporateRows);
  return rows.length;
}
