// Occupation is free text in many core systems; a value only a few clients
// share ("个体户（王记水产）") identifies them. The anonymised client extract
// keeps an occupation only when at least `threshold` clients share it.

import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {contract} from "../../loaders/contract/tables.js";
import {openDuckDb, type DuckDbEngine} from "../../loaders/engine/duckdb.js";
import {sqlTypes} from "../../loaders/extract/checks.js";
import {otherOccupation, stagingSql} from "../../loaders/anonymise/staging.js";

let engine: DuckDbEngine;
const threshold = 10;

beforeAll(async () => {
  engine = await openDuckDb();
  for (const t of contract) await engine.run(`CREATE TABLE x_${t.name} (${t.columns.map((c) => `"${c.name}" ${sqlTypes[c.type]}`).join(", ")})`);
  await engine.run(`INSERT INTO x_branches (branch_id, parent_branch, region) VALUES ('SB1', 'B1', 'R1')`);
  const occupations = [...Array(12).fill("职员"), ...Array(10).fill("教师"), ...Array(9).fill("医生"), "个体户（王记水产）", null];
  await engine.run(`INSERT INTO x_clients (client_id, client_type, branch_id, occupation, open_date) VALUES ${occupations
    .map((o, i) => `('C${i}', 'retail', 'SB1', ${o === null ? "NULL" : `'${o}'`}, DATE '2020-01-01')`)
    .join(", ")}`);
  await engine.run(`CREATE TABLE pid_map AS SELECT client_id, 'P' || client_id AS client_pid, CAST(row_number() OVER (ORDER BY client_id) AS INTEGER) AS client_no FROM x_clients`);
  for (const sql of stagingSql({asOf: "2025-12-31", ageBands: [{id: "adult", min: 18}], minGroup: threshold})) await engine.run(sql);
});
afterAll(() => engine.close());

describe("occupation in the anonymised client extract", () => {
  it("keeps occupations shared by at least the threshold, and turns rarer ones into 其他", async () => {
    const rows = await engine.all<{occupation: string | null; n: number}>(`SELECT occupation, COUNT(*) AS n FROM a_clients GROUP BY occupation ORDER BY occupation NULLS LAST`);
    expect(rows).toEqual([
      {occupation: otherOccupation, n: 10},
      {occupation: "教师", n: 10},
      {occupation: "职员", n: 12},
      {occupation: null, n: 1},
    ]);
  });
  it("never publishes the free-text value", async () => {
    const [{n}] = await engine.all<{n: number}>(`SELECT COUNT(*) AS n FROM a_clients WHERE occupation LIKE '%王记%'`);
    expect(n).toBe(0);
  });
});
