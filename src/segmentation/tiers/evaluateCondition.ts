import type {Condition} from "../../config/schema.js";
import {checkComparison, compareValue, inList, listKeys} from "./compare.js";
import {referenceError} from "./references.js";
import type {Check, Classified, ClientPeriod} from "./types.js";

/**
 * Whether a condition holds for one record. `classified` carries the tiers of
 * classifications decided earlier, for conditions such as
 * {classification: "enterprise_size", in: ["large"]}; a reference to one that is
 * not there throws `invalid classification reference: <id>`.
 *
 * A missing feature (null or absent) makes its comparison false. Numbers compare
 * numerically, booleans with true / false, strings by equality.
 */
export function evaluateCondition(condition: Condition, record: ClientPeriod, {classified = {}}: {classified?: Classified} = {}): boolean {
  if ("all" in condition) return condition.all.every((c) => evaluateCondition(c, record, {classified}));
  if ("any" in condition) return condition.any.some((c) => evaluateCondition(c, record, {classified}));
  if ("not" in condition) return !evaluateCondition(condition.not, record, {classified});
  if ("classification" in condition) {
    const tier = classified[condition.classification];
    if (tier === undefined) throw referenceError(condition.classification);
    return condition.in.includes(tier);
  }
  if ("in" in condition) return inList(record[condition.feature], listKeys(condition.in));
  checkComparison(condition);
  return compareValue(record[condition.feature], condition.op, condition.value);
}

/**
 * Like evaluateCondition, but visits every leaf (no short cut) and reports what
 * each looked at, so that an analyst sees all the values behind a tier.
 * Leaves under `not` are reported with their own result, before negation.
 */
export function explainCondition(condition: Condition, record: ClientPeriod, {classified = {}}: {classified?: Classified} = {}): {pass: boolean; checks: Check[]} {
  const checks: Check[] = [];
  const visit = (c: Condition): boolean => {
    if ("all" in c) return c.all.map(visit).every(Boolean);
    if ("any" in c) return c.any.map(visit).some(Boolean);
    if ("not" in c) return !visit(c.not);
    if ("classification" in c) {
      const tier = classified[c.classification];
      if (tier === undefined) throw referenceError(c.classification);
      const pass = c.in.includes(tier);
      checks.push({classification: c.classification, op: "in", threshold: c.in, value: tier, pass});
      return pass;
    }
    const value = record[c.feature] ?? null;
    if ("in" in c) {
      const pass = inList(value, listKeys(c.in));
      checks.push({feature: c.feature, op: "in", threshold: c.in, value, pass});
      return pass;
    }
    checkComparison(c);
    const pass = compareValue(value, c.op, c.value);
    checks.push({feature: c.feature, op: c.op, threshold: c.value, value, pass});
    return pass;
  };
  const pass = visit(condition);
  return {pass, checks};
}
