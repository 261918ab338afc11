// The rule language: one typed representation of the configuration's
// conditions, one type check, two back-ends (classifier.ts here, SQL in
// loaders/segment/rulesSql.ts) and one explainer.
export {operators, operatorsFor, type Operator, type OperatorTable, type Threshold, type Value, type ValueType} from "./operators.js";
export type {Condition} from "./syntax.js";
export type {Check, FeatureCatalogue, FeatureRule, Ladder, Rule, TierResult, TierRule} from "./types.js";
export {compileRules, resolveLadders, type LadderSource, type ResolveOptions, type RuleIssue, type RulePath} from "./resolve.js";
export {leafHolds, present} from "./holds.js";
export {ruleLeaves} from "./leaves.js";
export {classifier, type Classifier} from "./classifier.js";
export {explainLadder, explainRule, type Classified} from "./explain.js";
