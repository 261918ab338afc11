export interface AttainmentMember {
  branch: string;
  qualified: boolean;
  /** AUM gained over the campaign window (CNY). */
  aumGain?: number;
  /** Control members were not worked by the branch and do not count. */
  group?: "treatment" | "control";
}

/** One branch's targets, named as in the extract contract's campaign_targets. */
export interface BranchTarget {
  target_clients: number;
  target_aum?: number;
}

export type BranchTargets = Readonly<Record<string, BranchTarget>> | readonly (BranchTarget & {branch_id: string})[];

export interface AttainmentOptions {
  /** Reward cost per qualifying client (CNY), e.g. points × pointValue. */
  rewardPerClient: number;
  /** Whose AUM gain counts towards the AUM target: qualifiers only, or every treated member. */
  aumOf?: "qualified" | "treated";
}

export interface BranchAttainment {
  branch: string;
  hasTarget: boolean;
  achievedClients: number;
  targetClients: number;
  /** achievedClients / targetClients (1 = 100%); undefined without a target. */
  attainment: number | undefined;
  achievedAum: number;
  targetAum: number | undefined;
  aumAttainment: number | undefined;
  /** achieved ≥ target; undefined without a target. */
  met: boolean | undefined;
  shortfallClients: number;
  /** Borne by the branch: (target − achieved) × rewardPerClient when it missed. */
  shortfallCost: number;
  /** Rewards of qualifiers within target: funded centrally. */
  centralRewardCost: number;
  /** Rewards of qualifiers beyond target (DOMAIN.md does not say who funds them). */
  aboveTargetRewardCost: number;
}

export interface AttainmentResult {
  branches: BranchAttainment[];
  totals: Omit<BranchAttainment, "branch" | "hasTarget" | "met"> & {branches: number; branchesWithTarget: number; branchesMet: number};
}

/**
 * Target attainment per branch (DOMAIN.md §4): qualifying treated members
 * against the branch's target. Gifts within target are funded centrally; a
 * branch that misses bears the shortfall, which we price as the rewards the
 * missing clients would have cost: (target − achieved) × rewardPerClient.
 * Branches with members but no target are listed with hasTarget = false.
 */
export function attainment(
  members: readonly AttainmentMember[],
  targets: BranchTargets,
  {rewardPerClient, aumOf = "qualified"}: AttainmentOptions
): AttainmentResult {
  if (!(rewardPerClient >= 0)) throw new Error(`invalid rewardPerClient: ${rewardPerClient}`);
  const targetOf = new Map<string, BranchTarget>(Array.isArray(targets) ? targets.map((t) => [t.branch_id, t]) : Object.entries(targets));
  const tally = new Map<string, {clients: number; aum: number}>();
  for (const branch of targetOf.keys()) tally.set(branch, {clients: 0, aum: 0});
  for (const m of members) {
    if (m.group === "control") continue;
    let t = tally.get(m.branch);
    if (!t) tally.set(m.branch, (t = {clients: 0, aum: 0}));
    if (m.qualified) t.clients += 1;
    if ((m.qualified || aumOf === "treated") && Number.isFinite(m.aumGain)) t.aum += m.aumGain!;
  }

  const branches = Array.from(tally, ([branch, {clients, aum}]): BranchAttainment => {
    const target = targetOf.get(branch);
    const targetClients = target?.target_clients ?? 0;
    const targetAum = target?.target_aum;
    const shortfallClients = Math.max(0, targetClients - clients);
    return {
      branch,
      hasTarget: target !== undefined,
      achievedClients: clients,
      targetClients,
      attainment: targetClients > 0 ? clients / targetClients : undefined,
      achievedAum: aum,
      targetAum,
      aumAttainment: targetAum ? aum / targetAum : undefined,
      met: target === undefined ? undefined : clients >= targetClients,
      shortfallClients,
      shortfallCost: shortfallClients * rewardPerClient,
      centralRewardCost: Math.min(clients, targetClients) * rewardPerClient,
      aboveTargetRewardCost: Math.max(0, clients - targetClients) * rewardPerClient,
    };
  }).sort((a, b) => (a.branch < b.branch ? -1 : a.branch > b.branch ? 1 : 0));

  const sum = (f: (b: BranchAttainment) => number) => branches.reduce((s, b) => s + f(b), 0);
  const achievedClients = sum((b) => b.achievedClients);
  const targetClients = sum((b) => b.targetClients);
  const achievedAum = sum((b) => b.achievedAum);
  const withAumTarget = branches.filter((b) => b.targetAum !== undefined);
  const targetAum = withAumTarget.length ? withAumTarget.reduce((s, b) => s + b.targetAum!, 0) : undefined;
  return {
    branches,
    totals: {
      branches: branches.length,
      branchesWithTarget: branches.filter((b) => b.hasTarget).length,
      branchesMet: branches.filter((b) => b.met).length,
      achievedClients,
      targetClients,
      attainment: targetClients > 0 ? achievedClients / targetClients : undefined,
      achievedAum,
      targetAum,
      aumAttainment: targetAum ? achievedAum / targetAum : undefined,
      // Shortfalls add up branch by branch: one branch's surplus does not cover another's miss.
      shortfallClients: sum((b) => b.shortfallClients),
      shortfallCost: sum((b) => b.shortfallCost),
      centralRewardCost: sum((b) => b.centralRewardCost),
      aboveTargetRewardCost: sum((b) => b.aboveTargetRewardCost),
    },
  };
}
