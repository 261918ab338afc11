import type {RfmConfig} from "../../config/schema.js";

type Segment = RfmConfig["segments"][number];

/**
 * An RFM segment map written for `from` bins, for `to` bins: each score range
 * covers the same part of the quantile scale, [lo, hi] of `from` becoming
 * [⌊(lo − 1)·to/from⌋ + 1, ⌈hi·to/from⌉]. A map that covers every cell still
 * does (a cell of the new scale lies in the ranges that cover the old cell its
 * upper end falls in); with fewer bins, a segment may lose every cell to an
 * earlier one. The same map for the same number of bins.
 */
export function scaleSegmentMap(segments: readonly Segment[], from: number, to: number): Segment[] {
  const range = ([lo, hi]: [number, number]): [number, number] => [Math.floor(((lo - 1) * to) / from) + 1, Math.ceil((hi * to) / from)];
  return segments.map((s) => ({...s, r: range(s.r), fm: range(s.fm)}));
}
