export interface ProductSplit {
  deposits: number;
  wealth: number;
}

export interface RewardCounts {
  /** Treated members who qualified: the ones the bank pays a reward to. */
  qualifyingMembers: number;
  pointsMember: number;
  /** Qualifying members who were referred (a referrer is rewarded once per such member). */
  qualifyingReferrals: number;
  pointsReferrer: number;
  /** CNY per point (configuration: campaigns.pointValue). */
  pointValue: number;
}

export interface CampaignRoiInput {
  /** Incremental AUM (CNY) by product family, e.g. from diffInDifferences per family. */
  incrementalAum: ProductSplit;
  /** Margin per year on that AUM, in basis points (configuration: campaigns.marginBps). */
  marginBps: ProductSplit;
  /** Years the incremental AUM earns its margin (configuration: campaigns.horizonYears). */
  horizonYears: number;
  rewards: RewardCounts;
  /** Events, materials, SMS: costs that do not scale with qualifiers (CNY). */
  fixedCost: number;
}

export interface CampaignRoi {
  incrementalMargin: number;
  rewardCost: number;
  totalCost: number;
  /** (incrementalMargin − totalCost) / totalCost; undefined when the campaign cost nothing. */
  roi: number | undefined;
  /** incrementalMargin − totalCost, in CNY. */
  net: number;
  breakdown: {
    depositMargin: number;
    wealthMargin: number;
    memberRewards: number;
    referrerRewards: number;
    fixedCost: number;
  };
}

const basisPoints = 10_000; // 1 bp = 1/10,000

/**
 * ROI = (incremental margin − cost) / cost, per DOMAIN.md §4. Margin is the
 * configured yearly spread on incremental AUM over the horizon. Rewards are
 * paid to every treated member who qualifies — including those who would
 * have qualified anyway — so the cost side uses treated qualifiers while the
 * margin side uses incremental AUM only.
 */
export function campaignRoi({incrementalAum, marginBps, horizonYears, rewards, fixedCost}: CampaignRoiInput): CampaignRoi {
  if (!(horizonYears > 0)) throw new Error(`invalid horizonYears: ${horizonYears}`);
  if (!(fixedCost >= 0)) throw new Error(`invalid fixedCost: ${fixedCost}`);
  const depositMargin = (incrementalAum.deposits * marginBps.deposits * horizonYears) / basisPoints;
  const wealthMargin = (incrementalAum.wealth * marginBps.wealth * horizonYears) / basisPoints;
  const memberRewards = rewards.qualifyingMembers * rewards.pointsMember * rewards.pointValue;
  const referrerRewards = rewards.qualifyingReferrals * rewards.pointsReferrer * rewards.pointValue;
  const incrementalMargin = depositMargin + wealthMargin;
  const rewardCost = memberRewards + referrerRewards;
  const totalCost = rewardCost + fixedCost;
  return {
    incrementalMargin,
    rewardCost,
    totalCost,
    roi: totalCost > 0 ? (incrementalMargin - totalCost) / totalCost : undefined,
    net: incrementalMargin - totalCost,
    breakdown: {depositMargin, wealthMargin, memberRewards, referrerRewards, fixedCost},
  };
}
