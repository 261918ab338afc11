// The comparison operators of the rule language, in one table. Everything that
// reads a rule takes its operator from here: the configuration schema (which
// `op` values exist), the type check (which feature types and thresholds an
// operator accepts), the JS back-end, the SQL back-end, the explainer and the
// sentences on the Methodology page. Adding an operator is adding an entry
// (test/segmentation/rules/operators.test.ts adds `between` and shows it).
//
// Back-ends call an operator only on a present value: a missing one (NULL,
// absent, NaN, empty text) makes the leaf false before the operator is asked,
// in both back-ends (see holds.ts and loaders/segment/rulesSql.ts). So an
// entry never has to think about missing values.

/** How a rule reads a feature: a number, a text code, or a yes/no flag. */
export type ValueType = "number" | "text" | "boolean";
export type Value = number | string | boolean;
/** One value, a list of values, or a [low, high] range, all of the feature's type. */
export type Threshold = Value | readonly Value[];

export interface Operator {
  /** How the threshold is written: one value, a non-empty list, or a [low, high] range. */
  operand: "one" | "list" | "range";
  /** The feature types it applies to; the threshold has the feature's type. */
  types: readonly ValueType[];
  /** Whether a present value meets the threshold. */
  holds(value: Value, threshold: Threshold): boolean;
  /** The same in portable SQL, from a non-NULL value expression and the threshold as SQL literals. */
  sql(value: string, threshold: string | readonly string[]): string;
  /** How people read it, e.g. ≥; a list reads "is one of". */
  symbol: string;
}

export type OperatorTable = Readonly<Record<string, Operator>>;

// JS and SQL agree on these for numbers that are not NaN (NaN is missing),
// text (binary equality) and booleans.
const order = (symbol: string, sql: string, holds: (a: number, b: number) => boolean): Operator => ({
  operand: "one",
  types: ["number"],
  holds: (value, threshold) => holds(value as number, threshold as number),
  sql: (value, threshold) => `${value} ${sql} ${threshold}`,
  symbol,
});

export const operators: OperatorTable = {
  ">=": order("≥", ">=", (a, b) => a >= b),
  ">": order(">", ">", (a, b) => a > b),
  "<=": order("≤", "<=", (a, b) => a <= b),
  "<": order("<", "<", (a, b) => a < b),
  "==": {
    operand: "one",
    types: ["number", "text", "boolean"],
    holds: (value, threshold) => value === threshold,
    sql: (value, threshold) => `${value} = ${threshold}`,
    symbol: "=",
  },
  "!=": {
    operand: "one",
    types: ["number", "text", "boolean"],
    holds: (value, threshold) => value !== threshold,
    sql: (value, threshold) => `${value} <> ${threshold}`,
    symbol: "≠",
  },
  in: {
    operand: "list",
    types: ["number", "text"],
    holds: (value, threshold) => (threshold as readonly Value[]).includes(value),
    sql: (value, threshold) => `${value} IN (${(threshold as readonly string[]).join(", ")})`,
    symbol: "∈",
  },
};

/** The operators that apply to a feature type, for messages. */
export function operatorsFor(type: ValueType, table: OperatorTable = operators): string[] {
  return Object.keys(table).filter((op) => table[op].types.includes(type));
}
