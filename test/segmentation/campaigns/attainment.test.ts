import {describe, expect, it} from "vitest";
import {attainment, type AttainmentMember} from "../../../src/segmentation/campaigns/index.js";

const repeat = (n: number, m: AttainmentMember) => Array.from({length: n}, () => ({...m}));
const members: AttainmentMember[] = [
  ...repeat(12, {branch: "B1", qualified: true, aumGain: 100_000, group: "treatment"}),
  ...repeat(2, {branch: "B1", qualified: false, aumGain: 30_000, group: "treatment"}),
  ...repeat(3, {branch: "B2", qualified: true, aumGain: 150_000}),
  ...repeat(4, {branch: "B2", qualified: true, aumGain: 150_000, group: "control"}), // not worked: not counted
  {branch: "B4", qualified: true, aumGain: 120_000},
];
const targets = {B1: {target_clients: 10, target_aum: 1_000_000}, B2: {target_clients: 5}, B3: {target_clients: 3}};

describe("attainment", () => {
  const r = attainment(members, targets, {rewardPerClient: 60});
  const branch = (id: string) => r.branches.find((b) => b.branch === id)!;

  it("measures each branch against its target", () => {
    expect(branch("B1")).toMatchObject({achievedClients: 12, targetClients: 10, attainment: 1.2, met: true, achievedAum: 1_200_000, aumAttainment: 1.2, shortfallCost: 0});
    expect(branch("B2")).toMatchObject({achievedClients: 3, attainment: 0.6, met: false, shortfallClients: 2, shortfallCost: 120});
    expect(branch("B3")).toMatchObject({achievedClients: 0, attainment: 0, met: false, shortfallCost: 180});
  });

  it("funds rewards within target centrally and lists gifts beyond target apart", () => {
    expect(branch("B1").centralRewardCost).toBe(600);
    expect(branch("B1").aboveTargetRewardCost).toBe(120);
    expect(branch("B4")).toMatchObject({hasTarget: false, attainment: undefined, met: undefined, aboveTargetRewardCost: 60});
  });

  it("adds up the totals, shortfalls branch by branch", () => {
    expect(r.totals).toMatchObject({
      branches: 4,
      branchesWithTarget: 3,
      branchesMet: 1,
      achievedClients: 16,
      targetClients: 18,
      shortfallClients: 5, // B1's surplus of 2 does not cover B2 and B3
      shortfallCost: 300,
      centralRewardCost: 780,
      aboveTargetRewardCost: 180,
      targetAum: 1_000_000,
    });
    expect(r.totals.attainment).toBeCloseTo(16 / 18, 12);
  });

  it("takes targets as campaign_targets rows too, and counts all treated AUM on request", () => {
    const rows = Object.entries(targets).map(([branch_id, t]) => ({branch_id, ...t}));
    expect(attainment(members, rows, {rewardPerClient: 60})).toEqual(r);
    expect(attainment(members, rows, {rewardPerClient: 60, aumOf: "treated"}).branches[0].achievedAum).toBe(1_260_000);
  });
});
