import {existsSync, readFileSync} from "node:fs";
import path from "node:path";
import {fileURLToPath} from "node:url";
import {beforeAll, describe, expect, it} from "vitest";
import {bankMarketingPath, bankMarketingReport, type BankMarketingReport} from "../support/bankMarketing.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const file = bankMarketingPath(repoRoot);
const present = existsSync(file);
if (!present) console.warn(`UCI Bank Marketing not found at ${file}: real-data campaign tests skipped`);

// An independent reading of the raw file: plain string splitting, no DuckDB.
function readRaw(): Record<string, string>[] {
  const [header, ...lines] = readFileSync(file, "utf8").split(/\r?\n/).filter((line) => line.length > 0);
  const strip = (field: string) => field.replace(/^"|"$/g, "");
  const names = header.split(";").map(strip);
  return lines.map((line) => {
    const fields = line.split(";").map(strip);
    return Object.fromEntries(names.map((name, i) => [name, fields[i]]));
  });
}

function rates(rows: Record<string, string>[], key: (row: Record<string, string>) => string): Map<string, number> {
  const tally = new Map<string, [number, number]>();
  for (const row of rows) {
    const k = key(row);
    const t = tally.get(k) ?? [0, 0];
    t[0] += 1;
    if (row.y === "yes") t[1] += 1;
    tally.set(k, t);
  }
  return new Map(Array.from(tally, ([k, [n, yes]]) => [k, yes / n]));
}

const contactBand = (contacts: number) => (contacts >= 11 ? "11+" : contacts >= 6 ? "6–10" : String(contacts));

const title = present
  ? "UCI Bank Marketing (bank-full.csv): campaign conversion and ROI on real data"
  : `UCI Bank Marketing: SKIPPED, bank-full.csv not found at ${file} (see ../shared/realdata/README.md)`;

describe.skipIf(!present)(title, () => {
  const costPerContact = 5;
  const valuePerSubscription = 120;
  let report: BankMarketingReport;
  let raw: Record<string, string>[];
  beforeAll(async () => {
    report = await bankMarketingReport(file, {costPerContact, valuePerSubscription});
    raw = readRaw();
  });

  it("reads all 45,211 contacts and 5,289 subscriptions", () => {
    expect(raw.length).toBe(45_211);
    expect(report.total.clients).toBe(45_211);
    expect(report.total.subscriptions).toBe(5_289);
    expect(report.total.conversionRate).toBeCloseTo(0.117, 3);
    const contacts = raw.reduce((s, r) => s + Number(r.campaign), 0);
    expect(report.total.contacts).toBe(contacts);
  });

  it("matches an independent count of conversion by job", () => {
    const expected = rates(raw, (r) => r.job);
    expect(report.byJob.map((s) => s.segment).sort()).toEqual([...expected.keys()].sort());
    for (const s of report.byJob) expect(s.conversionRate).toBeCloseTo(expected.get(s.segment)!, 12);
    expect(report.byJob.reduce((n, s) => n + s.clients, 0)).toBe(45_211);
  });

  it("matches an independent count of conversion by contacts in the campaign", () => {
    const expected = rates(raw, (r) => contactBand(Number(r.campaign)));
    expect(report.byContacts.map((s) => s.segment)).toEqual(["1", "2", "3", "4", "5", "6–10", "11+"]);
    for (const s of report.byContacts) expect(s.conversionRate).toBeCloseTo(expected.get(s.segment)!, 12);
  });

  it("shows diminishing returns: conversion falls as contacts pile up", () => {
    const rate = (band: string) => report.byContacts.find((s) => s.segment === band)!;
    expect(rate("1").conversionRate).toBeGreaterThan(rate("3").conversionRate);
    expect(rate("3").conversionRate).toBeGreaterThan(rate("6–10").conversionRate);
    expect(rate("6–10").conversionRate).toBeGreaterThan(rate("11+").conversionRate);
    // Not just noise: the intervals of the first and last bands do not overlap.
    expect(rate("1").conversionCi[0]).toBeGreaterThan(rate("11+").conversionCi[1]);
    // And each subscription costs more: ROI of the 11+ band is below the 1-contact band's.
    expect(rate("11+").roi!).toBeLessThan(rate("1").roi!);
  });

  it("prices every segment as (subscriptions × value − contacts × cost) / (contacts × cost)", () => {
    for (const s of [...report.byAgeBand, ...report.byBalanceBand, ...report.byContacts, report.total]) {
      expect(s.cost).toBe(s.contacts * costPerContact);
      expect(s.roi).toBeCloseTo((s.subscriptions * valuePerSubscription - s.contacts * costPerContact) / (s.contacts * costPerContact), 12);
    }
  });

  it("splits clients into age and balance bands that add up", () => {
    expect(report.byAgeBand.map((s) => s.segment)).toEqual(["<30", "30–44", "45–59", "60+"]);
    expect(report.byBalanceBand.map((s) => s.segment)).toEqual(["<0", "0–1k", "1k–5k", "5k+"]);
    const ages = rates(raw, (r) => (+r.age >= 60 ? "60+" : +r.age >= 45 ? "45–59" : +r.age >= 30 ? "30–44" : "<30"));
    for (const s of report.byAgeBand) expect(s.conversionRate).toBeCloseTo(ages.get(s.segment)!, 12);
    const balances = rates(raw, (r) => (+r.balance >= 5000 ? "5k+" : +r.balance >= 1000 ? "1k–5k" : +r.balance >= 0 ? "0–1k" : "<0"));
    for (const s of report.byBalanceBand) expect(s.conversionRate).toBeCloseTo(balances.get(s.segment)!, 12);
    expect(report.byBalanceBand.reduce((n, s) => n + s.clients, 0)).toBe(45_211);
  });
});
