// The default corporate tier rules (DOMAIN.md §2 and the `corporate_tier`
// classification of data/config.default.yaml), written out plainly so the
// planted truths do not depend on the workspace's own rule engine.

import type {SizeClass} from "./industries.js";

export type CorporateTier = "strategic" | "quality" | "contributor" | "potential";
export const corporateTiers: readonly CorporateTier[] = ["strategic", "quality", "contributor", "potential"];

export interface CorporateFacts {
  avgDailyDeposits: number;
  periodEndDeposits: number;
  posSettlementMonthly: number;
  payrollHeadcount: number;
  payrollAmountMonthly: number;
  companyCards: number;
  creditRating: string;
  adverseCredit: boolean;
  loanBalance: number;
  stableLending: boolean;
  strategicAgreement: boolean;
  settlementShare: number;
  onlineBankingDaily: boolean;
  supportedSector: boolean;
}

export const strategicRatings = ["AAA", "AA", "A"];

export const qualityLines = {avgDailyDeposits: 100_000_000, periodEndDeposits: 300_000_000, posSettlementMonthly: 8_000_000, payrollHeadcount: 150, payrollAmountMonthly: 800_000, companyCards: 20};
export const contributorLines = {avgDailyDeposits: 80_000_000, periodEndDeposits: 150_000_000, posSettlementMonthly: 5_000_000, payrollHeadcount: 100, payrollAmountMonthly: 500_000, companyCards: 10};
export const strategicSettlementShare = 0.6;

export function corporateTier(facts: CorporateFacts, size: SizeClass): CorporateTier {
  if (facts.strategicAgreement && strategicRatings.includes(facts.creditRating) && !facts.adverseCredit && facts.settlementShare >= strategicSettlementShare) return "strategic";
  if (size === "large" && facts.supportedSector && (meetsAny(facts, qualityLines) || facts.onlineBankingDaily)) return "quality";
  if (facts.stableLending && meetsAny(facts, contributorLines)) return "contributor";
  return "potential";
}

function meetsAny(f: CorporateFacts, lines: typeof qualityLines): boolean {
  return (
    f.avgDailyDeposits >= lines.avgDailyDeposits ||
    f.periodEndDeposits >= lines.periodEndDeposits ||
    f.posSettlementMonthly >= lines.posSettlementMonthly ||
    (f.payrollHeadcount >= lines.payrollHeadcount && f.payrollAmountMonthly >= lines.payrollAmountMonthly) ||
    f.companyCards >= lines.companyCards
  );
}
