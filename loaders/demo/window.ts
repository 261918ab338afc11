// The generation window: which quarters the extract covers and where the
// campaigns sit.

import {parseQuarter} from "./calendar.js";

export interface DemoWindow {
  /** Absolute index of the first quarter (year * 4 + quarter - 1). */
  firstQuarter: number;
  quarters: number;
  /** Relative index of the campaign quarter (2025Q1 when the window allows). */
  campaignQuarter: number;
  firstMonth: number;
  months: number;
}

// DOMAIN.md §4: both campaigns run in the first quarter of 2025.
const preferredCampaignQuarter = parseQuarter("2025Q1");

export function demoWindow(firstQuarterLabel: string, quarters: number): DemoWindow {
  if (!Number.isInteger(quarters) || quarters < 2) throw new Error(`invalid quarters: ${quarters}`);
  const firstQuarter = parseQuarter(firstQuarterLabel);
  let campaignQuarter = preferredCampaignQuarter - firstQuarter;
  // A campaign needs a quarter before it (the baseline of its AUM change).
  if (campaignQuarter < 1 || campaignQuarter > quarters - 1) campaignQuarter = Math.max(1, Math.min(quarters - 1, Math.floor(quarters / 2)));
  return {firstQuarter, quarters, campaignQuarter, firstMonth: 3 * firstQuarter, months: 3 * quarters};
}
