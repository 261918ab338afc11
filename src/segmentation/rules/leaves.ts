import type {FeatureRule, Rule, TierRule} from "./types.js";

/** Every leaf of a rule (feature comparisons and tier references), in order of appearance. */
export function ruleLeaves(rule: Rule): (FeatureRule | TierRule)[] {
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
