import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {kmeans} from "ml-kmeans";
import {generateDemoBank} from "../../loaders/demo/generate.js";
import {column, daysIn, monthlyAum, quarterAum, quarterMonths, readCsv} from "./readExtract.js";

let dir: string;
const quarter = "2025Q4";

beforeAll(async () => {
  dir = join(mkdtempSync(join(tmpdir(), "demo-personas-")), "bank");
  await generateDemoBank({outDir: dir, seed: 7, retailClients: 2_000, corporateClients: 20});
});
afterAll(() => rmSync(join(dir, ".."), {recursive: true, force: true}));

function adjustedRandIndex(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  const pairs = (n: number) => (n * (n - 1)) / 2;
  const table = new Map<string, number>();
  const rows = new Map<string | number, number>();
  const cols = new Map<string | number, number>();
  a.forEach((x, i) => {
    table.set(`${x}|${b[i]}`, (table.get(`${x}|${b[i]}`) ?? 0) + 1);
    rows.set(x, (rows.get(x) ?? 0) + 1);
    cols.set(b[i], (cols.get(b[i]) ?? 0) + 1);
  });
  const index = [...table.values()].reduce((s, n) => s + pairs(n), 0);
  const sumRows = [...rows.values()].reduce((s, n) => s + pairs(n), 0);
  const sumCols = [...cols.values()].reduce((s, n) => s + pairs(n), 0);
  const expected = (sumRows * sumCols) / pairs(a.length);
  return (index - expected) / ((sumRows + sumCols) / 2 - expected);
}

describe("demo bank personas", () => {
  it("are recovered by k-means on the default features with adjusted Rand index ≥ 0.8", () => {
    const truths = JSON.parse(readFileSync(join(dir, "truths.json"), "utf8"));
    const present = (truths.retail as {client_id: string; persona: string; tiers: Record<string, string | null>}[]).filter((c) => c.tiers[quarter] !== null);
    const clients = readCsv(dir, "clients");
    const openDate = new Map(clients.rows.map((r) => [r[column(clients, "client_id")], r[column(clients, "open_date")]]));
    const balances = readCsv(dir, "balances");
    const aum = monthlyAum(balances);
    const months = quarterMonths(quarter);
    const lastMonth = months[2];
    const products = new Map<string, Set<string>>();
    for (const r of balances.rows) {
      if (r[1] !== lastMonth) continue;
      if (!products.has(r[0])) products.set(r[0], new Set());
      products.get(r[0])!.add(r[2]);
    }
    const txns = readCsv(dir, "transactions");
    const quarterEnd = Date.UTC(2025, 11, 31);
    const stats = new Map<string, {monetary: number; frequency: number; last: number}>();
    for (const r of txns.rows) {
      if (r[6] !== "1") continue;
      const day = Date.parse(r[2]);
      if (!(day <= quarterEnd)) continue;
      const s = stats.get(r[1]) ?? {monetary: 0, frequency: 0, last: -Infinity};
      if (r[2] >= `${months[0]}-01`) {
        s.monetary += Number(r[3]) || 0;
        s.frequency++;
      }
      s.last = Math.max(s.last, day);
      stats.set(r[1], s);
    }
    const rows = present.map((c) => {
      const s = stats.get(c.client_id) ?? {monetary: 0, frequency: 0, last: Date.parse(openDate.get(c.client_id)!)};
      const open = openDate.get(c.client_id)!;
      const tenure = (2025 - Number(open.slice(0, 4))) * 12 + 12 - Number(open.slice(5, 7));
      return [
        Math.log1p(quarterAum(aum.get(c.client_id), quarter)!),
        Math.log1p(s.monetary),
        Math.log1p(s.frequency),
        Math.log1p((quarterEnd - s.last) / 86_400_000),
        products.get(c.client_id)?.size ?? 0,
        Math.log1p(tenure),
      ];
    });
    const d = rows[0].length;
    const mean = Array.from({length: d}, (_, j) => rows.reduce((s, r) => s + r[j], 0) / rows.length);
    const sd = Array.from({length: d}, (_, j) => Math.sqrt(rows.reduce((s, r) => s + (r[j] - mean[j]) ** 2, 0) / rows.length) || 1);
    const data = rows.map((r) => r.map((v, j) => (v - mean[j]) / sd[j]));

    let best: {clusters: number[]; inertia: number} | undefined;
    for (let restart = 0; restart < 5; restart++) {
      const result = kmeans(data, Object.keys(truths.personas).length, {seed: 42 + restart, initialization: "kmeans++", maxIterations: 100});
      const inertia = data.reduce((s, p, i) => s + p.reduce((t, v, j) => t + (v - result.centroids[result.clusters[i]][j]) ** 2, 0), 0);
      if (!best || inertia < best.inertia) best = {clusters: result.clusters, inertia};
    }
    const ari = adjustedRandIndex(present.map((c) => c.persona), best!.clusters);
    expect(present.length).toBeGreaterThan(1_500);
    expect(ari).toBeGreaterThanOrEqual(0.8);
  });
});
