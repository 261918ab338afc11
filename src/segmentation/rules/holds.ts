// What a leaf means in JavaScript: the one definition the classifier and the
// explainer share. The SQL back-end (loaders/segment/rulesSql.ts) says the
// same in SQL, and test/segmentation/rules/backends.test.ts holds them equal.
//
// Missing: null, an absent key, NaN, empty text, or a value of another type
// than the feature's (the engine's column types are checked against the
// catalogue before SQL runs, so there such values cannot occur). A missing
// value makes every comparison false, != included: an unknown balance neither
// meets nor misses a threshold. Only `not` turns that false into true.

import type {Value, ValueType} from "./operators.js";
import type {FeatureRule} from "./types.js";

/** The record's value as a value of the feature's type, or undefined when missing. */
export function present(raw: unknown, type: ValueType): Value | undefined {
  switch (type) {
    case "number":
      return typeof raw === "number" && raw === raw ? raw : undefined;
    case "text":
      return typeof raw === "string" && raw !== "" ? raw : undefined;
    case "boolean":
      return typeof raw === "boolean" ? raw : undefined;
  }
}

/** Whether a feature leaf holds for the record's raw value of its feature. */
export function leafHolds(rule: FeatureRule, raw: unknown): boolean {
  const value = present(raw, rule.type);
  return value !== undefined && rule.operator.holds(value, rule.threshold);
}
