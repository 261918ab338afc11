// The JS back-end: typed ladders compiled once into closures, for the browser
// (Explore page) and for tests. Same answers as the SQL back-end, leaf by
// leaf (holds.ts); the first tier whose rule holds wins.

import type {ClientPeriod} from "../types.js";
import {leafHolds} from "./holds.js";
import type {Ladder, Rule} from "./types.js";

/** A compiled rule: the record, and the tier index each earlier classification gave (by slot). */
type Test = (record: ClientPeriod, decided: Int32Array) => boolean;
type Slots = ReadonlyMap<string, {slot: number; tiers: readonly string[]}>;

export interface Classifier {
  /** Classification id → tier id for one record. */
  (record: ClientPeriod): Record<string, string>;
  /** Classification ids, in evaluation order. */
  readonly ids: readonly string[];
  /** Tier ids of each classification, in ladder order. */
  readonly tiers: readonly (readonly string[])[];
  /** Writes each classification's tier index for one record into `out` (length ids.length); allocation-free. */
  codes(record: ClientPeriod, out: Int32Array): Int32Array;
}

/**
 * Compiles ladders (from compileRules) in order; each sees the tiers of those
 * before it. A reference to a classification not among them throws
 * `invalid classification reference: <id>` here, before any record is read.
 */
export function classifier(ladders: readonly Ladder[]): Classifier {
  const slots = new Map<string, {slot: number; tiers: readonly string[]}>();
  const tests = ladders.map((ladder, slot) => {
    const compiled = ladder.tiers.map((tier) => (tier.when === null ? null : compile(tier.when, slots)));
    slots.set(ladder.id, {slot, tiers: ladder.tiers.map((t) => t.id)});
    return compiled;
  });
  const ids = ladders.map((l) => l.id);
  const tiers = ladders.map((l) => l.tiers.map((t) => t.id));
  const codes = (record: ClientPeriod, out: Int32Array): Int32Array => {
    for (let s = 0; s < tests.length; ++s) {
      const ladder = tests[s];
      const last = ladder.length - 1;
      let i = 0;
      // the last tier is the fallback (no rule): compileRules checked it
      while (i < last && !ladder[i]!(record, out)) ++i;
      out[s] = i;
    }
    return out;
  };
  const scratch = new Int32Array(ids.length);
  const classify = (record: ClientPeriod): Record<string, string> => {
    codes(record, scratch);
    const result: Record<string, string> = {};
    for (let s = 0; s < ids.length; ++s) result[ids[s]] = tiers[s][scratch[s]];
    return result;
  };
  return Object.assign(classify, {ids, tiers, codes});
}

function compile(rule: Rule, slots: Slots): Test {
  switch (rule.kind) {
    case "all": {
      const parts = rule.rules.map((r) => compile(r, slots));
      return (record, decided) => {
        for (const part of parts) if (!part(record, decided)) return false;
        return true;
      };
    }
    case "any": {
      const parts = rule.rules.map((r) => compile(r, slots));
      return (record, decided) => {
        for (const part of parts) if (part(record, decided)) return true;
        return false;
      };
    }
    case "not": {
      const inner = compile(rule.rule, slots);
      return (record, decided) => !inner(record, decided);
    }
    case "feature": {
      const {feature} = rule;
      return (record) => leafHolds(rule, record[feature]);
    }
    case "tier": {
      const target = slots.get(rule.classification);
      if (!target) throw new Error(`invalid classification reference: ${rule.classification}`);
      const wanted = new Uint8Array(target.tiers.length);
      for (const id of rule.tiers) if (target.tiers.includes(id)) wanted[target.tiers.indexOf(id)] = 1;
      const {slot} = target;
      return (_, decided) => wanted[decided[slot]] === 1;
    }
  }
}
