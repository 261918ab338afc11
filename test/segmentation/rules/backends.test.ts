// The two back-ends of the rule language agree, row for row, with each other
// and with a plainly written oracle (test/support/ruleOracle.ts): random rule
// sets (nested all / any / not, every operator, lists, references to earlier
// classifications) on random data (NULL and absent values, NaN, numbers
// exactly on the thresholds, empty and other text, flags). The SQL runs on
// DuckDB; the explainer gives the classifier's tier with the same leaves.

import fc from "fast-check";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {openDuckDb} from "../../../loaders/engine/duckdb.js";
import type {Engine} from "../../../loaders/engine/engine.js";
import {ruleSql} from "../../../loaders/segment/rulesSql.js";
import {classifier, compileRules, operators, type Condition} from "../../../src/segmentation/rules/index.js";
import type {ClientPeriod} from "../../../src/segmentation/types.js";
import {data, expectBackendsAgree, features, ruleSet, tierColumn} from "../../support/ruleCases.js";

let engine: Engine;
beforeAll(async () => {
  engine = await openDuckDb();
});
afterAll(() => engine.close());

describe("the SQL and JS back-ends of the rule language", () => {
  it("give every row the oracle's tier in every classification, and the explainer agrees", async () => {
    let rowsChecked = 0;
    let nonFallback = 0;
    await fc.assert(
      fc.asyncProperty(ruleSet, data, fc.array(fc.boolean(), {minLength: 30, maxLength: 30}), async (sources, rows, dropNulls) => {
        const {rows: n, decided} = await expectBackendsAgree(engine, sources, rows, dropNulls);
        rowsChecked += n;
        nonFallback += decided;
      }),
      {seed: 20241, numRuns: 400}
    );
    // The generated rules really do decide: many rows land above the fallback.
    expect(rowsChecked).toBeGreaterThan(2000);
    expect(nonFallback).toBeGreaterThan(rowsChecked / 4);
  }, 120_000);

  it("make a missing value false for every operator, != included, and only `not` makes it true", async () => {
    await engine.run(`CREATE OR REPLACE TABLE m (n1 DOUBLE, t1 VARCHAR, b1 BOOLEAN)`);
    await engine.appendRows("m", ["n1", "t1", "b1"], [[null, null, null], [NaN, "", null]]);
    const cases: Condition[] = [
      ...Object.keys(operators).filter((op) => op !== "in").map((op): Condition => ({feature: "n1", op, value: 1})),
      {feature: "n1", in: [1]},
      {feature: "t1", op: "!=", value: "a"},
      {feature: "t1", in: ["a"]},
      {feature: "b1", op: "!=", value: true},
      {feature: "b1", op: "==", value: false},
    ];
    for (const when of cases) {
      for (const negate of [false, true]) {
        const c = negate ? {not: when} : when;
        const [ladder] = compileRules([{id: "x", appliesTo: "retail", tiers: [{id: "yes", when: c}, {id: "no"}]}], {features});
        const rule = ladder.tiers[0].when!;
        const sql = await engine.all<{v: boolean}>(`SELECT ${ruleSql(rule, {tierColumn})} AS v FROM m`);
        const records: ClientPeriod[] = [{n1: null, t1: null, b1: null}, {n1: NaN, t1: ""}];
        const js = records.map((r) => classifier([ladder])(r).x === "yes");
        expect(sql.map((r) => r.v), JSON.stringify(c)).toEqual([negate, negate]);
        expect(js, JSON.stringify(c)).toEqual([negate, negate]);
      }
    }
  });

  it("put a value exactly on a threshold on the side its operator says", async () => {
    const on = 200000;
    await engine.run(`CREATE OR REPLACE TABLE b (n1 DOUBLE, i1 INTEGER)`);
    await engine.appendRows("b", ["n1", "i1"], [[on, 3]]);
    const expected: Record<string, boolean> = {">=": true, ">": false, "<=": true, "<": false, "==": true, "!=": false};
    for (const [op, holds] of Object.entries(expected)) {
      for (const [feature, value] of [["n1", on], ["i1", 3]] as const) {
        const [ladder] = compileRules([{id: "x", appliesTo: "retail", tiers: [{id: "yes", when: {feature, op, value}}, {id: "no"}]}], {features});
        const [{v}] = await engine.all<{v: boolean}>(`SELECT ${ruleSql(ladder.tiers[0].when!, {tierColumn})} AS v FROM b`);
        expect(v, `${feature} ${op} ${value}`).toBe(holds);
        expect(classifier([ladder])({n1: on, i1: 3}).x === "yes", `${feature} ${op} ${value}`).toBe(holds);
      }
    }
  });
});
