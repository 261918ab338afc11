// The rule language as the configuration writes it, before it is checked:
//   {feature: avg_daily_aum, op: ">=", value: 5000000}
//   {feature: credit_rating, in: [AAA, AA, A]}       (the same as op: in, value: [...])
//   {classification: enterprise_size, in: [large]}  (a tier an earlier classification gave)
//   {all: [...]}, {any: [...]}, {not: ...}
// resolve.ts turns it into the typed rules of types.ts.

import type {Value} from "./operators.js";

export type Condition =
  | {feature: string; op: string; value: Value | Value[]}
  | {feature: string; in: Value[]}
  | {classification: string; in: string[]}
  | {all: Condition[]}
  | {any: Condition[]}
  | {not: Condition};
