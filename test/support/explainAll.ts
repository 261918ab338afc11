// Test support: one record in every classification, explained, in order;
// each ladder sees the tiers decided before it.

import {explainLadder, type Ladder, type RankIndex, type TierResult} from "../../src/segmentation/rules/index.js";
import type {ClientPeriod} from "../../src/segmentation/types.js";

/** `ranks`: the period's clients, for {feature, top} rules (rankIndex). */
export function explainAll(record: ClientPeriod, ladders: readonly Ladder[], {ranks}: {ranks?: RankIndex} = {}): Record<string, TierResult> {
  const classified: Record<string, string> = {};
  const results: Record<string, TierResult> = {};
  for (const ladder of ladders) {
    const result = explainLadder(ladder, record, {classified, ranks});
    classified[ladder.id] = result.tier;
    results[ladder.id] = result;
  }
  return results;
}
