import type {Condition} from "../../config/schema.js";
import {asNumber, checkComparison, compareValue, inList, isMissing, listKeys} from "./compare.js";
import type {ClientPeriod} from "./types.js";

/** A compiled condition: the record and the tier indexes decided so far (by classification slot). */
export type CompiledCondition = (record: ClientPeriod, decided: Int32Array) => boolean;

/**
 * Turns a condition into a closure once, so that millions of records do not
 * re-walk the configuration. `slots` maps an earlier classification id to its
 * position in `decided`, and each tier id to its index there. Same semantics as
 * evaluateCondition (see compare.ts); the plain twin is evaluateCondition.
 */
export function compileCondition(condition: Condition, slots: ReadonlyMap<string, {slot: number; tiers: readonly string[]}>): CompiledCondition {
  if ("all" in condition) {
    const parts = condition.all.map((c) => compileCondition(c, slots));
    return (r, d) => {
      for (const p of parts) if (!p(r, d)) return false;
      return true;
    };
  }
  if ("any" in condition) {
    const parts = condition.any.map((c) => compileCondition(c, slots));
    return (r, d) => {
      for (const p of parts) if (p(r, d)) return true;
      return false;
    };
  }
  if ("not" in condition) {
    const inner = compileCondition(condition.not, slots);
    return (r, d) => !inner(r, d);
  }
  if ("classification" in condition) {
    const target = slots.get(condition.classification);
    if (!target) throw new Error(`invalid classification reference: ${condition.classification}`);
    const wanted = new Uint8Array(target.tiers.length);
    for (const id of condition.in) {
      const i = target.tiers.indexOf(id);
      if (i >= 0) wanted[i] = 1;
    }
    const {slot} = target;
    return (_, d) => wanted[d[slot]] === 1;
  }
  const {feature} = condition;
  if ("in" in condition) {
    const keys = listKeys(condition.in);
    return (r) => inList(r[feature], keys);
  }
  checkComparison(condition);
  const {op, value: t} = condition;
  if (typeof t !== "number") return (r) => compareValue(r[feature], op, t);
  // Numeric thresholds are the bulk of every ladder: specialise per operator,
  // with the common case (a number) inline and text / missing values in `slow`.
  const slow = (v: unknown) => (isMissing(v) ? NaN : asNumber(v));
  switch (op) {
    case ">=": return (r) => {
      const v = r[feature];
      return typeof v === "number" ? v >= t : slow(v) >= t;
    };
    case ">": return (r) => {
      const v = r[feature];
      return typeof v === "number" ? v > t : slow(v) > t;
    };
    case "<=": return (r) => {
      const v = r[feature];
      return typeof v === "number" ? v <= t : slow(v) <= t;
    };
    case "<": return (r) => {
      const v = r[feature];
      return typeof v === "number" ? v < t : slow(v) < t;
    };
    case "==": return (r) => {
      const v = r[feature];
      return typeof v === "number" ? v === t : slow(v) === t;
    };
    case "!=": return (r) => {
      const v = r[feature];
      const x = typeof v === "number" ? v : slow(v);
      return x === x && x !== t; // NaN (missing) is never "different"
    };
  }
}
