// The rule language once checked: every feature resolved to its type, every
// operator to its entry in the table, every reference to an earlier
// classification's tiers. The back-ends (classifier.ts, explain.ts,
// loaders/segment/rulesSql.ts) read only this.

import type {Operator, Threshold, ValueType} from "./operators.js";

export type Rule =
  | {kind: "all"; rules: readonly Rule[]}
  | {kind: "any"; rules: readonly Rule[]}
  | {kind: "not"; rule: Rule}
  | FeatureRule
  | TierRule;

/** A comparison of one feature with a threshold of the feature's type. */
export interface FeatureRule {
  kind: "feature";
  feature: string;
  type: ValueType;
  /** The operator's key in the table, as the configuration wrote it. */
  op: string;
  operator: Operator;
  threshold: Threshold;
}

/** An earlier classification gave one of these tiers (all of them its own). */
export interface TierRule {
  kind: "tier";
  classification: string;
  tiers: readonly string[];
}

/** One classification: the first tier whose rule holds wins; the last tier (rule null) catches everyone else. */
export interface Ladder {
  id: string;
  appliesTo: string;
  tiers: readonly {id: string; when: Rule | null}[];
}

/** What rules may read: each feature's type and the client types whose records carry it. */
export type FeatureCatalogue = Readonly<Record<string, {type: ValueType; of: readonly string[]}>>;

/** One leaf of a rule as it was evaluated on a record: what it looked at and whether it held. */
export type Check =
  | {feature: string; op: string; threshold: Threshold; value: unknown; pass: boolean}
  | {classification: string; op: "in"; threshold: readonly string[]; value: string; pass: boolean};

export interface TierResult {
  classification: string;
  tier: string;
  /** Index of the matched tier in the ladder. */
  ruleIndex: number;
  /** Every leaf of the matched tier's rule with the record's value (empty for the fallback tier). */
  explanation: Check[];
}
