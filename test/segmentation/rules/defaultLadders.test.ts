import {describe, expect, it} from "vitest";
import {featureNames} from "../../../src/config/features.js";
import {classifier, compileRules, explainLadder} from "../../../src/segmentation/rules/index.js";
import {withSizeClass} from "../../../src/segmentation/tiers/index.js";
import {explainAll} from "../../support/explainAll.js";
import {defaultConfig} from "../tiers/defaultConfig.js";

const config = defaultConfig();
const ladders = compileRules(config.classifications, {features: featureNames});
const byId = (id: string) => ladders.find((c) => c.id === id)!;

describe("the default retail ladders", () => {
  const ladder = byId("retail_tier");
  const tierOf = (avg_daily_aum: number | null) => explainLadder(ladder, {avg_daily_aum}).tier;

  it("puts exact thresholds in the higher tier (≥ boundary)", () => {
    expect(tierOf(5_000_000)).toBe("diamond");
    expect(tierOf(4_999_999.99)).toBe("platinum");
    expect(tierOf(1_000_000)).toBe("platinum");
    expect(tierOf(999_999)).toBe("gold");
    expect(tierOf(200_000)).toBe("gold");
    expect(tierOf(199_999)).toBe("standard");
    expect(tierOf(0)).toBe("standard");
  });

  it("gives a client with no AUM figure the fallback tier", () => {
    expect(tierOf(null)).toBe("standard");
  });

  it("explains the matched rule with the value it looked at", () => {
    expect(explainLadder(ladder, {avg_daily_aum: 6123456.7})).toEqual({
      classification: "retail_tier",
      tier: "diamond",
      ruleIndex: 0,
      explanation: [{feature: "avg_daily_aum", op: ">=", threshold: 5000000, value: 6123456.7, pass: true}],
    });
    expect(explainLadder(ladder, {avg_daily_aum: 10})).toEqual({classification: "retail_tier", tier: "standard", ruleIndex: 3, explanation: []});
  });

  it("classifies activity: ≥ 3 transactions active, else ≥ 180 idle days dormant, else potential", () => {
    const activity = byId("activity");
    expect(explainLadder(activity, {frequency: 3, days_since_last_txn: 400}).tier).toBe("active");
    expect(explainLadder(activity, {frequency: 2, days_since_last_txn: 180}).tier).toBe("dormant");
    expect(explainLadder(activity, {frequency: 2, days_since_last_txn: 179}).tier).toBe("potential");
  });

  it("marks churned clients: closed, or a former value client two quarters below the line", () => {
    const churn = byId("churn");
    expect(explainLadder(churn, {is_closed: true}).tier).toBe("churned");
    expect(explainLadder(churn, {is_closed: false, was_value_client: true, quarters_below_value: 2}).tier).toBe("churned");
    expect(explainLadder(churn, {is_closed: false, was_value_client: true, quarters_below_value: 1}).tier).toBe("retained");
  });
});

describe("the default corporate tiers", () => {
  const corporate = ladders.filter((c) => c.appliesTo === "corporate");
  const base = {
    industry: "industry", employees: 1200, revenue: 50000, total_assets: 90000,
    strategic_agreement: false, credit_rating: "AA", adverse_credit: false, settlement_share: 0.3,
    supported_sector: true, avg_daily_deposits: 0, period_end_deposits: 0, pos_settlement_monthly: 0,
    online_banking_daily: false, payroll_headcount: 0, payroll_amount_monthly: 0, company_cards: 0,
    stable_lending: false, loan_balance: 0,
  };
  const tierOf = (patch: Record<string, number | string | boolean | null>) =>
    classifier(corporate)(withSizeClass({...base, ...patch}, config.enterpriseSize)).corporate_tier;

  it("makes a rated, agreement-holding client with ≥ 60% settlement strategic", () => {
    expect(tierOf({strategic_agreement: true, settlement_share: 0.6})).toBe("strategic");
    expect(tierOf({strategic_agreement: true, settlement_share: 0.6, credit_rating: "BBB"})).not.toBe("strategic");
    expect(tierOf({strategic_agreement: true, settlement_share: 0.6, adverse_credit: true})).not.toBe("strategic");
    expect(tierOf({strategic_agreement: true, settlement_share: 0.59})).not.toBe("strategic");
  });

  it("makes a large supported enterprise with ≥ 1亿 average deposits quality", () => {
    expect(tierOf({avg_daily_deposits: 100_000_000})).toBe("quality");
    expect(tierOf({avg_daily_deposits: 99_999_999})).toBe("potential");
    expect(tierOf({payroll_headcount: 150, payroll_amount_monthly: 800_000})).toBe("quality");
    expect(tierOf({payroll_headcount: 150, payroll_amount_monthly: 799_999})).toBe("potential");
    // a medium enterprise cannot be quality, whatever its deposits
    expect(tierOf({employees: 999, avg_daily_deposits: 100_000_000})).toBe("potential");
    expect(tierOf({supported_sector: false, avg_daily_deposits: 100_000_000})).toBe("potential");
  });

  it("makes a stable borrower with ≥ 8000万 deposits or ≥ 10 cards a sustained contributor", () => {
    expect(tierOf({employees: 50, stable_lending: true, avg_daily_deposits: 80_000_000})).toBe("contributor");
    expect(tierOf({employees: 50, stable_lending: true, company_cards: 10})).toBe("contributor");
    expect(tierOf({employees: 50, stable_lending: true, company_cards: 9})).toBe("potential");
    expect(tierOf({employees: 50, stable_lending: false, company_cards: 10})).toBe("potential");
  });

  it("explains a quality tier through the enterprise size it relied on", () => {
    const result = explainAll(withSizeClass({...base, avg_daily_deposits: 1.5e8}, config.enterpriseSize), corporate);
    expect(result.enterprise_size.tier).toBe("large");
    expect(result.corporate_tier.explanation[0]).toEqual({classification: "enterprise_size", op: "in", threshold: ["large"], value: "large", pass: true});
    expect(result.loan_scale.tier).toBe("above_scale");
  });

  it("refuses a reference to an unknown or later classification", () => {
    const [size, tier] = [byId("enterprise_size"), byId("corporate_tier")];
    expect(() => classifier([tier, size])).toThrow("invalid classification reference: enterprise_size");
    expect(() => classifier([tier])).toThrow("invalid classification reference: enterprise_size");
    expect(() => explainAll({}, [tier])).toThrow("invalid classification reference: enterprise_size");
  });
});
