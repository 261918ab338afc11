// UCI Bank Marketing (bank-full.csv): a Portuguese bank's term-deposit phone
// campaigns, 2008–2010. Real data nobody here shaped, read with DuckDB and
// judged with the workspace's own campaign functions: conversion, contacts,
// cost and ROI by segment. The file never enters the repository; it lives in
// ../shared/realdata (see its README for provenance and quirks).

import path from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";
import {conversionRoi, wilsonInterval} from "../../src/segmentation/campaigns/index.js";

/** A band starts at `min` (inclusive) and runs to the next band's min. */
export interface Band {
  label: string;
  min: number;
}

export interface BankMarketingOptions {
  /** Cost of one contact (call) in EUR. */
  costPerContact: number;
  /** Value to the bank of one subscribed term deposit in EUR. */
  valuePerSubscription: number;
  ageBands?: readonly Band[];
  /** Average yearly balance, EUR. */
  balanceBands?: readonly Band[];
  /** Contacts in this campaign (`campaign`). */
  contactBands?: readonly Band[];
  confidence?: number;
}

export interface SegmentReport {
  segment: string;
  clients: number;
  subscriptions: number;
  conversionRate: number;
  /** Wilson score interval of the conversion rate. */
  conversionCi: [number, number];
  /** Sum of `campaign`: calls made to these clients in this campaign. */
  contacts: number;
  contactsPerClient: number;
  cost: number;
  value: number;
  net: number;
  roi: number | undefined;
}

export interface BankMarketingReport {
  total: SegmentReport;
  byAgeBand: SegmentReport[];
  byJob: SegmentReport[];
  byBalanceBand: SegmentReport[];
  byContacts: SegmentReport[];
}

export const defaultAgeBands: readonly Band[] = [
  {label: "<30", min: 0},
  {label: "30–44", min: 30},
  {label: "45–59", min: 45},
  {label: "60+", min: 60},
];
export const defaultBalanceBands: readonly Band[] = [
  {label: "<0", min: -Infinity},
  {label: "0–1k", min: 0},
  {label: "1k–5k", min: 1000},
  {label: "5k+", min: 5000},
];
export const defaultContactBands: readonly Band[] = [
  {label: "1", min: 1},
  {label: "2", min: 2},
  {label: "3", min: 3},
  {label: "4", min: 4},
  {label: "5", min: 5},
  {label: "6–10", min: 6},
  {label: "11+", min: 11},
];

/** Where the shared copy lives, relative to the project root. */
export function bankMarketingPath(repoRoot: string): string {
  return path.resolve(repoRoot, "../shared/realdata/uci-bank-marketing/bank-full.csv");
}

export async function bankMarketingReport(
  file: string,
  {
    costPerContact,
    valuePerSubscription,
    ageBands = defaultAgeBands,
    balanceBands = defaultBalanceBands,
    contactBands = defaultContactBands,
    confidence = 0.95,
  }: BankMarketingOptions
): Promise<BankMarketingReport> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    // Every field is double-quoted and `;`-separated; y is "yes"/"no".
    await connection.run(`create table bank as select * from read_csv(${sqlString(file)}, delim=';', header=true, quote='"')`);
    const segments = async (expression: string, order: readonly string[] | undefined) => {
      const reader = await connection.runAndReadAll(
        `select ${expression} as segment, count(*) as clients, count(*) filter (where y = 'yes') as subscriptions,
                sum(campaign) as contacts
           from bank group by all order by segment`
      );
      const rows = reader.getRowObjectsJS().map((row) => segmentReport(row, {costPerContact, valuePerSubscription, confidence}));
      return order ? order.flatMap((label) => rows.filter((r) => r.segment === label)) : rows;
    };
    const [total] = await segments("'all'", undefined);
    if (!total || total.clients === 0) throw new Error(`empty dataset: ${file}`);
    return {
      total,
      byAgeBand: await segments(bandCase("age", ageBands), ageBands.map((b) => b.label)),
      byJob: await segments("job", undefined),
      byBalanceBand: await segments(bandCase("balance", balanceBands), balanceBands.map((b) => b.label)),
      byContacts: await segments(bandCase("campaign", contactBands), contactBands.map((b) => b.label)),
    };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

function segmentReport(
  row: Record<string, unknown>,
  {costPerContact, valuePerSubscription, confidence}: {costPerContact: number; valuePerSubscription: number; confidence: number}
): SegmentReport {
  // DuckDB returns counts and sums as bigint: convert at the boundary.
  const clients = Number(row.clients);
  const subscriptions = Number(row.subscriptions);
  const contacts = Number(row.contacts);
  const money = conversionRoi({conversions: subscriptions, contacts}, {costPerContact, valuePerConversion: valuePerSubscription});
  return {
    segment: String(row.segment),
    clients,
    subscriptions,
    conversionRate: subscriptions / clients,
    conversionCi: wilsonInterval({n: clients, successes: subscriptions}, {confidence})!,
    contacts,
    contactsPerClient: contacts / clients,
    ...money,
  };
}

/** CASE expression putting `column` into bands; values below the first band fall into it. */
function bandCase(column: string, bands: readonly Band[]): string {
  if (!bands.length) throw new Error(`invalid bands: ${column}`);
  for (let i = 1; i < bands.length; ++i) {
    if (!(bands[i].min > bands[i - 1].min) || !Number.isFinite(bands[i].min)) throw new Error(`invalid bands: ${column}[${i}].min`);
  }
  const whens = bands
    .slice(1)
    .map((band) => `when ${column} >= ${band.min} then ${sqlString(band.label)}`)
    .reverse()
    .join(" ");
  return `case ${whens} else ${sqlString(bands[0].label)} end`;
}

function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
