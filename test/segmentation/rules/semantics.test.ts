import {describe, expect, it} from "vitest";
import {classifier, compileRules, explainRule, type Condition, type FeatureCatalogue} from "../../../src/segmentation/rules/index.js";
import type {ClientPeriod} from "../../../src/segmentation/types.js";

const features: FeatureCatalogue = {
  avg_daily_aum: {type: "number", of: ["retail"]},
  x: {type: "number", of: ["retail"]},
  flag: {type: "boolean", of: ["retail"]},
  credit_rating: {type: "text", of: ["retail"]},
  branch: {type: "text", of: ["retail"]},
  company_cards: {type: "number", of: ["retail"]},
};

/** Whether a condition holds for a record, through the compiled rules (a tier "yes" when it holds). */
function holds(when: Condition, record: ClientPeriod): boolean {
  // An earlier classification, for references: size is large when x is 1, medium when x is 2.
  const size = {id: "size", appliesTo: "retail", tiers: [{id: "large", when: {feature: "x", op: "==", value: 1} as Condition}, {id: "medium", when: {feature: "x", op: "==", value: 2} as Condition}, {id: "small"}]};
  const ladders = compileRules([size, {id: "c", appliesTo: "retail", tiers: [{id: "yes", when}, {id: "no"}]}], {features});
  return classifier(ladders)(record).c === "yes";
}

describe("the rule language's leaves", () => {
  it("compares numbers at the threshold as the operator says", () => {
    const c: Condition = {feature: "avg_daily_aum", op: ">=", value: 200000};
    expect(holds(c, {avg_daily_aum: 200000})).toBe(true);
    expect(holds(c, {avg_daily_aum: 199999.99})).toBe(false);
    expect(holds({...c, op: ">"}, {avg_daily_aum: 200000})).toBe(false);
  });

  it("makes a missing value false, != included, until `not`", () => {
    expect(holds({feature: "x", op: ">=", value: 0}, {})).toBe(false);
    expect(holds({feature: "x", op: "!=", value: 0}, {x: null})).toBe(false);
    expect(holds({feature: "x", op: "!=", value: 0}, {x: NaN})).toBe(false);
    expect(holds({feature: "flag", op: "==", value: false}, {flag: null})).toBe(false);
    expect(holds({feature: "credit_rating", in: ["A"]}, {})).toBe(false);
    expect(holds({feature: "credit_rating", op: "!=", value: "A"}, {credit_rating: ""})).toBe(false);
    expect(holds({not: {feature: "x", op: ">=", value: 0}}, {})).toBe(true);
  });

  it("reads a value of another type than the feature's as missing", () => {
    // the engine's columns have the catalogue's types (rulesSql checks); a stray string is not a number
    expect(holds({feature: "avg_daily_aum", op: ">=", value: 1}, {avg_daily_aum: "250000"})).toBe(false);
    expect(holds({feature: "flag", op: "==", value: true}, {flag: 1})).toBe(false);
    expect(holds({feature: "branch", in: ["101"]}, {branch: 101})).toBe(false);
  });

  it("compares flags with true / false and text by equality or list", () => {
    expect(holds({feature: "flag", op: "==", value: true}, {flag: true})).toBe(true);
    expect(holds({feature: "flag", op: "!=", value: true}, {flag: false})).toBe(true);
    expect(holds({feature: "credit_rating", in: ["AAA", "AA", "A"]}, {credit_rating: "AA"})).toBe(true);
    expect(holds({feature: "credit_rating", in: ["AAA", "AA", "A"]}, {credit_rating: "BBB"})).toBe(false);
    expect(holds({feature: "credit_rating", op: "!=", value: "D"}, {credit_rating: "A"})).toBe(true);
    expect(holds({feature: "x", op: "in", value: [1, 2]}, {x: 2})).toBe(true);
  });

  it("combines with all / any / not", () => {
    const c: Condition = {all: [{feature: "x", op: ">", value: 1}, {any: [{feature: "flag", op: "==", value: true}, {not: {feature: "credit_rating", in: ["x"]}}]}]};
    expect(holds(c, {x: 2, flag: false, credit_rating: "y"})).toBe(true);
    expect(holds(c, {x: 2, flag: false, credit_rating: "x"})).toBe(false);
    expect(holds(c, {x: 1, flag: true, credit_rating: "y"})).toBe(false);
  });

  it("reads the tier an earlier classification gave", () => {
    const c: Condition = {classification: "size", in: ["large"]};
    expect(holds(c, {x: 1})).toBe(true);
    expect(holds(c, {x: 2})).toBe(false);
    expect(holds({classification: "size", in: ["medium", "small"]}, {})).toBe(true);
  });

  it("refuses to compile a rule that does not type-check, naming the place", () => {
    const compile = (when: Condition) => compileRules([{id: "c", appliesTo: "retail", tiers: [{id: "yes", when}, {id: "no"}]}], {features});
    expect(() => compile({feature: "credit_rating", op: ">=", value: "A"})).toThrow('invalid rule: classification c tiers[0].when.op: got ">="; expected one of ==, !=, in: credit_rating is text');
    expect(() => compile({feature: "avg_daily_aum", op: ">=", value: "5000000"})).toThrow("write 5000000 without quotes");
    expect(() => compile({classification: "later", in: ["x"]})).toThrow('tiers[0].when.classification: got "later"; expected an earlier classification (there is none)');
    expect(() => compileRules([{id: "c", appliesTo: "retail", tiers: [{id: "yes", when: {feature: "x", op: ">", value: 1}}]}], {features})).toThrow("invalid classification: c has no fallback tier");
  });

  it("explains every leaf with the value it looked at", () => {
    const [ladder] = compileRules([{id: "c", appliesTo: "retail", tiers: [{id: "yes", when: {any: [{feature: "avg_daily_aum", op: ">=", value: 1e8}, {feature: "company_cards", op: ">=", value: 20}]}}, {id: "no"}]}], {features});
    const {pass, checks} = explainRule(ladder.tiers[0].when!, {avg_daily_aum: 2e8, company_cards: null});
    expect(pass).toBe(true);
    expect(checks).toEqual([
      {feature: "avg_daily_aum", op: ">=", threshold: 1e8, value: 2e8, pass: true},
      {feature: "company_cards", op: ">=", threshold: 20, value: null, pass: false},
    ]);
  });

  it("explains a reference through the tier it read, and refuses an unknown one", () => {
    const rule = {kind: "tier", classification: "enterprise_size", tiers: ["large"]} as const;
    expect(explainRule(rule, {}, {classified: {enterprise_size: "large"}}).checks).toEqual([{classification: "enterprise_size", op: "in", threshold: ["large"], value: "large", pass: true}]);
    expect(() => explainRule(rule, {})).toThrow("invalid classification reference: enterprise_size");
  });
});
