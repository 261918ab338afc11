export {
  assertNoSmallCounts,
  isSmallCount,
  isSuppressed,
  suppressCounts,
  type AssertNoSmallCountsOptions,
  type SuppressOptions,
  type Suppressed,
} from "./suppress.js";
export {complementaryHidden, regionTierLines, transitionLines, type Cell} from "./complementary.js";
