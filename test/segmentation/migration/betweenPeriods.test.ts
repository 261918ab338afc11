import {describe, expect, it} from "vitest";
import {betweenPeriods, transitionMatrix} from "../../../src/segmentation/migration/index.js";
import {ladder, q1, q2, q3} from "./fixtures.js";

describe("betweenPeriods", () => {
  it("compares any two quarters directly, whatever happened in between", () => {
    const r = betweenPeriods({period: "2025Q1", records: q1}, {period: "2025Q3", records: q3}, {states: ladder});
    expect(r.from).toBe("2025Q1");
    expect(r.to).toBe("2025Q3");
    expect(r.matrix).toEqual(transitionMatrix(q1, q3, {states: ladder}));
    // e left in Q2 and came back in Q3: Q1 → Q3 sees a diamond → platinum downgrade, not an exit.
    expect(r.matrix.counts[3]).toEqual([0, 0, 1, 0, 0]);
    expect(r.rates.upgraded.count).toBe(1); // a: standard → platinum, two tiers at once
    expect(r.rates.exited.count).toBe(3); // c, d, f
    expect(r.rates.entered.count).toBe(1); // g
  });

  it("works backwards too, labelled as asked", () => {
    const r = betweenPeriods({period: "2025Q2", records: q2}, {period: "2025Q1", records: q1}, {states: ladder});
    expect([r.from, r.to]).toEqual(["2025Q2", "2025Q1"]);
    expect(r.rates.entered.count).toBe(1); // e, seen only in Q1
  });
});
