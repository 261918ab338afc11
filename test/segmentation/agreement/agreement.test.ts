import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {adjustedRandIndex, columnMix, contingencyTable, normalizedMutualInfo, rowMix} from "../../../src/segmentation/agreement/index.js";

describe("contingencyTable", () => {
  it("counts clients per (row, column) pair, in a given order first", () => {
    const clusters = [0, 0, 1, 1, 2, 2, 2];
    const tiers = ["gold", "standard", "standard", "standard", "gold", "diamond", "gold"];
    expect(contingencyTable(clusters, tiers, {cols: ["standard", "gold", "diamond", "platinum"]})).toEqual({
      rows: [0, 1, 2],
      cols: ["standard", "gold", "diamond", "platinum"],
      counts: [
        [1, 1, 0, 0],
        [2, 0, 0, 0],
        [0, 2, 1, 0],
      ],
    });
  });

  it("refuses labelings of different lengths", () => {
    expect(() => contingencyTable([1, 2], [1])).toThrow("invalid partitions: 2 and 1 labels");
  });
});

describe("adjustedRandIndex", () => {
  it("matches the hand-computed value 4/7 for [0,0,1,1] vs [0,0,1,2]", () => {
    // pairs: cells 1, rows 2, cols 1, E = 2·1/6 = 1/3, max 3/2 → (1 − 1/3)/(3/2 − 1/3) = 4/7
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 0, 1, 2])).toBeCloseTo(4 / 7, 12);
  });

  it("is 1 for identical partitions whatever the label names", () => {
    expect(adjustedRandIndex([0, 0, 1, 1, 2], ["b", "b", "a", "a", "c"])).toBe(1);
    expect(adjustedRandIndex([1, 1, 1], [7, 7, 7])).toBe(1);
  });

  it("is 0 when one partition is a single group and the other all singletons", () => {
    expect(adjustedRandIndex([0, 0, 0, 0], [0, 1, 2, 3])).toBe(0);
  });

  it("is negative for worse-than-chance agreement", () => {
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 1, 0, 1])).toBeCloseTo(-0.5, 12);
  });
});

describe("normalizedMutualInfo", () => {
  it("matches the hand-computed value 0.8 for [0,0,1,1] vs [0,0,1,2]", () => {
    // H(A) = ln 2, H(B) = 1.5 ln 2, I = ln 2 → ln 2 / (1.25 ln 2) = 0.8
    expect(normalizedMutualInfo([0, 0, 1, 1], [0, 0, 1, 2])).toBeCloseTo(0.8, 12);
  });

  it("is 1 for identical partitions and 0 against a single group", () => {
    expect(normalizedMutualInfo(["x", "y", "y"], [3, 4, 4])).toBeCloseTo(1, 12);
    expect(normalizedMutualInfo([0, 0, 0, 0], [0, 1, 2, 3])).toBe(0);
  });

  it("is symmetric and within [0, 1]; ARI is symmetric too", () => {
    const labels = fc.array(fc.tuple(fc.integer({min: 0, max: 4}), fc.integer({min: 0, max: 3})), {minLength: 1, maxLength: 200});
    fc.assert(
      fc.property(labels, (pairs) => {
        const a = pairs.map((p) => p[0]);
        const b = pairs.map((p) => p[1]);
        const nmi = normalizedMutualInfo(a, b);
        expect(nmi).toBeCloseTo(normalizedMutualInfo(b, a), 12);
        expect(nmi).toBeGreaterThanOrEqual(0);
        expect(nmi).toBeLessThanOrEqual(1);
        expect(adjustedRandIndex(a, b)).toBeCloseTo(adjustedRandIndex(b, a), 12);
      }),
      {seed: 5, numRuns: 200}
    );
  });
});

describe("rowMix and columnMix", () => {
  const table = contingencyTable([0, 0, 0, 1, 1, 1, 1], ["gold", "gold", "standard", "standard", "standard", "standard", "gold"], {cols: ["standard", "gold", "diamond"]});

  it("gives each cluster's tier mix", () => {
    const mix = rowMix(table);
    expect(mix.totals).toEqual([3, 4]);
    expect(mix.shares).toEqual([
      [1 / 3, 2 / 3, 0],
      [3 / 4, 1 / 4, 0],
    ]);
  });

  it("gives each tier's cluster mix, undefined for a tier nobody is in", () => {
    const mix = columnMix(table);
    expect(mix.totals).toEqual([4, 3, 0]);
    expect(mix.shares).toEqual([
      [1 / 4, 2 / 3, undefined],
      [3 / 4, 1 / 3, undefined],
    ]);
  });
});
