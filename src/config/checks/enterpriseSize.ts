// The fallback industry must exist, and every industry needs a measure to size by.

import {closest} from "../closest.js";
import type {ConfigIssue} from "../issue.js";
import {gotExpected} from "../showValue.js";
import {isRecord, record, text} from "./input.js";

export function checkEnterpriseSize(input: Record<string, unknown>): ConfigIssue[] {
  const size = record(input.enterpriseSize);
  const industries = record(size.industries);
  const names = Object.keys(industries);
  const issues: ConfigIssue[] = [];
  const fallback = text(size.fallbackIndustry);
  if (fallback !== undefined && isRecord(size.industries) && !(fallback in industries)) {
    const suggestion = closest(fallback, names);
    issues.push({path: ["enterpriseSize", "fallbackIndustry"], message: gotExpected(fallback, suggestion ? `an industry listed in enterpriseSize.industries (did you mean ${suggestion}?)` : `one of ${names.join(", ")}`)});
  }
  for (const name of names) {
    const industry = industries[name];
    if (isRecord(industry) && industry.employees === undefined && industry.revenue === undefined && industry.assets === undefined)
      issues.push({path: ["enterpriseSize", "industries", name], message: "no bounds; expected at least one of employees, revenue, assets"});
  }
  return issues;
}
