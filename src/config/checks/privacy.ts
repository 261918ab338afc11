// Age bands are half-open intervals [min, next min): they must start at 0 and
// rise, or some ages would fall in no band or in two.

import type {ConfigIssue} from "../issue.js";
import {gotExpected} from "../showValue.js";
import {int, list, record, text} from "./input.js";

export function checkPrivacy(input: Record<string, unknown>): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const ids = new Set<string>();
  let previous: number | undefined;
  list(record(input.privacy).ageBands).forEach((band, i) => {
    const path = ["privacy", "ageBands", i];
    const min = int(record(band).min);
    if (i === 0 && min !== undefined && min !== 0) issues.push({path: [...path, "min"], message: gotExpected(min, "0: the first age band starts at age 0")});
    if (i > 0 && min !== undefined && previous !== undefined && min <= previous) issues.push({path: [...path, "min"], message: gotExpected(min, `more than ${previous}, the min of the band before it (bands are sorted by min)`)});
    if (min !== undefined) previous = min;
    const id = text(record(band).id);
    if (id !== undefined && ids.has(id)) issues.push({path: [...path, "id"], message: `duplicate age band id: ${id}`});
    if (id !== undefined) ids.add(id);
  });
  return issues;
}
