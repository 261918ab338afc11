import {describe, expect, it} from "vitest";
import {migrationRates, transitionMatrix} from "../../../src/segmentation/migration/index.js";
import {ladder, q1, q2} from "./fixtures.js";

describe("migrationRates", () => {
  it("splits the earlier period into stayed, upgraded, downgraded and exited", () => {
    const r = migrationRates(transitionMatrix(q1, q2, {states: ladder}));
    expect(r.earlier).toBe(6);
    expect(r.later).toBe(7);
    expect(r.stayed).toEqual({count: 2, rate: 2 / 6, aum: 370_000});
    expect(r.upgraded).toEqual({count: 2, rate: 2 / 6, aum: 5_720_000});
    expect(r.downgraded).toEqual({count: 1, rate: 1 / 6, aum: 150_000});
    expect(r.exited).toEqual({count: 1, rate: 1 / 6, aum: 6_000_000});
    expect(r.stayed.rate! + r.upgraded.rate! + r.downgraded.rate! + r.exited.rate!).toBeCloseTo(1, 12);
  });

  it("takes entered as a share of the later period", () => {
    const r = migrationRates(transitionMatrix(q1, q2, {states: ladder}));
    expect(r.entered).toEqual({count: 2, rate: 2 / 7, aum: 410_000});
    expect(r.netUpgrades).toBe(1);
  });

  it("leaves rates undefined when there is no base", () => {
    const r = migrationRates(transitionMatrix([], [], {states: ladder}));
    expect(r.stayed.rate).toBeUndefined();
    expect(r.entered.rate).toBeUndefined();
  });

  it("uses clients present in both periods as the base when exits are left out", () => {
    const r = migrationRates(transitionMatrix(q1, q2, {states: ladder, includeExits: false}));
    expect(r.earlier).toBe(5);
    expect(r.exited.count).toBe(0);
    expect(r.stayed.rate! + r.upgraded.rate! + r.downgraded.rate!).toBeCloseTo(1, 12);
  });
});
