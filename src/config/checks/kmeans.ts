// The elbow and silhouette diagnostics span kMin..kMax, and should show the chosen k.

import type {ConfigIssue} from "../issue.js";
import {gotExpected} from "../showValue.js";
import {int, record} from "./input.js";

export function checkKmeans(input: Record<string, unknown>): ConfigIssue[] {
  const kmeans = record(input.kmeans);
  const diagnostics = record(kmeans.diagnostics);
  const [k, kMin, kMax] = [int(kmeans.k), int(diagnostics.kMin), int(diagnostics.kMax)];
  const issues: ConfigIssue[] = [];
  if (kMin !== undefined && kMax !== undefined && kMin > kMax) issues.push({path: ["kmeans", "diagnostics", "kMin"], message: gotExpected(kMin, `at most kmeans.diagnostics.kMax (${kMax})`)});
  else if (k !== undefined && kMax !== undefined && k > kMax) issues.push({path: ["kmeans", "k"], message: gotExpected(k, `at most kmeans.diagnostics.kMax (${kMax}), so that the diagnostics show the chosen k`)});
  else if (k !== undefined && kMin !== undefined && k < kMin) issues.push({path: ["kmeans", "k"], message: gotExpected(k, `at least kmeans.diagnostics.kMin (${kMin}), so that the diagnostics show the chosen k`)});
  return issues;
}
