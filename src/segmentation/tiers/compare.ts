import type {Condition} from "../../config/schema.js";
import type {Comparison} from "./types.js";

// The leaf semantics shared by the interpreter (explanations) and the compiler
// (fast path), so the two can never disagree.
//
// A missing value (null, undefined, NaN, empty string) makes every comparison
// false, "!=" included: an unknown balance neither meets nor misses a threshold.
// Only `not` turns that false into true, so write `not` deliberately.

export type Threshold = number | string | boolean;

const ordering = new Set<Comparison>([">=", ">", "<=", "<"]);

/** Throws when an ordering comparison is asked of a boolean or a string threshold. */
export function checkComparison(condition: Extract<Condition, {op: unknown}>): void {
  if (typeof condition.value !== "number" && ordering.has(condition.op))
    throw new Error(`invalid condition: ${JSON.stringify(condition)}`);
}

export function isMissing(value: unknown): boolean {
  return value == null || value === "" || (typeof value === "number" && Number.isNaN(value));
}

/** Numbers stored as text (CSV extracts) still compare numerically. */
export function asNumber(value: unknown): number {
  if (typeof value === "number") return value;
  if (typeof value === "string" && value.trim() !== "") return Number(value);
  return NaN;
}

export function compareNumber(value: number, op: Comparison, threshold: number): boolean {
  switch (op) {
    case ">=": return value >= threshold;
    case ">": return value > threshold;
    case "<=": return value <= threshold;
    case "<": return value < threshold;
    case "==": return value === threshold;
    case "!=": return value !== threshold;
  }
}

export function compareValue(value: unknown, op: Comparison, threshold: Threshold): boolean {
  if (isMissing(value)) return false;
  if (typeof threshold === "number") {
    const x = asNumber(value);
    return !Number.isNaN(x) && compareNumber(x, op, threshold);
  }
  if (typeof threshold === "boolean") {
    if (typeof value !== "boolean") return false;
    return op === "==" ? value === threshold : value !== threshold;
  }
  const text = String(value);
  return op === "==" ? text === threshold : text !== threshold;
}

/** List membership compares as text, so a list written [1, 2] in YAML matches 1 and "1". */
export function listKeys(list: readonly (string | number)[]): Set<string> {
  return new Set(list.map(String));
}

export function inList(value: unknown, keys: ReadonlySet<string>): boolean {
  return !isMissing(value) && keys.has(String(value));
}
