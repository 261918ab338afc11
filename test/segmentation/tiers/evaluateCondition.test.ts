import {describe, expect, it} from "vitest";
import {evaluateCondition, explainCondition} from "../../../src/segmentation/tiers/index.js";

describe("evaluateCondition", () => {
  it("compares numbers numerically, the boundary included for >=", () => {
    const c = {feature: "avg_daily_aum", op: ">=" as const, value: 200000};
    expect(evaluateCondition(c, {avg_daily_aum: 200000})).toBe(true);
    expect(evaluateCondition(c, {avg_daily_aum: 199999.99})).toBe(false);
    expect(evaluateCondition(c, {avg_daily_aum: "250000"})).toBe(true); // a CSV number still compares as a number
  });

  it("treats a missing feature as failing every comparison, != included", () => {
    expect(evaluateCondition({feature: "x", op: ">=", value: 0}, {})).toBe(false);
    expect(evaluateCondition({feature: "x", op: "!=", value: 0}, {x: null})).toBe(false);
    expect(evaluateCondition({feature: "x", op: "==", value: false}, {x: null})).toBe(false);
    expect(evaluateCondition({feature: "x", in: ["A"]}, {})).toBe(false);
    // only `not` turns the missing comparison into true
    expect(evaluateCondition({not: {feature: "x", op: ">=", value: 0}}, {})).toBe(true);
  });

  it("compares booleans with true / false only", () => {
    expect(evaluateCondition({feature: "is_closed", op: "==", value: true}, {is_closed: true})).toBe(true);
    expect(evaluateCondition({feature: "is_closed", op: "==", value: true}, {is_closed: 1})).toBe(false);
    expect(evaluateCondition({feature: "is_closed", op: "!=", value: true}, {is_closed: false})).toBe(true);
  });

  it("compares strings by equality and lists as text", () => {
    expect(evaluateCondition({feature: "credit_rating", in: ["AAA", "AA", "A"]}, {credit_rating: "AA"})).toBe(true);
    expect(evaluateCondition({feature: "credit_rating", in: ["AAA", "AA", "A"]}, {credit_rating: "BBB"})).toBe(false);
    expect(evaluateCondition({feature: "branch", in: [101, 102]}, {branch: "101"})).toBe(true);
    expect(evaluateCondition({feature: "credit_rating", op: "!=", value: "D"}, {credit_rating: "A"})).toBe(true);
  });

  it("rejects an ordering comparison on a string or a boolean", () => {
    expect(() => evaluateCondition({feature: "credit_rating", op: ">=", value: "A"}, {credit_rating: "AA"})).toThrow(/^invalid condition: /);
  });

  it("combines with all / any / not", () => {
    const c = {all: [{feature: "a", op: ">" as const, value: 1}, {any: [{feature: "b", op: "==" as const, value: true}, {not: {feature: "c", in: ["x"]}}]}]};
    expect(evaluateCondition(c, {a: 2, b: false, c: "y"})).toBe(true);
    expect(evaluateCondition(c, {a: 2, b: false, c: "x"})).toBe(false);
    expect(evaluateCondition(c, {a: 1, b: true, c: "y"})).toBe(false);
  });

  it("reads earlier classifications and throws on an unknown one", () => {
    const c = {classification: "enterprise_size", in: ["large"]};
    expect(evaluateCondition(c, {}, {classified: {enterprise_size: "large"}})).toBe(true);
    expect(evaluateCondition(c, {}, {classified: {enterprise_size: "medium"}})).toBe(false);
    expect(() => evaluateCondition(c, {})).toThrow("invalid classification reference: enterprise_size");
  });

  it("explains every leaf with the value it looked at", () => {
    const {pass, checks} = explainCondition({any: [{feature: "avg_daily_deposits", op: ">=", value: 1e8}, {feature: "company_cards", op: ">=", value: 20}]}, {avg_daily_deposits: 2e8, company_cards: null});
    expect(pass).toBe(true);
    expect(checks).toEqual([
      {feature: "avg_daily_deposits", op: ">=", threshold: 1e8, value: 2e8, pass: true},
      {feature: "company_cards", op: ">=", threshold: 20, value: null, pass: false},
    ]);
  });
});
