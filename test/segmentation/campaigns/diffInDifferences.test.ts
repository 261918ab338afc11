import {describe, expect, it} from "vitest";
import {diffInDifferences} from "../../../src/segmentation/campaigns/index.js";
import {normal, seeded} from "./random.js";

describe("diffInDifferences", () => {
  it("computes the Welch interval by hand on a tiny case", () => {
    // Treated changes 1, 2, 3, 4 (mean 2.5, variance 5/3); control 0, 1 (mean 0.5, variance 1/2).
    const r = diffInDifferences([1, 2, 3, 4], [0, 1]);
    expect(r.perMember).toBe(2);
    const vt = 5 / 3 / 4;
    const vc = 1 / 2 / 2;
    expect(r.se).toBeCloseTo(Math.sqrt(vt + vc), 12);
    expect(r.df).toBeCloseTo((vt + vc) ** 2 / (vt ** 2 / 3 + vc ** 2 / 1), 12); // 3.6923
    expect(r.incrementalAum.total).toBe(8); // 2 per member × 4 treated
    expect(r.confidence).toBe(0.95); // the default
    expect(r.incrementalAum.ci![0]).toBeCloseTo(r.ci![0] * 4, 12);
  });

  it("recovers a planted effect of 20,000 CNY per member", () => {
    const random = seeded(7);
    const effect = 20_000;
    // Everyone's AUM drifts by +5,000 (the market); treated members gain the effect on top.
    const control = Array.from({length: 3000}, () => normal(random, 5_000, 60_000));
    const treated = Array.from({length: 3000}, () => normal(random, 5_000 + effect, 80_000));
    const r = diffInDifferences(treated, control);
    expect(r.ci![0]).toBeLessThan(effect);
    expect(r.ci![1]).toBeGreaterThan(effect);
    expect(Math.abs(r.perMember! - effect)).toBeLessThan(3 * r.se!);
    expect(r.ci![0]).toBeGreaterThan(0); // the effect is detected
    expect(r.incrementalAum.total).toBeCloseTo(r.perMember! * 3000, 6);
  });

  it("covers the planted effect in about 95% of 400 simulated campaigns", () => {
    const random = seeded(11);
    let covered = 0;
    for (let i = 0; i < 400; ++i) {
      const control = Array.from({length: 40}, () => normal(random, 0, 10));
      const treated = Array.from({length: 25}, () => normal(random, 3, 20));
      const [lo, hi] = diffInDifferences(treated, control).ci!;
      if (lo <= 3 && 3 <= hi) covered += 1;
    }
    expect(covered / 400).toBeGreaterThanOrEqual(0.92);
    expect(covered / 400).toBeLessThanOrEqual(0.98);
  });

  it("skips non-finite deltas and needs two members per group for an interval", () => {
    const r = diffInDifferences([10, NaN], [4, 6]);
    expect(r.perMember).toBe(5);
    expect(r.treatedN).toBe(1);
    expect(r.ci).toBeUndefined();
    expect(diffInDifferences([], [1, 2]).perMember).toBeUndefined();
    expect(diffInDifferences([3, 3], [1, 1]).ci).toEqual([2, 2]);
  });
});
