// Test support: one record in every classification, explained, in order;
// each ladder sees the tiers decided before it.

import {explainLadder, type Ladder, type TierResult} from "../../src/segmentation/rules/index.js";
import type {ClientPeriod} from "../../src/segmentation/types.js";

export function explainAll(record: ClientPeriod, ladders: readonly Ladder[]): Record<string, TierResult> {
  const classified: Record<string, string> = {};
  const results: Record<string, TierResult> = {};
  for (const ladder of ladders) {
    const result = explainLadder(ladder, record, {classified});
    classified[ladder.id] = result.tier;
    results[ladder.id] = result;
  }
  return results;
}
