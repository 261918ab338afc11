import {describe, expect, it} from "vitest";
import {campaignRoi, conversionRoi, grossVersusIncremental} from "../../../src/segmentation/campaigns/index.js";

// The referral campaign of DOMAIN.md §4, priced with the default configuration:
// 150 bp a year on deposits, 80 bp on wealth, one year, 6 CNY a point.
const input = {
  incrementalAum: {deposits: 30_000_000, wealth: 20_000_000},
  marginBps: {deposits: 150, wealth: 80},
  horizonYears: 1,
  rewards: {qualifyingMembers: 520, pointsMember: 10, qualifyingReferrals: 480, pointsReferrer: 5, pointValue: 6},
  fixedCost: 20_000,
};

describe("campaignRoi", () => {
  it("equals the hand computation", () => {
    // margin: 30,000,000 × 1.50% + 20,000,000 × 0.80% = 450,000 + 160,000 = 610,000
    // rewards: 520 × 10 × 6 + 480 × 5 × 6 = 31,200 + 14,400 = 45,600; cost 45,600 + 20,000 = 65,600
    // ROI = (610,000 − 65,600) / 65,600 = 8.2988
    const r = campaignRoi(input);
    expect(r.breakdown).toEqual({depositMargin: 450_000, wealthMargin: 160_000, memberRewards: 31_200, referrerRewards: 14_400, fixedCost: 20_000});
    expect(r.incrementalMargin).toBe(610_000);
    expect(r.rewardCost).toBe(45_600);
    expect(r.totalCost).toBe(65_600);
    expect(r.net).toBe(544_400);
    expect(r.roi).toBeCloseTo(544_400 / 65_600, 12);
    expect(r.roi).toBeCloseTo(8.2988, 4);
  });

  it("scales the margin with the horizon and is undefined when nothing was spent", () => {
    expect(campaignRoi({...input, horizonYears: 0.25}).incrementalMargin).toBe(152_500);
    const free = campaignRoi({...input, fixedCost: 0, rewards: {...input.rewards, qualifyingMembers: 0, qualifyingReferrals: 0}});
    expect(free.roi).toBeUndefined();
    expect(() => campaignRoi({...input, horizonYears: 0})).toThrow("invalid horizonYears: 0");
  });

  it("shows the gross view beside the incremental one, with the same costs", () => {
    // Treated qualifiers gained 100,000,000 in all; half would have come anyway.
    const r = grossVersusIncremental({...input, grossAum: {deposits: 60_000_000, wealth: 40_000_000}});
    expect(r.gross.incrementalMargin).toBe(1_220_000); // 900,000 + 320,000
    expect(r.gross.totalCost).toBe(r.incremental.totalCost);
    expect(r.gross.roi).toBeCloseTo((1_220_000 - 65_600) / 65_600, 12); // 17.60
    expect(r.incremental.roi).toBeCloseTo(8.2988, 4);
    expect(r.incrementalShare).toBe(0.5);
  });
});

describe("conversionRoi", () => {
  it("prices contacts and conversions", () => {
    // 100 subscriptions × 120 − 1,000 calls × 5 = 12,000 − 5,000 = 7,000 on 5,000 spent
    expect(conversionRoi({conversions: 100, contacts: 1000}, {costPerContact: 5, valuePerConversion: 120})).toEqual({cost: 5000, value: 12000, net: 7000, roi: 1.4});
  });
});
