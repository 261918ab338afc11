import type {RfmConfig} from "../../config/schema.js";

type Segment = Pick<RfmConfig["segments"][number], "id" | "r" | "fm">;

/** Index of the first segment whose inclusive R and FM ranges hold, or -1. */
export function rfmSegmentIndex(r: number, fm: number, segments: readonly Segment[]): number {
  for (let i = 0; i < segments.length; ++i) {
    const s = segments[i];
    if (r >= s.r[0] && r <= s.r[1] && fm >= s.fm[0] && fm <= s.fm[1]) return i;
  }
  return -1;
}

/** The id of the first matching segment; undefined when the map leaves (r, fm) uncovered. */
export function rfmSegment(r: number, fm: number, segments: readonly Segment[]): string | undefined {
  const i = rfmSegmentIndex(r, fm, segments);
  return i < 0 ? undefined : segments[i].id;
}

/**
 * Segment index per client (Int16Array, -1 when uncovered), looked up once per
 * (r, fm) cell rather than once per client.
 */
export function rfmSegments({r, fm}: {r: ArrayLike<number>; fm: ArrayLike<number>}, segments: readonly Segment[], {bins = 5}: {bins?: number} = {}): Int16Array {
  const table = new Int16Array((bins + 1) * (bins + 1));
  for (let a = 0; a <= bins; ++a) for (let b = 0; b <= bins; ++b) table[a * (bins + 1) + b] = rfmSegmentIndex(a, b, segments);
  const out = new Int16Array(r.length);
  for (let i = 0; i < r.length; ++i) out[i] = table[r[i] * (bins + 1) + fm[i]];
  return out;
}
