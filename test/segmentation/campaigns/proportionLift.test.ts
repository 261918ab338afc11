import {describe, expect, it} from "vitest";
import {proportionLift, wilsonInterval} from "../../../src/segmentation/campaigns/index.js";
import {binomial, seeded} from "./random.js";

describe("wilsonInterval", () => {
  it("keeps a width at 0 successes: 0/10 gives [0, z²/(n + z²)]", () => {
    const [lo, hi] = wilsonInterval({n: 10, successes: 0})!;
    expect(lo).toBe(0);
    expect(hi).toBeCloseTo(1.959964 ** 2 / (10 + 1.959964 ** 2), 6); // 0.2775
  });

  it("is undefined for an empty group and rejects impossible counts", () => {
    expect(wilsonInterval({n: 0, successes: 0})).toBeUndefined();
    expect(() => wilsonInterval({n: 5, successes: 6})).toThrow("invalid proportion: 6/5");
  });
});

describe("proportionLift", () => {
  it("reproduces Newcombe's (1998) worked examples for the hybrid score interval", () => {
    const a = proportionLift({treated: {n: 70, successes: 56}, control: {n: 80, successes: 48}});
    expect(a.lift).toBeCloseTo(0.2, 12);
    expect(a.ci![0]).toBeCloseTo(0.0524, 4);
    expect(a.ci![1]).toBeCloseTo(0.3339, 4);
    const b = proportionLift({treated: {n: 10, successes: 9}, control: {n: 10, successes: 3}});
    expect(b.ci![0]).toBeCloseTo(0.1705, 4);
    expect(b.ci![1]).toBeCloseTo(0.809, 4);
  });

  it("reports rates, lift and relative lift", () => {
    const r = proportionLift({treated: {n: 1000, successes: 60}, control: {n: 500, successes: 20}});
    expect(r.treatmentRate).toBe(0.06);
    expect(r.controlRate).toBe(0.04);
    expect(r.lift).toBeCloseTo(0.02, 12);
    expect(r.relativeLift).toBeCloseTo(0.5, 12);
    expect(r.confidence).toBe(0.95);
    expect(r.ci![0]).toBeLessThan(0.02);
    expect(r.ci![1]).toBeGreaterThan(0.02);
  });

  it("widens with confidence and leaves an empty group undefined", () => {
    const at = (confidence: number) => proportionLift({treated: {n: 400, successes: 40}, control: {n: 400, successes: 30}}, {confidence}).ci!;
    expect(at(0.99)[1] - at(0.99)[0]).toBeGreaterThan(at(0.9)[1] - at(0.9)[0]);
    const empty = proportionLift({treated: {n: 0, successes: 0}, control: {n: 10, successes: 1}});
    expect(empty.lift).toBeUndefined();
    expect(empty.controlRate).toBe(0.1);
    expect(proportionLift({treated: {n: 10, successes: 2}, control: {n: 10, successes: 0}}).relativeLift).toBeUndefined();
  });

  it("covers the true lift in about 95% of 400 simulated campaigns", () => {
    const random = seeded(20250101);
    const truth = {treated: 0.06, control: 0.04};
    let covered = 0;
    const campaigns = 400;
    for (let i = 0; i < campaigns; ++i) {
      const treated = {n: 800, successes: binomial(random, 800, truth.treated)};
      const control = {n: 400, successes: binomial(random, 400, truth.control)};
      const [lo, hi] = proportionLift({treated, control}).ci!;
      if (lo <= truth.treated - truth.control && truth.treated - truth.control <= hi) covered += 1;
    }
    const coverage = covered / campaigns;
    expect(coverage).toBeGreaterThanOrEqual(0.92);
    expect(coverage).toBeLessThanOrEqual(0.98);
  });
});
