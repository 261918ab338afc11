import type {Classification, Condition} from "../../config/schema.js";
import {asNumber, checkComparison, compareValue, inList, isMissing, listKeys} from "./compare.js";
import {referenceError} from "./references.js";
import type {ClientPeriod} from "./types.js";

type Codes = (record: ClientPeriod, out: Int32Array) => Int32Array;

/**
 * Generates one JavaScript function for a list of classifications, the way
 * d3-dsv builds its row converters: `r["avg_daily_aum"]` written out gets a
 * property cache per call site, where a closure's `r[feature]` goes through a
 * generic lookup. About 3–5× faster on millions of records. Feature names enter
 * the source only as JSON string literals; thresholds and lists stay in an
 * array of constants. Returns undefined where code generation is not allowed
 * (a Content-Security-Policy without 'unsafe-eval'); callers then use the
 * closures of compileCondition, which give the same answers.
 */
export function compileLadderSource(classifications: readonly Classification[]): Codes | undefined {
  const constants: unknown[] = [];
  const constant = (value: unknown) => `c[${constants.push(value) - 1}]`;
  const slots = new Map<string, {slot: number; tiers: readonly string[]}>();

  const expression = (condition: Condition): string => {
    if ("all" in condition) return `(${condition.all.map(expression).join(" && ")})`;
    if ("any" in condition) return `(${condition.any.map(expression).join(" || ")})`;
    if ("not" in condition) return `!${expression(condition.not)}`;
    if ("classification" in condition) {
      const target = slots.get(condition.classification);
      if (!target) throw referenceError(condition.classification);
      const wanted = new Uint8Array(target.tiers.length);
      for (const id of condition.in) if (target.tiers.includes(id)) wanted[target.tiers.indexOf(id)] = 1;
      return `(${constant(wanted)}[d[${target.slot}]] === 1)`;
    }
    const read = `r[${JSON.stringify(condition.feature)}]`;
    if ("in" in condition) return `h.inList(${read}, ${constant(listKeys(condition.in))})`;
    checkComparison(condition);
    const {op, value} = condition;
    if (typeof value !== "number") return `h.compareValue(${read}, ${JSON.stringify(op)}, ${constant(value)})`;
    const t = constant(value);
    const number = `(typeof (v = ${read}) === "number" ? v : h.num(v))`;
    if (op === "!=") return `((x = ${number}) === x && x !== ${t})`;
    return `(${number} ${op === "==" ? "===" : op} ${t})`;
  };

  const lines: string[] = [];
  classifications.forEach((c, slot) => {
    const last = c.tiers.length - 1;
    if (c.tiers[last]?.when !== undefined) throw new Error(`invalid classification: ${c.id} has no fallback tier`);
    const ladder = c.tiers.slice(0, last).map((t, i) => `${expression(t.when!)} ? ${i} : `).join("");
    lines.push(`d[${slot}] = ${ladder}${last};`);
    slots.set(c.id, {slot, tiers: c.tiers.map((t) => t.id)});
  });

  const helpers = {inList, compareValue, num: (v: unknown) => (isMissing(v) ? NaN : asNumber(v))};
  try {
    const make = new Function("h", "c", `return function codes(r, d) {\n  let v, x;\n  ${lines.join("\n  ")}\n  return d;\n};`);
    return make(helpers, constants) as Codes;
  } catch (error) {
    if (error instanceof EvalError) return undefined;
    throw error;
  }
}
