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
import {ruleSql, tiersSelectSql} from "../../../loaders/segment/rulesSql.js";
import type {ColumnKind} from "../../../loaders/segment/segmentSql.js";
import {classifier, compileRules, explainLadder, operators, type Condition, type FeatureCatalogue, type LadderSource} from "../../../src/segmentation/rules/index.js";
import type {ClientPeriod} from "../../../src/segmentation/types.js";
import {oracleTiers} from "../../support/ruleOracle.js";

// The test table: two doubles, an integer, two texts, a flag.
const types = {n1: "number", n2: "number", i1: "number", t1: "text", t2: "text", b1: "boolean"} as const;
const sqlTypes: Record<string, string> = {n1: "DOUBLE", n2: "DOUBLE", i1: "INTEGER", t1: "VARCHAR", t2: "VARCHAR", b1: "BOOLEAN"};
const features: FeatureCatalogue = Object.fromEntries(Object.entries(types).map(([name, type]) => [name, {type, of: ["retail"]}]));
const columns = new Map<string, ColumnKind>(Object.entries(types));
const names = Object.keys(types);

// Thresholds and data come from the same small pools, so values sit exactly on thresholds often.
const numbers = [-1, 0, 0.5, 1, 2, 3, 100, 199999.99, 200000, 1e6];
const integers = [0, 1, 2, 3, 100];
const texts = ["a", "b", "c", "d"];

const numberFeature = fc.constantFrom("n1", "n2", "i1");
const textFeature = fc.constantFrom("t1", "t2");
const list = <T>(values: readonly T[]) => fc.uniqueArray(fc.constantFrom(...values), {minLength: 1, maxLength: 4});

const leaf: fc.Arbitrary<Condition> = fc.oneof(
  fc.record({feature: numberFeature, op: fc.constantFrom(">=", ">", "<=", "<", "==", "!="), value: fc.constantFrom(...numbers, ...integers)}),
  fc.record({feature: numberFeature, in: list(numbers)}),
  fc.record({feature: numberFeature, op: fc.constant("in"), value: list(integers)}),
  fc.record({feature: textFeature, op: fc.constantFrom("==", "!="), value: fc.constantFrom(...texts)}),
  fc.record({feature: textFeature, in: list(texts)}),
  fc.record({feature: fc.constant("b1"), op: fc.constantFrom("==", "!="), value: fc.boolean()})
);

/** A condition over the features and, when given, references to earlier classifications. */
function condition(earlier: readonly {id: string; tiers: string[]}[]): fc.Arbitrary<Condition> {
  const reference = earlier.length
    ? [fc.constantFrom(...earlier).chain((c) => list(c.tiers).map((tiers): Condition => ({classification: c.id, in: tiers})))]
    : [];
  const atom = fc.oneof(leaf, ...reference);
  return fc.letrec<{c: Condition}>((tie) => ({
    c: fc.oneof(
      {depthSize: "small", withCrossShrink: true},
      atom,
      fc.array(tie("c"), {minLength: 1, maxLength: 3}).map((all): Condition => ({all})),
      fc.array(tie("c"), {minLength: 1, maxLength: 3}).map((any): Condition => ({any})),
      tie("c").map((not): Condition => ({not}))
    ),
  })).c;
}

/** One to three classifications of one to four tiers (the last a fallback); later ones may refer to earlier ones. */
const ruleSet: fc.Arbitrary<LadderSource[]> = fc.integer({min: 1, max: 3}).chain((count) => {
  const build = (i: number, done: LadderSource[]): fc.Arbitrary<LadderSource[]> => {
    if (i === count) return fc.constant(done);
    const earlier = done.map((c) => ({id: c.id!, tiers: c.tiers.map((t) => t.id!)}));
    return fc
      .array(condition(earlier), {minLength: 0, maxLength: 3})
      .map((whens): LadderSource => ({
        id: `c${i}`,
        appliesTo: "retail",
        tiers: [...whens.map((when, j) => ({id: `t${j}`, when})), {id: `t${whens.length}`}],
      }))
      .chain((c) => build(i + 1, [...done, c]));
  };
  return build(0, []);
});

const maybe = <T>(values: fc.Arbitrary<T>) => fc.oneof({weight: 1, arbitrary: fc.constant(null)}, {weight: 4, arbitrary: values});
const row = fc.record({
  n1: maybe(fc.constantFrom(...numbers, NaN)),
  n2: maybe(fc.oneof(fc.constantFrom(...numbers), fc.double({min: -10, max: 1e6, noNaN: true}))),
  i1: maybe(fc.constantFrom(...integers)),
  t1: maybe(fc.constantFrom(...texts, "")),
  t2: maybe(fc.constantFrom(...texts, "", "A", "a ")),
  b1: maybe(fc.boolean()),
});
const data = fc.array(row, {minLength: 1, maxLength: 30});

let engine: Engine;
beforeAll(async () => {
  engine = await openDuckDb();
});
afterAll(() => engine.close());

const tierColumn = (id: string) => `tier_${id}`;

describe("the SQL and JS back-ends of the rule language", () => {
  it("give every row the oracle's tier in every classification, and the explainer agrees", async () => {
    let rowsChecked = 0;
    let nonFallback = 0;
    await fc.assert(
      fc.asyncProperty(ruleSet, data, fc.array(fc.boolean(), {minLength: 30, maxLength: 30}), async (sources, rows, dropNulls) => {
        const ladders = compileRules(sources, {features});
        await engine.run(`CREATE OR REPLACE TABLE t (id INTEGER, ${names.map((n) => `${n} ${sqlTypes[n]}`).join(", ")})`);
        await engine.appendRows("t", ["id", ...names], rows.map((r, i) => [i, ...names.map((n) => r[n as keyof typeof r])]));
        const sql = await engine.all<Record<string, unknown>>(`SELECT * FROM (${tiersSelectSql(ladders, {source: "t", columns, tierColumn})}) s ORDER BY id`);
        const classify = classifier(ladders);
        rows.forEach((r, i) => {
          // An absent key is as missing as null: drop some nulls on the JS side.
          const record = Object.fromEntries(Object.entries(r).filter(([, v]) => !(v === null && dropNulls[i])));
          const expected = oracleTiers(sources as never, types, record);
          const js = classify(record);
          const classified: Record<string, string> = {};
          for (const ladder of ladders) {
            const explained = explainLadder(ladder, record, {classified});
            classified[ladder.id] = explained.tier;
            expect(js[ladder.id], `JS ${ladder.id} row ${i}`).toBe(expected[ladder.id]);
            expect(sql[i][tierColumn(ladder.id)], `SQL ${ladder.id} row ${i}`).toBe(expected[ladder.id]);
            expect(explained.tier).toBe(expected[ladder.id]);
            if (explained.ruleIndex < ladder.tiers.length - 1) ++nonFallback;
          }
          ++rowsChecked;
        });
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
