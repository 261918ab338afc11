import type {FeatureRule, Ladder, Rule, TierRule, TopRule} from "./types.js";

/** Every leaf of a rule (feature comparisons, top shares and tier references), in order of appearance. */
export function ruleLeaves(rule: Rule): (FeatureRule | TopRule | TierRule)[] {
  switch (rule.kind) {
    case "all":
    case "any":
      return rule.rules.flatMap(ruleLeaves);
    case "not":
      return ruleLeaves(rule.rule);
    default:
      return [rule];
  }
}

/** The features ladders rank clients by ({feature, top}), each once: what a RankIndex must cover. */
export function rankedFeatures(ladders: readonly Ladder[]): string[] {
  const leaves = ladders.flatMap((l) => l.tiers.flatMap((t) => (t.when ? ruleLeaves(t.when) : [])));
  return [...new Set(leaves.flatMap((leaf) => (leaf.kind === "top" ? [leaf.feature] : [])))];
}
