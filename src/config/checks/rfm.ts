// RFM segment ranges lie within 1..bins, and the ordered map is total and has no
// dead entries: every score pair finds a segment, every segment wins somewhere.

import type {ConfigIssue} from "../issue.js";
import {gotExpected} from "../showValue.js";
import {int, list, record, text} from "./input.js";

export function checkRfm(input: Record<string, unknown>): ConfigIssue[] {
  const rfm = record(input.rfm);
  const bins = int(rfm.bins);
  if (bins === undefined || bins < 2) return [];
  const issues: ConfigIssue[] = [];
  const ranges: ([number, number][] | undefined)[] = list(rfm.segments).map((s, i) => {
    const pair: [number, number][] = [];
    for (const axis of ["r", "fm"] as const) {
      const range = record(s)[axis];
      const [lo, hi] = list(range).map(int);
      if (lo === undefined || hi === undefined) return undefined;
      const path = ["rfm", "segments", i, axis];
      if (lo < 1 || lo > bins) issues.push({path: [...path, 0], message: gotExpected(lo, `a score from 1 to ${bins} (rfm.bins)`)});
      if (hi < 1 || hi > bins) issues.push({path: [...path, 1], message: gotExpected(hi, `a score from 1 to ${bins} (rfm.bins)`)});
      if (lo > hi) issues.push({path, message: gotExpected(range, `[low, high] with low ≤ high`)});
      pair.push([lo, hi]);
    }
    return pair;
  });
  if (issues.length || ranges.length === 0 || ranges.some((r) => r === undefined)) return issues;

  const wins = new Array(ranges.length).fill(0);
  const uncovered: string[] = [];
  for (let r = 1; r <= bins; ++r) {
    for (let fm = 1; fm <= bins; ++fm) {
      const i = ranges.findIndex((pair) => pair![0][0] <= r && r <= pair![0][1] && pair![1][0] <= fm && fm <= pair![1][1]);
      if (i < 0) uncovered.push(`r=${r} fm=${fm}`);
      else ++wins[i];
    }
  }
  if (uncovered.length)
    issues.push({path: ["rfm", "segments"], message: `scores ${uncovered.slice(0, 3).join(", ")}${uncovered.length > 3 ? ` and ${uncovered.length - 3} more` : ""} match no segment; expected a last segment covering every score, e.g. {r: [1, ${bins}], fm: [1, ${bins}]}`});
  wins.forEach((n, i) => {
    if (n === 0) issues.push({path: ["rfm", "segments", i], message: `segment ${text(record(list(rfm.segments)[i]).id) ?? i} is never reached: segments above it take all of its scores`});
  });
  return issues;
}
