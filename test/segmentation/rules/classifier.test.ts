import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {featureCatalogue} from "../../../src/config/features.js";
import {seededRandom} from "../../../src/segmentation/random.js";
import {classifier, compileRules, explainRule, rankIndex, rankedFeatures} from "../../../src/segmentation/rules/index.js";
import {withSizeClass} from "../../../src/segmentation/tiers/index.js";
import type {ClientPeriod} from "../../../src/segmentation/types.js";
import {classifyMany} from "../../support/classifyMany.js";
import {explainAll} from "../../support/explainAll.js";
import {oracleTiers} from "../../support/ruleOracle.js";
import {defaultConfig} from "../tiers/defaultConfig.js";

const config = defaultConfig();
const {classifications, enterpriseSize} = config;
const catalogue = featureCatalogue(config);
const ladders = compileRules(classifications, {features: catalogue});

// Every feature the default classifications read, with values around their thresholds and some gaps.
const value = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.constantFrom("AAA", "AA", "A", "BBB", "large", "medium", "small", "micro", ""),
  fc.double({min: -1, max: 1e9, noNaN: true}),
  fc.constantFrom(0, 3, 10, 20, 100, 150, 180, 0.6, 200000, 1e6, 5e6, 8e7, 1e8, 3e8)
);
const features = [
  "avg_daily_aum", "aum_last_month", "frequency", "days_since_last_txn", "is_closed", "was_value_client", "quarters_below_value",
  "size_class", "strategic_agreement", "credit_rating", "adverse_credit", "settlement_share", "supported_sector",
  "avg_daily_deposits", "period_end_deposits", "pos_settlement_monthly", "online_banking_daily", "payroll_headcount",
  "payroll_amount_monthly", "company_cards", "stable_lending", "loan_balance",
  // the default configuration's own
  "annual_revenue", "aum_growth", "product_growth", "deposits_per_year", "deposit_amount", "deposit_term_months", "revenue", "industry",
];
const record = fc.record(Object.fromEntries(features.map((f) => [f, value])), {requiredKeys: []}) as fc.Arbitrary<ClientPeriod>;

describe("the JS back-end on the default classifications", () => {
  it("is total: every record gets exactly one tier, the first whose rule holds, as the explainer and the oracle say", () => {
    const types = Object.fromEntries(Object.entries(catalogue).map(([name, f]) => [name, f.type]));
    fc.assert(
      fc.property(record, (r) => {
        // one record is its own period here: {feature, top} ranks it among itself
        const ranks = rankIndex([r], rankedFeatures(ladders));
        const classify = classifier(ladders, {ranks});
        const results = explainAll(r, ladders, {ranks});
        expect(classify(r)).toEqual(oracleTiers(classifications as never, types, r));
        expect(Object.keys(results)).toEqual(classifications.map((c) => c.id));
        const classified: Record<string, string> = {};
        for (const ladder of ladders) {
          const {tier, ruleIndex} = results[ladder.id];
          const first = ladder.tiers.findIndex((t) => t.when === null || explainRule(t.when, r, {classified, ranks}).pass);
          expect(ruleIndex).toBe(first);
          expect(tier).toBe(ladder.tiers[first].id);
          expect(classify(r)[ladder.id]).toBe(tier);
          classified[ladder.id] = tier;
        }
      }),
      {seed: 7, numRuns: 300}
    );
  });

  it("treats odd feature names as data", () => {
    const feature = 'x"]; throw new Error("injected"); //';
    const odd = compileRules([{id: "odd", appliesTo: "retail", tiers: [{id: "yes", when: {feature, op: "!=", value: 1}}, {id: "no"}]}], {features: {[feature]: {type: "number", of: ["retail"]}}});
    expect(classifier(odd)({[feature]: 2})).toEqual({odd: "yes"});
    expect(classifier(odd)({[feature]: null})).toEqual({odd: "no"});
  });

  it("refuses a forward reference when compiling", () => {
    const reversed = [...classifications].reverse();
    expect(() => compileRules(reversed, {features: catalogue})).toThrow('got "enterprise_size", which is defined later');
    expect(() => classifier([...ladders].reverse(), {ranks: rankIndex([], rankedFeatures(ladders))})).toThrow("invalid classification reference: enterprise_size");
  });

  it("classifies many client periods in bulk exactly as the explained path does", () => {
    const random = seededRandom(3);
    const industries = Object.keys(enterpriseSize.industries);
    const distinct = Array.from({length: 4096}, () =>
      withSizeClass(
        {
          avg_daily_aum: Math.exp(random() * 16), aum_last_month: Math.exp(random() * 14), frequency: Math.floor(random() * 8),
          days_since_last_txn: Math.floor(random() * 400), is_closed: random() < 0.02, was_value_client: random() < 0.3,
          quarters_below_value: Math.floor(random() * 4), industry: industries[Math.floor(random() * industries.length)],
          employees: Math.floor(Math.exp(random() * 8)), revenue: Math.exp(random() * 12), total_assets: Math.exp(random() * 12),
          strategic_agreement: random() < 0.05, credit_rating: ["AAA", "AA", "A", "BBB"][Math.floor(random() * 4)],
          adverse_credit: random() < 0.1, settlement_share: random(), supported_sector: random() < 0.7,
          avg_daily_deposits: Math.exp(random() * 20), period_end_deposits: Math.exp(random() * 20),
          pos_settlement_monthly: Math.exp(random() * 17), online_banking_daily: random() < 0.3, payroll_headcount: Math.floor(random() * 300),
          payroll_amount_monthly: Math.exp(random() * 15), company_cards: Math.floor(random() * 30), stable_lending: random() < 0.4,
          loan_balance: random() < 0.5 ? 0 : 1e6,
        },
        enterpriseSize
      )
    );
    // Speed is measured by npm run bench, not here; this checks the bulk path's answers.
    const records = Array.from({length: 200_000}, (_, i) => distinct[(i * 2654435761) % distinct.length >>> 0]);
    const result = classifyMany(records, classifications, {features: catalogue});
    const ranks = rankIndex(records, rankedFeatures(ladders));
    for (const i of [0, 1, 99_999, 199_999]) {
      const slow = explainAll(records[i], ladders, {ranks});
      for (const c of classifications) expect(result[c.id].tiers[result[c.id].codes[i]]).toBe(slow[c.id].tier);
    }
  });
});
