import {describe, expect, it} from "vitest";
import {assertNoSmallCounts, isSmallCount, isSuppressed, suppressCounts} from "../../../src/segmentation/privacy/index.js";

const threshold = 10;

describe("suppressCounts", () => {
  it("nulls counts 1 to 9 and keeps 0 and counts of 10 or more", () => {
    const rows = [0, 1, 5, 9, 10, 11, 2500].map((clients) => ({tier: "gold", clients}));
    const out = suppressCounts(rows, {threshold, countFields: ["clients"]});
    expect(out.map((d) => d.clients)).toEqual([0, null, null, null, 10, 11, 2500]);
    expect(out.map((d) => d.suppressed)).toEqual([false, true, true, true, false, false, false]);
  });

  it("nulls the money fields of a suppressed row, since an AUM over 3 clients discloses them", () => {
    const rows = [
      {tier: "diamond", clients: 3, aum: 21_000_000, averageAum: 7_000_000},
      {tier: "gold", clients: 2400, aum: 960_000_000, averageAum: 400_000},
    ];
    const out = suppressCounts(rows, {threshold, countFields: ["clients"], dependentFields: ["aum", "averageAum"]});
    expect(out[0]).toEqual({tier: "diamond", clients: null, aum: null, averageAum: null, suppressed: true});
    expect(out[1]).toEqual({...rows[1], suppressed: false});
  });

  it("nulls every other numeric field by default, except keepFields", () => {
    const rows = [{year: 2025, tier: "gold", clients: 4, aum: 1_000_000, share: 0.0002}];
    const out = suppressCounts(rows, {threshold, countFields: ["clients"], keepFields: ["year"]});
    expect(out[0]).toEqual({year: 2025, tier: "gold", clients: null, aum: null, share: null, suppressed: true});
  });

  it("keeps a large count beside a suppressed one in the same row", () => {
    const rows = [{from: "gold", to: "platinum", moved: 7, stayed: 900}];
    const out = suppressCounts(rows, {threshold, countFields: ["moved", "stayed"], dependentFields: []});
    expect(out[0]).toEqual({from: "gold", to: "platinum", moved: null, stayed: 900, suppressed: true});
  });

  it("treats bigint counts from DuckDB like numbers", () => {
    const out = suppressCounts([{clients: 4n}, {clients: 40n}], {threshold, countFields: ["clients"]});
    expect(out.map((d) => d.clients)).toEqual([null, 40n]);
  });

  it("leaves its input alone", () => {
    const rows = [{clients: 3, aum: 100}];
    const copy = structuredClone(rows);
    suppressCounts(rows, {threshold, countFields: ["clients"]});
    expect(rows).toEqual(copy);
  });

  it("suppresses nothing with a threshold of 1 and rejects a threshold below 1", () => {
    expect(suppressCounts([{clients: 1}], {threshold: 1, countFields: ["clients"]})[0].clients).toBe(1);
    expect(() => suppressCounts([], {threshold: 0, countFields: ["clients"]})).toThrow("invalid suppression threshold: 0");
    expect(() => suppressCounts([], {threshold: 2.5, countFields: ["clients"]})).toThrow("invalid suppression threshold: 2.5");
  });
});

describe("isSuppressed", () => {
  it("tells a suppressed row and a blanked field from a merely missing value", () => {
    const [row] = suppressCounts([{clients: 3, label: "x"}], {threshold, countFields: ["clients"]});
    expect(isSuppressed(row)).toBe(true);
    expect(isSuppressed(row, "clients")).toBe(true);
    expect(isSuppressed(row, "label")).toBe(false);
    expect(isSuppressed({clients: null, suppressed: false}, "clients")).toBe(false);
    expect(isSuppressed(null)).toBe(false);
    expect(isSuppressed(5)).toBe(false);
  });
});

describe("isSmallCount", () => {
  it("is true on 1 ≤ c < threshold only", () => {
    expect([0, 0.5, 1, 9, 9.5, 10, -3, null, "5"].map((v) => isSmallCount(v, threshold))).toEqual([
      false,
      false,
      true,
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe("assertNoSmallCounts", () => {
  const countFields = ["clients", "count", "matrix"];

  it("passes published data with only 0, null and counts of 10 or more", () => {
    const data = {
      asOf: "2025Q4",
      tiers: [
        {tier: "gold", clients: 2400, aum: 3},
        {tier: "diamond", clients: null, suppressed: true},
        {tier: "new", clients: 0},
      ],
      matrix: [
        [900, 0],
        [null, 270],
      ],
    };
    expect(() => assertNoSmallCounts(data, {threshold, countFields})).not.toThrow();
  });

  it("names the path of a small count", () => {
    const data = {tiers: [{clients: 2400}, {clients: 12}, {clients: 4}]};
    expect(() => assertNoSmallCounts(data, {threshold, countFields})).toThrow(
      "invalid small count: $.tiers[2].clients = 4 (suppression threshold 10)"
    );
  });

  it("checks every number under a count key, as in a transition matrix", () => {
    const data = {migration: {"2025Q4": {matrix: [[900, 0], [7, 270]]}}};
    expect(() => assertNoSmallCounts(data, {threshold, countFields})).toThrow("$.migration[\"2025Q4\"].matrix[1][0] = 7");
  });

  it("does not mistake other small numbers for counts", () => {
    expect(() => assertNoSmallCounts({rate: 0.05, quarter: 4, aum: 3}, {threshold, countFields})).not.toThrow();
  });

  it("accepts a bare array of rows", () => {
    expect(() => assertNoSmallCounts([{count: 10}, {count: 9}], {threshold, countFields})).toThrow("$[1].count = 9");
  });
});
