// A ladder is read top-down and the first matching tier wins, so thresholds on
// one feature must fall down the tiers (for >= and >) or rise (for <= and <).
// Otherwise a lower tier is shadowed: a Gold line above Platinum's never fires.

import type {ConfigIssue} from "../issue.js";
import {list, num, record, text} from "./input.js";

const direction: Record<string, 1 | -1> = {">=": 1, ">": 1, "<=": -1, "<": -1};

export function checkLadders(input: Record<string, unknown>): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  list(input.classifications).forEach((c, i) => {
    const previous = new Map<string, {tier: string; value: number; op: string}>();
    list(record(c).tiers).forEach((t, j) => {
      const when = record(record(t).when);
      const feature = text(when.feature);
      const op = text(when.op);
      const value = num(when.value);
      if (feature === undefined || op === undefined || value === undefined || !(op in direction)) return;
      const key = `${feature} ${direction[op]}`;
      const tier = text(record(t).id) ?? `tiers[${j}]`;
      const above = previous.get(key);
      if (above && (direction[op] > 0 ? value >= above.value : value <= above.value)) {
        issues.push({
          path: ["classifications", i, "tiers", j, "when", "value"],
          message: `got ${value}; expected ${direction[op] > 0 ? "less" : "more"} than ${above.value}, the ${feature} threshold of tier ${above.tier} above it: tiers are tried in order, so tier ${tier} could never be reached`,
        });
      }
      previous.set(key, {tier, value, op});
    });
  });
  return issues;
}
