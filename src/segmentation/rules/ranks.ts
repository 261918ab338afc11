// The period's clients, for the {feature, top} rules: how many of them have a
// value at least as high as a given one. A top rule is the one rule that
// looks beyond its own record, so both back-ends rank within the period: the
// SQL back-end with a window over the quarter (loaders/segment/rulesSql.ts),
// the JS back-end with this index over the records it is given.

import type {ClientPeriod} from "../types.js";
import {present} from "./holds.js";

export interface RankIndex {
  /** The period's clients, those without a value included. */
  readonly size: number;
  /** How many of the period's clients have a value of `feature` at or above `value` (missing values never are). */
  atOrAbove(feature: string, value: number): number;
}

/** An index of the records' values of each feature, for {feature, top} rules over the records as one period. */
export function rankIndex(records: readonly ClientPeriod[], features: readonly string[]): RankIndex {
  const sorted = new Map<string, Float64Array>();
  for (const feature of features) {
    const values: number[] = [];
    for (const record of records) {
      const v = present(record[feature], "number");
      if (v !== undefined) values.push(v as number);
    }
    sorted.set(feature, Float64Array.from(values).sort());
  }
  return {
    size: records.length,
    atOrAbove(feature, value) {
      const values = sorted.get(feature);
      if (!values) throw new Error(`invalid rank index: ${feature} is not ranked`);
      // the first position holding a value ≥ `value`; the rest are ≥ too
      let lo = 0;
      let hi = values.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (values[mid] < value) lo = mid + 1;
        else hi = mid;
      }
      return values.length - lo;
    },
  };
}
