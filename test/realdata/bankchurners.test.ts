// Official tiers beside behavioural clusters on real data nobody here shaped:
// Kaggle "Credit Card customers" (BankChurners.csv, 10,127 card holders of a US
// bank). The card category (Blue / Silver / Gold / Platinum) plays the official
// tier; k-means on behaviour plays the clusters; ARI / NMI say how far they agree.
import {existsSync, readFileSync} from "node:fs";
import path from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {pseudonym} from "../../loaders/anonymise/pseudonym.js";
import {parseConfig} from "../../loaders/config/index.js";
import {repoRoot} from "../../loaders/pipeline/run.js";
import {runExample, testKey, type ExampleRun} from "./exampleRun.js";
import {adjustedRandIndex, contingencyTable, normalizedMutualInfo, rowMix} from "../../src/segmentation/agreement/index.js";
import {assignClusters, clusterLabels, fitClusters} from "../../src/segmentation/clusters/index.js";

const file = path.resolve(repoRoot, "../shared/realdata/kaggle-bankchurners/BankChurners.csv");
const present = existsSync(file);

/** One CSV line: commas outside double quotes split, "" inside quotes is a quote. */
function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; ++i) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') (field += '"'), ++i;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") out.push(field), (field = "");
    else field += ch;
  }
  out.push(field);
  return out;
}

function readBankChurners() {
  const lines = readFileSync(file, "utf8").split(/\r?\n/).filter((l) => l.length > 0);
  const header = splitCsvLine(lines[0]);
  // the last two columns are a leaked model's outputs, not client facts
  const keep = header.map((h, j) => (h.startsWith("Naive_Bayes_Classifier") ? -1 : j)).filter((j) => j >= 0);
  return lines.slice(1).map((line) => {
    const cells = splitCsvLine(line);
    const record: Record<string, string | number> = {};
    for (const j of keep) {
      const text = cells[j];
      const number = Number(text);
      record[header[j]] = text !== "" && Number.isFinite(number) ? number : text;
    }
    record.client_pid = String(record.CLIENTNUM);
    return record;
  });
}

const label = (en: string) => ({zh: en, en});
const kmeansConfig = {
  features: [
    {feature: "Total_Trans_Amt", transform: "log1p" as const, label: label("Transaction amount")},
    {feature: "Total_Trans_Ct", transform: "log1p" as const, label: label("Transactions")},
    {feature: "Months_Inactive_12_mon", transform: "none" as const, label: label("Inactive months")},
    {feature: "Total_Revolving_Bal", transform: "log1p" as const, label: label("Revolving balance")},
    {feature: "Credit_Limit", transform: "log1p" as const, label: label("Credit limit")},
    {feature: "Total_Relationship_Count", transform: "none" as const, label: label("Products held")},
  ],
  k: 4,
  seed: 42,
  restarts: 5,
  sampleSize: 20000, // more than the file holds: train on every client
  maxIterations: 300,
};

/** ARI and NMI straight from the definitions, written independently of src/segmentation/agreement. */
function recompute(counts: number[][]) {
  const c2 = (x: number) => (x * (x - 1)) / 2;
  const rows = counts.map((r) => r.reduce((a, b) => a + b, 0));
  const cols = counts[0].map((_, j) => counts.reduce((a, r) => a + r[j], 0));
  const n = rows.reduce((a, b) => a + b, 0);
  const index = counts.flat().reduce((a, x) => a + c2(x), 0);
  const sa = rows.reduce((a, x) => a + c2(x), 0);
  const sb = cols.reduce((a, x) => a + c2(x), 0);
  const expected = (sa * sb) / c2(n);
  const ari = (index - expected) / ((sa + sb) / 2 - expected);
  const h = (xs: number[]) => -xs.filter((x) => x > 0).reduce((a, x) => a + (x / n) * Math.log2(x / n), 0);
  let mi = 0;
  for (let i = 0; i < counts.length; ++i)
    for (let j = 0; j < cols.length; ++j) {
      const p = counts[i][j] / n;
      if (p > 0) mi += p * Math.log2(p / ((rows[i] / n) * (cols[j] / n)));
    }
  return {n, ari, nmi: mi / ((h(rows) + h(cols)) / 2)};
}

