import type {Classification} from "../../config/schema.js";
import {explainCondition} from "./evaluateCondition.js";
import {classificationReferences, referenceError} from "./references.js";
import type {Classified, ClientPeriod, TierResult} from "./types.js";

/**
 * The tier of one record in one classification: the first tier whose `when`
 * holds; the last tier has no `when` and catches everyone else, so every record
 * gets exactly one tier.
 */
export function classify(record: ClientPeriod, classification: Classification, {classified = {}}: {classified?: Classified} = {}): TierResult {
  const {tiers} = classification;
  for (let i = 0; i < tiers.length; ++i) {
    const {id, when} = tiers[i];
    if (when === undefined) return {classification: classification.id, tier: id, ruleIndex: i, rule: null, explanation: []};
    const {pass, checks} = explainCondition(when, record, {classified});
    if (pass) return {classification: classification.id, tier: id, ruleIndex: i, rule: when, explanation: checks};
  }
  // The schema makes the last tier a fallback; a hand-built classification may not.
  throw new Error(`invalid classification: ${classification.id} has no fallback tier`);
}

/** Throws unless every classification refers only to classifications listed before it. */
export function checkReferences(classifications: readonly Classification[]): void {
  const earlier = new Set<string>();
  for (const c of classifications) {
    for (const t of c.tiers) if (t.when) for (const ref of classificationReferences(t.when)) if (!earlier.has(ref)) throw referenceError(ref);
    earlier.add(c.id);
  }
}

/**
 * One record in every classification, in configuration order; each sees the
 * tiers decided before it. Keyed by classification id, in that order.
 */
export function classifyAll(record: ClientPeriod, classifications: readonly Classification[]): Record<string, TierResult> {
  checkReferences(classifications);
  const classified: Record<string, string> = {};
  const results: Record<string, TierResult> = {};
  for (const c of classifications) {
    const result = classify(record, c, {classified});
    classified[c.id] = result.tier;
    results[c.id] = result;
  }
  return results;
}
