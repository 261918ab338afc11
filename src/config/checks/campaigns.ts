// Outcome rules are picked by the campaign's kind, so their keys must be kinds.

import {closest} from "../closest.js";
import type {ConfigIssue} from "../issue.js";
import {gotExpected} from "../showValue.js";
import {int, list, record} from "./input.js";

export function checkCampaigns(input: Record<string, unknown>, {campaignKinds}: {campaignKinds?: readonly string[]} = {}): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const outcomes = record(record(input.campaigns).outcomes);
  for (const [kind, outcome] of Object.entries(outcomes)) {
    if (campaignKinds && !campaignKinds.includes(kind)) {
      const suggestion = closest(kind, campaignKinds);
      issues.push({path: ["campaigns", "outcomes", kind], message: `unknown campaign kind; ${suggestion ? `did you mean ${suggestion}?` : `expected one of ${campaignKinds.join(", ")}`}`, at: "key"});
    }
    const seen = new Set<number>();
    list(record(outcome).qualifyingMonths).forEach((month, i) => {
      const m = int(month);
      if (m !== undefined && seen.has(m)) issues.push({path: ["campaigns", "outcomes", kind, "qualifyingMonths", i], message: gotExpected(m, "each month once")});
      if (m !== undefined) seen.add(m);
    });
  }
  return issues;
}
