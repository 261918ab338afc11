// Flows counted in SQL give exactly the matrices the JavaScript core computes
// from client-level records: overall, per branch (the league table), to the fen.

import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {openDuckDb, type DuckDbEngine} from "../../loaders/engine/duckdb.js";
import {flowsSql} from "../../loaders/publish/migrationSql.js";
import {byGroup, matrixFromFlows, transitionMatrix, type MigrationRecord} from "../../src/segmentation/migration/index.js";
import {seededRandom} from "../../src/segmentation/random.js";

const states = ["standard", "gold", "platinum", "diamond"];
let engine: DuckDbEngine;
const quarters: Record<string, MigrationRecord[]> = {A: [], B: []};

beforeAll(async () => {
  engine = await openDuckDb();
  await engine.run(`CREATE TABLE segments (client_pid VARCHAR, quarter VARCHAR, client_type VARCHAR, tier VARCHAR, aum DOUBLE, branch_id VARCHAR, region VARCHAR)`);
  const random = seededRandom(11);
  const rows: unknown[][] = [];
  for (let i = 0; i < 3000; ++i) {
    const id = `P${i}`;
    const branch = `SB${Math.floor(random() * 7)}`;
    for (const q of ["A", "B"]) {
      if (random() < 0.08) continue; // absent: an entry or an exit
      const state = states[Math.floor(random() * 4)];
      const aum = Math.round(random() * 1e8) / 100;
      const movedBranch = q === "B" && random() < 0.05 ? "SB9" : branch;
      quarters[q].push({id, state, aum, branch: movedBranch});
      rows.push([id, q, "retail", state, aum, movedBranch, "R"]);
    }
  }
  await engine.appendRows("segments", ["client_pid", "quarter", "client_type", "tier", "aum", "branch_id", "region"], rows);
});

afterAll(() => engine?.close());

const flows = (rows: {grp: string; from_state: string; to_state: string; clients: number; aum_cents: number}[]) =>
  rows.map((r) => ({from: r.from_state, to: r.to_state, clients: r.clients, aumCents: r.aum_cents}));

describe("migration flows in SQL", () => {
  it("equal transitionMatrix, counts and AUM to the fen", async () => {
    const fromSql = matrixFromFlows(flows(await engine.all(flowsSql({state: "tier", from: "A", to: "B"}))), {states});
    expect(fromSql).toEqual(transitionMatrix(quarters.A, quarters.B, {states}));
  });

  it("equal byGroup per branch, a mover counted in the later branch", async () => {
    const rows = await engine.all<{grp: string; from_state: string; to_state: string; clients: number; aum_cents: number}>(flowsSql({state: "tier", from: "A", to: "B", groupBy: "branch_id"}));
    const expected = byGroup(quarters.A, quarters.B, "branch", {states});
    for (const g of expected) {
      const mine = matrixFromFlows(flows(rows.filter((r) => r.grp === g.group)), {states});
      expect(mine, g.group).toEqual(g.matrix);
    }
    expect(new Set(rows.map((r) => r.grp)).size).toBe(expected.length);
  });
});
