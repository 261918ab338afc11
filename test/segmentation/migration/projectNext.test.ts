import {describe, expect, it} from "vitest";
import {projectNext, transitionMatrix} from "../../../src/segmentation/migration/index.js";
import {ladder, q1, q2} from "./fixtures.js";

describe("projectNext", () => {
  const matrix = transitionMatrix(q1, q2, {states: ladder});

  it("takes one Markov step and adds entries as the last entries were spread", () => {
    // standard: ½ stay, ½ → gold; gold: ½ stay, ½ → standard; platinum → diamond;
    // diamond → exited; new: ½ standard, ½ gold.
    const p = projectNext(matrix, {standard: 100, gold: 40, platinum: 10, diamond: 4}, {entries: 20});
    expect(p.projected).toBe(true);
    expect(p.mix).toEqual({standard: 50 + 20 + 10, gold: 50 + 20 + 10, platinum: 0, diamond: 10});
    expect(p.exited).toBe(4);
    expect(p.entered).toBe(20);
    expect(p.total).toBe(170);
  });

  it("defaults entries to the matrix's own entries", () => {
    expect(projectNext(matrix, {standard: 2}).mix).toEqual({standard: 2, gold: 2, platinum: 0, diamond: 0});
  });

  it("keeps clients of a tier with no observed moves where they are", () => {
    const m = transitionMatrix([{id: 1, state: "gold"}], [{id: 1, state: "gold"}], {states: ladder});
    expect(projectNext(m, {platinum: 5}).mix.platinum).toBe(5);
  });

  it("rejects entries it cannot distribute and unknown tiers", () => {
    const m = transitionMatrix(q1, q2, {states: ladder, includeEntries: false});
    expect(() => projectNext(m, {gold: 1}, {entries: 3})).toThrow("invalid entries: 3");
    expect(() => projectNext(matrix, {silver: 1})).toThrow("invalid mix state: silver");
  });
});
