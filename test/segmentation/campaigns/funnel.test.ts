import {describe, expect, it} from "vitest";
import {funnel} from "../../../src/segmentation/campaigns/index.js";

describe("funnel", () => {
  const members = [
    {group: "treatment" as const, qualified: true, branch: "B1"},
    {group: "treatment" as const, qualified: false, branch: "B1"},
    {group: "treatment" as const, qualified: false, branch: "B2"},
    {group: "treatment" as const, qualified: true, branch: "B2"},
    {group: "control" as const, qualified: true, branch: "B1"},
    {group: "control" as const, qualified: false, branch: "B2"},
  ];

  it("runs targeted → treated → qualified without contact data", () => {
    const [all] = funnel(members);
    expect(all.segment).toBe("all");
    expect(all.stages.map((s) => [s.stage, s.count])).toEqual([["targeted", 6], ["treated", 4], ["qualified", 2]]);
    expect(all.stages[2].rateFromPrevious).toBe(0.5);
    expect(all.stages[2].rateFromTargeted).toBeCloseTo(1 / 3, 12);
    expect(all.control).toEqual({n: 2, qualified: 1, rate: 0.5});
  });

  it("adds the contacted stage when contacts are recorded, and splits by segment", () => {
    const contacted = members.map((m, i) => ({...m, contacted: i !== 1}));
    const segments = funnel(contacted, {by: (m) => m.branch});
    expect(segments.map((s) => s.segment)).toEqual(["B1", "B2"]);
    expect(segments[0].stages.map((s) => [s.stage, s.count])).toEqual([["targeted", 3], ["treated", 2], ["contacted", 1], ["qualified", 1]]);
  });
});
