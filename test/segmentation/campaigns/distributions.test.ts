import {describe, expect, it} from "vitest";
import {logGamma, normalQuantile, studentTCdf, studentTQuantile, zCritical} from "../../../src/segmentation/campaigns/index.js";

describe("normalQuantile", () => {
  it("matches published values of the standard normal quantile", () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 8);
    expect(normalQuantile(0.995)).toBeCloseTo(2.5758293035489, 8);
    expect(normalQuantile(0.9)).toBeCloseTo(1.2815515655446004, 8);
    expect(normalQuantile(0.99)).toBeCloseTo(2.3263478740408408, 8);
    expect(normalQuantile(0.02)).toBeCloseTo(-2.053748910631823, 8); // the tail branch
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306167813, 8);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 7);
    expect(normalQuantile(0.5)).toBe(0);
  });

  it("is symmetric and infinite at the ends", () => {
    for (const p of [0.001, 0.02, 0.1, 0.3]) expect(normalQuantile(p)).toBeCloseTo(-normalQuantile(1 - p), 9);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(() => normalQuantile(1.5)).toThrow("invalid probability: 1.5");
  });

  it("gives two-sided critical values from a confidence level", () => {
    expect(zCritical(0.95)).toBeCloseTo(1.959964, 6);
    expect(zCritical(0.9)).toBeCloseTo(1.644854, 6);
    expect(() => zCritical(1)).toThrow("invalid confidence: 1");
  });
});

describe("Student's t", () => {
  it("matches published t quantiles", () => {
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.706204736, 6);
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.228138852, 8);
    expect(studentTQuantile(0.975, 30)).toBeCloseTo(2.042272456, 8);
    expect(studentTQuantile(0.95, 5)).toBeCloseTo(2.015048373, 8);
    expect(studentTQuantile(0.025, 10)).toBeCloseTo(-2.228138852, 8);
    expect(studentTQuantile(0.975, 1e6)).toBeCloseTo(1.959966, 5);
  });

  it("has the right CDF at known points", () => {
    expect(studentTCdf(0, 3)).toBe(0.5);
    expect(studentTCdf(1, 1)).toBeCloseTo(0.75, 12); // Cauchy: 1/2 + atan(1)/π
    expect(studentTCdf(-2.228138852, 10)).toBeCloseTo(0.025, 9);
  });

  it("computes ln Γ", () => {
    expect(logGamma(1)).toBeCloseTo(0, 12);
    expect(logGamma(0.5)).toBeCloseTo(0.5723649429247001, 12);
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 10);
  });
});
