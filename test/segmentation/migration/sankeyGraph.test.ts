import {describe, expect, it} from "vitest";
import {sankeyGraph} from "../../../src/segmentation/migration/index.js";
import {ladder, q1, q2, q3} from "./fixtures.js";
import {isAcyclic} from "./graph.js";

const periods = [
  {period: "2025Q1", records: q1},
  {period: "2025Q2", records: q2},
  {period: "2025Q3", records: q3},
];

describe("sankeyGraph", () => {
  it("has one node per period and tier, plus new and exited where they occur", () => {
    const g = sankeyGraph(periods, {states: ladder});
    expect(g.nodes.map((n) => n.id)).toEqual([
      "2025Q1|standard", "2025Q1|gold", "2025Q1|platinum", "2025Q1|diamond", "2025Q1|new",
      "2025Q2|standard", "2025Q2|gold", "2025Q2|platinum", "2025Q2|diamond", "2025Q2|new", "2025Q2|exited",
      "2025Q3|standard", "2025Q3|gold", "2025Q3|platinum", "2025Q3|diamond", "2025Q3|exited",
    ]);
    expect(g.nodes.find((n) => n.id === "2025Q3|exited")!.clients).toBe(4); // c, d, f, h
    expect(g.nodes.find((n) => n.id === "2025Q2|new")!.clients).toBe(1); // e, back in Q3
  });

  it("links only consecutive periods, with counts and AUM", () => {
    const g = sankeyGraph(periods, {states: ladder});
    expect(g.links).toContainEqual({source: "2025Q1|platinum", target: "2025Q2|diamond", value: 1, aum: 5_500_000});
    expect(g.links).toContainEqual({source: "2025Q2|new", target: "2025Q3|platinum", value: 1, aum: 3_000_000});
    expect(g.links.every((l) => l.source.slice(0, 6) !== l.target.slice(0, 6))).toBe(true);
    expect(g.links.some((l) => l.source.startsWith("2025Q1") && l.target.startsWith("2025Q3"))).toBe(false);
    expect(isAcyclic(g)).toBe(true);
  });

  it("rejects a repeated period", () => {
    expect(() => sankeyGraph([periods[0], periods[0]], {states: ladder})).toThrow("invalid period: 2025Q1");
  });
});
