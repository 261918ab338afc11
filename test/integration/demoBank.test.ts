// The pipeline on the default demo bank against the truths the generator
// planted: tier counts, transitions, personas, campaign effects, quarantine.
// Uses the same outputs `npm run build` makes (recomputed only when stale).

import {beforeAll, describe, expect, it} from "vitest";
import {readFile} from "node:fs/promises";
import {transitionLines} from "../../src/segmentation/privacy/index.js";
import path from "node:path";
import {demoKey} from "../../loaders/anonymise/key.js";
import {pseudonym} from "../../loaders/anonymise/pseudonym.js";
import {openDuckDb} from "../../loaders/engine/duckdb.js";
import {ensurePipeline} from "../../loaders/pipeline/ensure.js";
import {repoRoot} from "../../loaders/pipeline/run.js";
import {adjustedRandIndex} from "../../src/segmentation/agreement/index.js";

interface Truths {
  quarters: string[];
  retail: {client_id: string; persona: string; tiers: Record<string, string | null>}[];
  corporate: {client_id: string; tiers: Record<string, string>; size: Record<string, string>}[];
  transitions: {from: string; to: string; counts: Record<string, Record<string, number>>}[];
  campaigns: {campaign_id: string; plantedLift: number; realisedLift: number; members: {treatment: number; control: number}; qualified: {treatment: number; control: number}; plantedIncrementalAumPerTreated: number}[];
  expectedQuarantine: Record<string, number>;
}

let dir: string;
let truths: Truths;
let segments: {client_pid: string; quarter: string; client_type: string; tier_retail_tier: string | null; tier_corporate_tier: string | null; tier_enterprise_size: string | null; cluster: number | null}[];
const byPid = new Map<string, string>();

beforeAll(async () => {
  ({dir} = await ensurePipeline({quiet: true}));
  truths = JSON.parse(await readFile(path.join(repoRoot, "data/demo/truths.json"), "utf8"));
  for (const c of [...truths.retail, ...truths.corporate]) byPid.set(pseudonym(demoKey, c.client_id), c.client_id);
  const engine = await openDuckDb();
  segments = await engine.all(`SELECT client_pid, quarter, client_type, tier_retail_tier, tier_corporate_tier, tier_enterprise_size, cluster FROM '${dir}/segments.parquet'`);
  await engine.close();
}, 600_000);

