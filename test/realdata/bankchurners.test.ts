// Official tiers beside behavioural clusters on real data nobody here shaped:
// Kaggle "Credit Card customers" (BankChurners.csv, 10,127 card holders of a US
// bank). The card category (Blue / Silver / Gold / Platinum) plays the official
// tier; k-means on behaviour plays the clusters; ARI / NMI say how far they agree.
import {existsSync, readFileSync} from "node:fs";
import path from "node:path";
import {fileURLToPath} from "node:url";
import {describe, expect, it} from "vitest";
import {adjustedRandIndex, contingencyTable, normalizedMutualInfo, rowMix} from "../../src/segmentation/agreement/index.js";
import {assignClusters, clusterLabels, fitClusters} from "../../src/segmentation/clusters/index.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
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
