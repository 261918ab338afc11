// The explainer: which values put a client in a tier. It visits every leaf
// (no short cut), so an analyst sees all the values behind a tier, also those
// an `any` did not need; leaves under `not` are reported with their own
// result, before negation. Leaves mean what they mean in the classifier
// (holds.ts).

import type {ClientPeriod} from "../types.js";
import {leafHolds} from "./holds.js";
import type {Check, Ladder, Rule, TierResult} from "./types.js";

/** Tiers decided so far: classification id → tier id. */
export type Classified = Readonly<Record<string, string>>;

export function explainRule(rule: Rule, record: ClientPeriod, {classified = {}}: {classified?: Classified} = {}): {pass: boolean; checks: Check[]} {
  const checks: Check[] = [];
  const visit = (r: Rule): boolean => {
    switch (r.kind) {
      case "all":
        return r.rules.map(visit).every(Boolean);
      case "any":
        return r.rules.map(visit).some(Boolean);
      case "not":
        return !visit(r.rule);
      case "feature": {
        const value = record[r.feature] ?? null;
        const pass = leafHolds(r, value);
        checks.push({feature: r.feature, op: r.op, threshold: r.threshold, value, pass});
        return pass;
      }
      case "tier": {
        const tier = classified[r.classification];
        if (tier === undefined) throw new Error(`invalid classification reference: ${r.classification}`);
        const pass = r.tiers.includes(tier);
        checks.push({classification: r.classification, op: "in", threshold: r.tiers, value: tier, pass});
        return pass;
      }
    }
  };
  const pass = visit(rule);
  return {pass, checks};
}

/** The tier of one record in one ladder, with the leaves of the rule that decided it. */
export function explainLadder(ladder: Ladder, record: ClientPeriod, {classified = {}}: {classified?: Classified} = {}): TierResult {
  for (let i = 0; i < ladder.tiers.length; ++i) {
    const {id, when} = ladder.tiers[i];
    if (when === null) return {classification: ladder.id, tier: id, ruleIndex: i, explanation: []};
    const {pass, checks} = explainRule(when, record, {classified});
    if (pass) return {classification: ladder.id, tier: id, ruleIndex: i, explanation: checks};
  }
  throw new Error(`invalid classification: ${ladder.id} has no fallback tier`);
}
