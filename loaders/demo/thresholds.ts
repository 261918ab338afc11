// The default retail ladder and value line of data/config.default.yaml
// (DOMAIN.md §1). The generator plants truths against these defaults; a test
// checks that they still match the configuration file.

export const retailTierLadder = [
  {id: "diamond", min: 5_000_000},
  {id: "platinum", min: 1_000_000},
  {id: "gold", min: 200_000},
  {id: "standard", min: 0},
] as const;
export type RetailTier = (typeof retailTierLadder)[number]["id"];

/** Value client: AUM in the quarter's last month at or above this line. */
export const valueClientLine = 100_000;

export const aumProducts = ["demand", "time", "wealth", "fund", "insurance"] as const;
export type AumProduct = (typeof aumProducts)[number];

export function retailTier(averageDailyAum: number): RetailTier {
  for (const tier of retailTierLadder) if (averageDailyAum >= tier.min) return tier.id;
  return "standard";
}

const lines = [valueClientLine, 200_000, 1_000_000, 5_000_000];

// Month values sit within ±3.1% of the planned quarter level (see monthFactors),
// so a level outside (0.9612 T, 1.0412 T) keeps every month, and the quarter
// average, at least 1% away from the line T: truths never hang on a rounding.
const below = 0.955;
const above = 1.048;
const unsafeLow = 0.9612;
const unsafeHigh = 1.0412;

export function awayFromThresholds(level: number): number {
  for (const line of lines) {
    if (level > unsafeLow * line && level < unsafeHigh * line) {
      return level / line < 1 ? below * line : above * line;
    }
  }
  return level;
}

/** Relative distance from the nearest line (0.01 = 1%). */
export function thresholdMargin(value: number, thresholds: readonly number[] = lines): number {
  let margin = Infinity;
  for (const line of thresholds) margin = Math.min(margin, Math.abs(value - line) / line);
  return margin;
}