describe("the pipeline on the demo bank recovers the planted truths", () => {
  it("counts every retail tier of every quarter exactly as planted", () => {
    for (const quarter of truths.quarters) {
      const planted: Record<string, number> = {};
      for (const c of truths.retail) {
        const tier = c.tiers[quarter];
        if (tier) planted[tier] = (planted[tier] ?? 0) + 1;
      }
      const measured: Record<string, number> = {};
      for (const s of segments) if (s.quarter === quarter && s.client_type === "retail") measured[s.tier_retail_tier!] = (measured[s.tier_retail_tier!] ?? 0) + 1;
      expect(measured, quarter).toEqual(planted);
    }
  });

  it("gives every client-quarter the planted tier, client by client", () => {
    const planted = new Map<string, string>();
    for (const c of truths.retail) for (const [q, tier] of Object.entries(c.tiers)) if (tier) planted.set(`${c.client_id}|${q}`, tier);
    let mismatches = 0;
    for (const s of segments) {
      if (s.client_type !== "retail") continue;
      if (planted.get(`${byPid.get(s.client_pid)}|${s.quarter}`) !== s.tier_retail_tier) ++mismatches;
    }
    expect(mismatches).toBe(0);
    expect(segments.filter((s) => s.client_type === "retail").length).toBe(planted.size);
  });

  it("classifies corporate tiers and enterprise sizes as planted", () => {
    let checked = 0;
    const corporate = new Map(truths.corporate.map((c) => [c.client_id, c]));
    for (const s of segments) {
      if (s.client_type !== "corporate") continue;
      const c = corporate.get(byPid.get(s.client_pid)!)!;
      expect(s.tier_corporate_tier).toBe(c.tiers[s.quarter]);
      expect(s.tier_enterprise_size).toBe(c.size[s.quarter]);
      ++checked;
    }
    expect(checked).toBe(truths.corporate.length * truths.quarters.length);
  });

  it("publishes migration counts equal to the planted transitions", async () => {
    const migration = JSON.parse(await readFile(path.join(dir, "site/migration.json"), "utf8"));
    const threshold = migration.meta.threshold;
    for (const t of truths.transitions) {
      const pair = migration.tier.pairs.find((p: {from: string; to: string}) => p.from === t.from && p.to === t.to);
      const {rows, columns, counts} = pair.matrix;
      for (const [i, row] of rows.entries()) {
        for (const [j, col] of columns.entries()) {
          const planted = t.counts[row]?.[col] ?? 0;
          // Published cells below the threshold are suppressed (null), never wrong;
          // a larger cell may be hidden too, as a complement (next test).
          if (planted >= 1 && planted < threshold) expect(counts[i][j]).toBeNull();
          else if (counts[i][j] !== null) expect(counts[i][j], `${t.from}→${t.to} ${row}→${col}`).toBe(planted);
        }
      }
    }
  });

  it("hides a complement wherever a published sum would give a hidden cell back", async () => {
    const migration = JSON.parse(await readFile(path.join(dir, "site/migration.json"), "utf8"));
    const states: string[] = migration.tier.states;
    const matrices = [...migration.tier.pairs.map((p: {matrix: unknown}) => p.matrix), ...migration.tier.branches.map((b: {matrix: unknown}) => b.matrix)];
    let hiddenCells = 0;
    for (const {rows, columns, counts} of matrices as {rows: string[]; columns: string[]; counts: (number | null)[][]}[]) {
      for (const line of transitionLines(rows, columns, states)) {
        const hidden = line.filter(([i, j]) => counts[i][j] === null).length;
        hiddenCells += hidden;
        expect(hidden).not.toBe(1);
      }
    }
    expect(hiddenCells).toBeGreaterThan(0); // the branch matrices of the demo bank do have small cells
  });

  it("orders the branch league by the published net only: a withheld net does not show its rank", async () => {
    const migration = JSON.parse(await readFile(path.join(dir, "site/migration.json"), "utf8"));
    const byPair = new Map<string, {netUpgrades: number | null; branch: string}[]>();
    for (const b of migration.tier.branches) byPair.set(`${b.from}→${b.to}`, [...(byPair.get(`${b.from}→${b.to}`) ?? []), b]);
    for (const [pair, rows] of byPair) {
      const firstWithheld = rows.findIndex((r) => r.netUpgrades === null);
      const shown = firstWithheld === -1 ? rows : rows.slice(0, firstWithheld);
      const hidden = firstWithheld === -1 ? [] : rows.slice(firstWithheld);
      expect(hidden.every((r) => r.netUpgrades === null), pair).toBe(true);
      expect(hidden.map((r) => r.branch), pair).toEqual(hidden.map((r) => r.branch).sort());
      for (let i = 1; i < shown.length; ++i) expect(shown[i].netUpgrades!, pair).toBeLessThanOrEqual(shown[i - 1].netUpgrades!);
    }
    expect(byPair.size).toBe(truths.quarters.length - 1);
  });

  it("recovers the planted personas with k-means (adjusted Rand index ≥ 0.8)", () => {
    const persona = new Map(truths.retail.map((c) => [c.client_id, c.persona]));
    const latest = truths.quarters.at(-1)!;
    const rows = segments.filter((s) => s.quarter === latest && s.client_type === "retail");
    const ari = adjustedRandIndex(
      rows.map((s) => persona.get(byPid.get(s.client_pid)!)!),
      rows.map((s) => String(s.cluster))
    );
    expect(ari).toBeGreaterThanOrEqual(0.8);
  });

  it("estimates each campaign's lift within ±15% of the planted effect, its interval covering it", async () => {
    const {campaigns} = JSON.parse(await readFile(path.join(dir, "site/campaigns.json"), "utf8"));
    for (const t of truths.campaigns) {
      const c = campaigns.find((x: {id: string}) => x.id === t.campaign_id);
      expect(c.members).toEqual(t.members);
      expect(c.qualified).toEqual(t.qualified);
      expect(Math.abs(c.lift.lift - t.plantedLift) / t.plantedLift).toBeLessThanOrEqual(0.15);
      expect(c.lift.ci[0]).toBeLessThanOrEqual(t.plantedLift);
      expect(c.lift.ci[1]).toBeGreaterThanOrEqual(t.plantedLift);
      const perMember = c.incrementalAum.total.perMember;
      expect(Math.abs(perMember - t.plantedIncrementalAumPerTreated) / t.plantedIncrementalAumPerTreated).toBeLessThanOrEqual(0.15);
      expect(c.incrementalAum.total.ci[0]).toBeLessThanOrEqual(t.plantedIncrementalAumPerTreated);
      expect(c.incrementalAum.total.ci[1]).toBeGreaterThanOrEqual(t.plantedIncrementalAumPerTreated);
    }
  });

  it("quarantines exactly the planted defects, and every row is accounted for", async () => {
    const manifest: {table: string; read: number; accepted: number; quarantined: number}[] = JSON.parse(await readFile(path.join(dir, "manifest.json"), "utf8"));
    for (const entry of manifest) {
      expect(entry.read).toBe(entry.accepted + entry.quarantined);
      expect(entry.quarantined, entry.table).toBe(truths.expectedQuarantine[entry.table]);
    }
  });
});