(present ? describe : describe.skip)(
  present ? "BankChurners: card category (official tier) beside behavioural clusters" : `BankChurners: skipped, ${file} is absent`,
  () => {
    const records = present ? readBankChurners() : [];
    const tiers = records.map((r) => String(r.Card_Category));
    const tierOrder = ["Blue", "Silver", "Gold", "Platinum"];

    it("reads all 10,127 card holders with the published tier counts", () => {
      expect(records).toHaveLength(10127);
      expect(new Set(records.map((r) => r.client_pid)).size).toBe(10127);
      expect(Object.keys(records[0]).some((k) => k.startsWith("Naive_Bayes"))).toBe(false);
      const counts = Object.fromEntries(tierOrder.map((t) => [t, tiers.filter((x) => x === t).length]));
      expect(counts).toEqual({Blue: 9436, Silver: 555, Gold: 116, Platinum: 20});
    });

    it("clusters behaviour (k = 4, seed 42) and measures agreement with the card tiers", () => {
      const model = fitClusters(records, kmeansConfig);
      const clusters = assignClusters(model, records);
      expect(model.trainedOn).toBe(10127);
      expect(clusters).toHaveLength(10127);

      const table = contingencyTable(Array.from(clusters), tiers, {cols: tierOrder});
      const ari = adjustedRandIndex(clusters, tiers);
      const nmi = normalizedMutualInfo(clusters, tiers);
      const labels = clusterLabels(model, kmeansConfig.features);
      const mix = rowMix(table);

      const lines = table.rows.map((c, i) => `  ${c} ${labels[c].en.padEnd(52)} ${table.counts[i].map((x) => String(x).padStart(9)).join("")}  | ${mix.shares[i].map((s) => (100 * s!).toFixed(1).padStart(5) + "%").join(" ")}`);
      console.log(
        [
          `BankChurners, cluster × Card_Category (n = ${records.length}, k = 4, seed 42, SSE ${model.sse.toFixed(1)}, restart SSEs ${model.restartSse.map((x) => x.toFixed(1)).join(" / ")})`,
          `  cluster ${"".padEnd(52)} ${tierOrder.map((t) => t.padStart(9)).join("")}  | row shares`,
          ...lines,
          `  centroids (original units): ${JSON.stringify(model.centroidsOriginal.map((c) => c.map((v) => Math.round(v * 10) / 10)))}`,
          `  ARI = ${ari.toFixed(4)}, NMI (arithmetic mean) = ${nmi.toFixed(4)}`,
        ].join("\n")
      );

      // every client is counted once, in the tier the file gives
      const check = recompute(table.counts);
      expect(check.n).toBe(10127);
      expect(table.counts.reduce((s, r) => s + r[0], 0)).toBe(9436);
      expect(table.counts.reduce((s, r) => s + r[3], 0)).toBe(20);
      expect(ari).toBeCloseTo(check.ari, 12);
      expect(nmi).toBeCloseTo(check.nmi, 12);
      // behaviour and card category are largely different ways of cutting the book
      expect(ari).toBeLessThan(0.5);
      expect(nmi).toBeLessThan(0.5);
    });
  }
);

