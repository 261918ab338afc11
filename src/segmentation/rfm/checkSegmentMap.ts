import type {RfmConfig} from "../../config/schema.js";
import {rfmSegmentIndex} from "./rfmSegment.js";

type Segment = Pick<RfmConfig["segments"][number], "id" | "r" | "fm">;

export interface SegmentMapReport {
  /** Segments no (r, fm) cell reaches, because earlier segments take all their cells. */
  unreachable: string[];
  /** Cells no segment covers: clients there would get no segment. */
  uncovered: [number, number][];
  /** Cells more than one segment covers; the first listed wins (information, not an error). */
  overlaps: {r: number; fm: number; segments: string[]}[];
}

/**
 * Checks an ordered RFM segment map over every (r, fm) cell in 1..bins × 1..bins.
 * A sound map has no unreachable segment and no uncovered cell.
 */
export function checkSegmentMap(segments: readonly Segment[], bins: number): SegmentMapReport {
  const reached = new Set<number>();
  const uncovered: [number, number][] = [];
  const overlaps: SegmentMapReport["overlaps"] = [];
  for (let r = 1; r <= bins; ++r) {
    for (let fm = 1; fm <= bins; ++fm) {
      const first = rfmSegmentIndex(r, fm, segments);
      if (first < 0) uncovered.push([r, fm]);
      else reached.add(first);
      const covering = segments.filter((s) => r >= s.r[0] && r <= s.r[1] && fm >= s.fm[0] && fm <= s.fm[1]).map((s) => s.id);
      if (covering.length > 1) overlaps.push({r, fm, segments: covering});
    }
  }
  const unreachable = segments.filter((_, i) => !reached.has(i)).map((s) => s.id);
  return {unreachable, uncovered, overlaps};
}
