import {describe, expect, it} from "vitest";
import {byGroup, transitionMatrix} from "../../../src/segmentation/migration/index.js";
import {ladder, q1, q2} from "./fixtures.js";

describe("byGroup", () => {
  it("ranks branches by net upgrades, counting a client in its later branch", () => {
    const groups = byGroup(q1, q2, "branch", {states: ladder});
    // B1: a up, b stays, d up (moved in from B2), e exits, h new → +2.
    // B2: c down, f stays, g new → −1.
    expect(groups.map((g) => [g.group, g.netUpgrades])).toEqual([["B1", 2], ["B2", -1]]);
    expect(groups[0].rates.earlier).toBe(4);
    expect(groups[0].rates.exited.count).toBe(1);
    expect(groups[1].rates.entered.count).toBe(1);
  });

  it("adds up to the whole matrix", () => {
    const whole = transitionMatrix(q1, q2, {states: ladder});
    const groups = byGroup(q1, q2, "region", {states: ladder});
    const sum = whole.counts.map((row, i) => row.map((_, j) => groups.reduce((s, g) => s + g.matrix.counts[i][j], 0)));
    expect(sum).toEqual(whole.counts);
  });

  it("takes an accessor and names missing groups", () => {
    const groups = byGroup(q1, q2, (r) => (r.aum! >= 1_000_000 ? "wealthy" : undefined), {states: ladder, missingGroup: "other"});
    expect(groups.map((g) => g.group).sort()).toEqual(["other", "wealthy"]);
    const wealthy = groups.find((g) => g.group === "wealthy")!;
    expect(wealthy.rates.earlier).toBe(2); // d (5.5M in Q2) and e (exited with 6M)
  });

  it("rejects a client repeated across groups", () => {
    const twice = [...q2, {id: "a", state: "gold", branch: "B9"}];
    expect(() => byGroup(q1, twice, "branch", {states: ladder})).toThrow("invalid later period: duplicate id a");
  });
});
