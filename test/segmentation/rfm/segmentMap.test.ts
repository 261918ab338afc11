import {describe, expect, it} from "vitest";
import {checkSegmentMap, rfmSegment, rfmSegments} from "../../../src/segmentation/rfm/index.js";
import {defaultConfig} from "../tiers/defaultConfig.js";

const {rfm} = defaultConfig();

describe("the default RFM segment map", () => {
  it("covers every (r, fm) cell and reaches every segment", () => {
    const report = checkSegmentMap(rfm.segments, rfm.bins);
    expect(report.uncovered).toEqual([]);
    expect(report.unreachable).toEqual([]);
    // overlaps exist only because `lost` is the catch-all at the end
    for (const o of report.overlaps) expect(o.segments.at(-1)).toBe("lost");
  });

  it("names the cells the way the bank reads them", () => {
    expect(rfmSegment(5, 5, rfm.segments)).toBe("champions");
    expect(rfmSegment(5, 1, rfm.segments)).toBe("new_clients");
    expect(rfmSegment(1, 5, rfm.segments)).toBe("cannot_lose");
    expect(rfmSegment(2, 3, rfm.segments)).toBe("at_risk");
    expect(rfmSegment(1, 1, rfm.segments)).toBe("lost");
  });

  it("looks up every client through the cell table", () => {
    const out = rfmSegments({r: [5, 1, 3], fm: [5, 1, 3]}, rfm.segments, {bins: rfm.bins});
    expect(Array.from(out, (i) => rfm.segments[i].id)).toEqual(["champions", "lost", "need_attention"]);
  });
});

describe("checkSegmentMap", () => {
  // Modelled on the 11-segment RFM table that circulates in blog posts, on a
  // 1..5 scale, in its usual order. Read top-down with "first match wins",
  // "at risk" (R 1–2, FM 2–5) swallows every cell of "cannot lose them"
  // (R 1, FM 4–5), so that segment is never assigned.
  const published = [
    {id: "champions", r: [4, 5], fm: [4, 5]},
    {id: "loyal", r: [2, 5], fm: [3, 5]},
    {id: "potential_loyalist", r: [3, 5], fm: [1, 3]},
    {id: "recent", r: [4, 5], fm: [1, 1]},
    {id: "promising", r: [3, 4], fm: [1, 1]},
    {id: "need_attention", r: [2, 3], fm: [2, 3]},
    {id: "about_to_sleep", r: [2, 3], fm: [1, 2]},
    {id: "at_risk", r: [1, 2], fm: [2, 5]},
    {id: "cannot_lose", r: [1, 1], fm: [4, 5]},
    {id: "hibernating", r: [1, 2], fm: [1, 2]},
    {id: "lost", r: [1, 2], fm: [1, 2]},
  ] as {id: string; r: [number, number]; fm: [number, number]}[];

  it("reports the segments a copied table can never assign", () => {
    const report = checkSegmentMap(published, 5);
    // "recent" and "promising" sit inside "potential loyalist"; "lost" inside "about to sleep" + "hibernating"
    expect(report.unreachable).toEqual(["recent", "promising", "cannot_lose", "lost"]);
    expect(report.uncovered).toEqual([]);
  });

  it("reports cells a map leaves uncovered", () => {
    const report = checkSegmentMap([{id: "top", r: [4, 5], fm: [4, 5]}], 5);
    expect(report.uncovered).toHaveLength(21);
    expect(report.uncovered[0]).toEqual([1, 1]);
    expect(rfmSegment(1, 1, [{id: "top", r: [4, 5], fm: [4, 5]}])).toBeUndefined();
  });
});
