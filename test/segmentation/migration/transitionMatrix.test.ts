import {describe, expect, it} from "vitest";
import {transitionMatrix} from "../../../src/segmentation/migration/index.js";
import {ladder, q1, q2} from "./fixtures.js";

describe("transitionMatrix", () => {
  it("counts every flow of a hand-made quarter exactly", () => {
    const m = transitionMatrix(q1, q2, {states: ladder});
    expect(m.rows).toEqual(["standard", "gold", "platinum", "diamond", "new"]);
    expect(m.columns).toEqual(["standard", "gold", "platinum", "diamond", "exited"]);
    expect(m.counts).toEqual([
      [1, 1, 0, 0, 0], // standard: f stays, a → gold
      [1, 1, 0, 0, 0], // gold: c → standard, b stays
      [0, 0, 0, 1, 0], // platinum: d → diamond
      [0, 0, 0, 0, 1], // diamond: e exits
      [1, 1, 0, 0, 0], // new: h standard, g gold
    ]);
    expect(m.rowTotals).toEqual([2, 2, 1, 1, 2]);
    expect(m.columnTotals).toEqual([3, 3, 0, 1, 1]); // 7 clients in Q2, 1 exit
  });

  it("carries the later AUM on stays, moves and entries and the earlier AUM on exits", () => {
    const m = transitionMatrix(q1, q2, {states: ladder});
    expect(m.aum[0]).toEqual([60_000, 220_000, 0, 0, 0]);
    expect(m.aum[2][3]).toBe(5_500_000);
    expect(m.aum[3][4]).toBe(6_000_000); // e's Q1 AUM: what the bank lost
    expect(m.aum[4]).toEqual([10_000, 400_000, 0, 0, 0]);
  });

  it("includes entries and exits by default and can leave either out", () => {
    const m = transitionMatrix(q1, q2, {states: ladder, includeEntries: false, includeExits: false});
    expect(m.rows).toEqual(ladder);
    expect(m.columns).toEqual(ladder);
    expect(m.rowTotals).toEqual([2, 2, 1, 0]);
  });

  it("does not change its inputs", () => {
    const before = JSON.stringify([q1, q2]);
    transitionMatrix(q1, q2, {states: ladder});
    expect(JSON.stringify([q1, q2])).toBe(before);
  });

  it("counts missing AUM as 0 and sums AUM to the fen", () => {
    const m = transitionMatrix([{id: 1, state: "gold"}, {id: 2, state: "gold", aum: 0.1}], [{id: 1, state: "gold", aum: 0.2}, {id: 2, state: "gold", aum: 0.1}], {states: ladder});
    expect(m.aum[1][1]).toBe(0.3);
  });

  it("rejects an unknown tier, a repeated client and a ladder using a reserved name", () => {
    expect(() => transitionMatrix([{id: 1, state: "silver"}], [], {states: ladder})).toThrow("invalid state: silver");
    expect(() => transitionMatrix([{id: 1, state: "gold"}, {id: 1, state: "gold"}], [], {states: ladder})).toThrow("invalid earlier period: duplicate id 1");
    expect(() => transitionMatrix([], [], {states: ["gold", "new"]})).toThrow("invalid states: new");
    expect(() => transitionMatrix([], [], {states: []})).toThrow("invalid states");
  });

  it("treats an empty period as all entries (or all exits)", () => {
    expect(transitionMatrix([], q2, {states: ladder}).rowTotals).toEqual([0, 0, 0, 0, 7]);
    expect(transitionMatrix(q1, [], {states: ladder}).columnTotals).toEqual([0, 0, 0, 0, 6]);
  });
});
