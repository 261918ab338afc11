import {campaignRoi, type CampaignRoi, type CampaignRoiInput, type ProductSplit} from "./campaignRoi.js";

export interface GrossVersusIncrementalInput extends CampaignRoiInput {
  /** Total AUM gain of all treated qualifiers, as a branch report would count it. */
  grossAum: ProductSplit;
}

export interface GrossVersusIncremental {
  /** As if every treated qualifier's whole AUM gain were caused by the campaign. */
  gross: CampaignRoi;
  /** What the campaign caused, measured against the control group. */
  incremental: CampaignRoi;
  /** Incremental AUM / gross AUM: the share of the reported gain the campaign caused. */
  incrementalShare: number | undefined;
}

/**
 * The naive "gross" view beside the incremental one. Both carry the same
 * costs — the bank pays rewards to every qualifier either way — so the gap
 * between the two ROIs is entirely AUM that would have arrived anyway.
 */
export function grossVersusIncremental({grossAum, ...input}: GrossVersusIncrementalInput): GrossVersusIncremental {
  const gross = campaignRoi({...input, incrementalAum: grossAum});
  const incremental = campaignRoi(input);
  const grossTotal = grossAum.deposits + grossAum.wealth;
  const incrementalTotal = input.incrementalAum.deposits + input.incrementalAum.wealth;
  return {gross, incremental, incrementalShare: grossTotal !== 0 ? incrementalTotal / grossTotal : undefined};
}