// The worked example (data/examples/bankchurners/config.yaml): the card
// figures enter as the bank's own columns and table, become its own features,
// and the clusters are trained on them. Every number is recomputed here from
// the CSV: each client's features, each client's cluster (the same model
// trained on the CSV's values), the published profiles, names and units.
(present ? describe : describe.skip)(present ? "BankChurners worked example: the bank's own card features drive the clusters" : `BankChurners example: skipped, ${file} is absent`, () => {
  let run: ExampleRun;
  const records = present ? readBankChurners() : [];
  // the example's own features, from the CSV's columns
  const own = (r: Record<string, string | number>) => ({
    credit_limit: Number(r.Credit_Limit),
    purchases_12m: Number(r.Total_Trans_Amt),
    purchase_count_12m: Number(r.Total_Trans_Ct),
    revolving_balance: Number(r.Total_Revolving_Bal),
    utilisation: Number(r.Avg_Utilization_Ratio),
    months_inactive: Number(r.Months_Inactive_12_mon),
    income_band: r.Income_Category === "Unknown" ? null : String(r.Income_Category),
  });
  beforeAll(async () => void (run = await runExample("bankchurners")), 300_000);
  afterAll(async () => run?.cleanup());

  it("computes every client's own features as the CSV gives them", async () => {
    const rows = await run.query<Record<string, unknown>>(
      `SELECT client_pid, credit_limit, purchases_12m, purchase_count_12m, revolving_balance, utilisation, months_inactive, income_band, spend_to_limit, avg_daily_aum FROM features`
    );
    const byPid = new Map(rows.map((r) => [r.client_pid as string, r]));
    expect(byPid.size).toBe(10_127);
    for (const record of records) {
      const row = byPid.get(pseudonym(testKey, String(record.CLIENTNUM)))!;
      const expected = own(record);
      expect({...row, client_pid: undefined, spend_to_limit: undefined, avg_daily_aum: undefined}).toEqual({...expected, client_pid: undefined, spend_to_limit: undefined, avg_daily_aum: undefined});
      expect(row.spend_to_limit as number).toBeCloseTo(expected.purchases_12m / expected.credit_limit, 12);
      // nothing is forced into the balance slots: the card bank holds no AUM
      expect(row.avg_daily_aum).toBe(0);
    }
  });

  it("clusters every card holder as a model trained on the CSV's values does", async () => {
    const config = parseConfig(readFileSync(path.join(repoRoot, "data/examples/bankchurners/config.yaml"), "utf8"));
    const fromCsv = records.map((r) => ({client_pid: pseudonym(testKey, String(r.CLIENTNUM)), ...own(r)}));
    const model = fitClusters(fromCsv, config.kmeans, {idField: "client_pid"});
    const clusters = assignClusters(model, fromCsv);
    const segments = new Map((await run.query<{client_pid: string; cluster: number}>(`SELECT client_pid, cluster FROM segments`)).map((s) => [s.client_pid, s.cluster]));
    expect(fromCsv.filter((r, i) => segments.get(r.client_pid) !== clusters[i]).length).toBe(0);
    expect(new Set(clusters).size).toBe(config.kmeans.k);
    // the published profiles are the clusters' means of the CSV's values
    const site = await run.site("segments");
    for (let c = 0; c < config.kmeans.k; ++c) {
      const members = fromCsv.filter((_, i) => clusters[i] === c);
      const profile = site.profiles.find((p: {cluster: number}) => p.cluster === c);
      expect(profile.clients).toBe(members.length);
      for (const f of config.kmeans.features) {
        const mean = members.reduce((s, m) => s + (m[f.feature as keyof typeof m] as number), 0) / members.length;
        expect(profile[f.feature], `cluster ${c} ${f.feature}`).toBeCloseTo(mean, 2);
      }
    }
  });

  it("publishes the features by their own names and units, and calls none of them AUM", async () => {
    const site = await run.site("segments");
    expect(site.featureNames).toEqual({
      credit_limit: {zh: "信用额度", en: "Credit limit", unit: "money"},
      purchases_12m: {zh: "近12个月消费金额", en: "Purchases (12 months)", unit: "money"},
      purchase_count_12m: {zh: "近12个月消费笔数", en: "Purchases made (12 months)", unit: "count"},
      revolving_balance: {zh: "循环余额", en: "Revolving balance", unit: "money"},
      utilisation: {zh: "额度使用率", en: "Credit utilisation", unit: "share"},
      months_inactive: {zh: "近12个月不活跃月数", en: "Inactive months (12 months)", unit: "months"},
    });
    expect(site.currency).toEqual({zh: "美元", en: "USD"});
    const named = JSON.stringify([site.featureNames, site.features, site.clusterLabels]);
    expect(named).not.toMatch(/AUM|金融资产|日均资产/);
    expect(site.clusterLabels.map((l: {en: string}) => l.en).join(" ")).toMatch(/credit limit|purchases|revolving balance|utilisation|inactive months/i);
  });
});
