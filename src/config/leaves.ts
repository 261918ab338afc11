// The numeric thresholds of a classification's rules, as a flat list the
// Explore page turns into inputs, and the inverse: the same classification
// with some thresholds replaced. Pure; the configuration is not mutated.

import type {Classification, Condition, Label} from "./schema.js";

export interface NumericLeaf {
  /** Stable key: classification / tier / path inside the condition. */
  key: string;
  classification: string;
  classificationLabel: Label;
  tier: string;
  tierLabel: Label;
  feature: string;
  op: string;
  value: number;
}

function walk(condition: Condition, path: string, visit: (leaf: {feature: string; op: string; value: number}, path: string) => void): void {
  if ("op" in condition && typeof condition.value === "number") visit({feature: condition.feature, op: condition.op, value: condition.value}, path);
  if ("all" in condition) condition.all.forEach((c, i) => walk(c, `${path}.all${i}`, visit));
  if ("any" in condition) condition.any.forEach((c, i) => walk(c, `${path}.any${i}`, visit));
  if ("not" in condition) walk(condition.not, `${path}.not`, visit);
}

export function numericLeaves(classifications: readonly Classification[]): NumericLeaf[] {
  const leaves: NumericLeaf[] = [];
  for (const c of classifications) {
    for (const tier of c.tiers) {
      if (!tier.when) continue;
      walk(tier.when, `${c.id}/${tier.id}`, (leaf, key) =>
        leaves.push({key, classification: c.id, classificationLabel: c.label, tier: tier.id, tierLabel: tier.label, ...leaf})
      );
    }
  }
  return leaves;
}

function replace(condition: Condition, path: string, values: Readonly<Record<string, number>>): Condition {
  if ("op" in condition) return path in values ? {...condition, value: values[path]} : condition;
  if ("all" in condition) return {all: condition.all.map((c, i) => replace(c, `${path}.all${i}`, values))};
  if ("any" in condition) return {any: condition.any.map((c, i) => replace(c, `${path}.any${i}`, values))};
  if ("not" in condition) return {not: replace(condition.not, `${path}.not`, values)};
  return condition;
}

/** The classification with thresholds replaced by key (see numericLeaves). */
export function withLeafValues(classification: Classification, values: Readonly<Record<string, number>>): Classification {
  return {
    ...classification,
    tiers: classification.tiers.map((tier) => (tier.when ? {...tier, when: replace(tier.when, `${classification.id}/${tier.id}`, values)} : tier)),
  };
}
