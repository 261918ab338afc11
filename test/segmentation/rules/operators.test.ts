// Adding a comparison operator to the rule language is one entry in the
// operator table: here `between` is added, and the configuration schema, the
// type check, both back-ends (SQL on DuckDB), the explainer and the rule
// sentences all take it up without another change.

import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {openDuckDb} from "../../../loaders/engine/duckdb.js";
import type {Engine} from "../../../loaders/engine/engine.js";
import {tiersSelectSql} from "../../../loaders/segment/rulesSql.js";
import {describeCondition} from "../../../src/config/describe.js";
import {condition, conditionSchema} from "../../../src/config/schema.js";
import {classifier, compileRules, explainLadder, operators, resolveLadders, type Operator, type OperatorTable} from "../../../src/segmentation/rules/index.js";

const between: Operator = {
  operand: "range",
  types: ["number"],
  holds: (value, threshold) => {
    const [low, high] = threshold as number[];
    return low <= (value as number) && (value as number) <= high;
  },
  sql: (value, threshold) => `${value} BETWEEN ${threshold[0]} AND ${threshold[1]}`,
  symbol: "∈",
};
const extended: OperatorTable = {...operators, between};

const features = {aum: {type: "number" as const, of: ["retail"]}, rating: {type: "text" as const, of: ["retail"]}};
const when = {feature: "aum", op: "between", value: [100, 200]};
const ladder = {id: "band", appliesTo: "retail", tiers: [{id: "mid", when}, {id: "other"}]};

let engine: Engine;
beforeAll(async () => {
  engine = await openDuckDb();
});
afterAll(() => engine.close());

describe("an operator added to the table", () => {
  it("is accepted by the schema built from the table, and only there", () => {
    expect(conditionSchema(extended).safeParse(when).success).toBe(true);
    expect(condition.safeParse(when).success).toBe(false);
  });

  it("is type-checked from its entry: a range of numbers, low ≤ high, on a number feature", () => {
    const problems = (w: object) => resolveLadders([{...ladder, tiers: [{id: "mid", when: w as never}, {id: "other"}]}], {features, operators: extended}).issues;
    expect(problems(when)).toEqual([]);
    expect(problems({...when, value: [200, 100]})).toEqual([{path: [0, "tiers", 0, "when", "value"], message: "got [200,100]; expected [low, high] with low ≤ high"}]);
    expect(problems({...when, value: ["100", 200]})[0].message).toBe('got "100"; expected a number: aum is a number (write 100 without quotes)');
    expect(problems({...when, value: 150})[0].message).toBe("got 150; expected [low, high]");
    expect(problems({feature: "rating", op: "between", value: ["A", "B"]})[0].message).toBe('got "between"; expected one of ==, !=, in: rating is text');
  });

  it("gives the same answers in the JS and the SQL back-end, bounds included, missing values false", async () => {
    const ladders = compileRules([ladder], {features, operators: extended});
    const values = [99.99, 100, 150, 200, 200.01, null, NaN];
    await engine.run(`CREATE OR REPLACE TABLE t (id INTEGER, aum DOUBLE)`);
    await engine.appendRows("t", ["id", "aum"], values.map((v, i) => [i, v]));
    const sql = await engine.all<{tier_band: string}>(`SELECT tier_band FROM (${tiersSelectSql(ladders, {source: "t", columns: new Map([["aum", "number"]]), tierColumn: (id) => `tier_${id}`})}) s ORDER BY id`);
    const js = values.map((aum) => classifier(ladders)({aum}).band);
    const expected = ["other", "mid", "mid", "mid", "other", "other", "other"];
    expect(js).toEqual(expected);
    expect(sql.map((r) => r.tier_band)).toEqual(expected);
  });

  it("is explained and described from its entry", () => {
    const [typed] = compileRules([ladder], {features, operators: extended});
    expect(explainLadder(typed, {aum: 150}).explanation).toEqual([{feature: "aum", op: "between", threshold: [100, 200], value: 150, pass: true}]);
    expect(describeCondition(when, {locale: "en", features: {}, operators: extended})).toBe("aum ∈ [100, 200]");
  });
});
