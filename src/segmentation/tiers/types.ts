import type {Condition} from "../../config/schema.js";

/** One client in one period: snake_case features, as the feature loaders write them. */
export type ClientPeriod = Readonly<Record<string, number | string | boolean | null>>;

/** Classification id → tier id, for the classifications decided so far. */
export type Classified = Readonly<Record<string, string>>;

export type Comparison = Extract<Condition, {op: unknown}>["op"];

/** One leaf of a condition as it was evaluated on a record: what it looked at and whether it held. */
export type Check =
  | {feature: string; op: Comparison; threshold: number | string | boolean; value: unknown; pass: boolean}
  | {feature: string; op: "in"; threshold: readonly (string | number)[]; value: unknown; pass: boolean}
  | {classification: string; op: "in"; threshold: readonly string[]; value: string; pass: boolean};

export interface TierResult {
  classification: string;
  tier: string;
  /** Index of the matched tier in the classification's ordered list. */
  ruleIndex: number;
  /** The matched tier's condition (null for the fallback tier). */
  rule: Condition | null;
  /** Every leaf of the matched condition with the record's value (empty for the fallback tier). */
  explanation: Check[];
}
