import {describe, expect, it} from "vitest";
import {complementaryHidden, transitionLines, type Cell} from "../../../src/segmentation/privacy/index.js";
import {seededRandom} from "../../../src/segmentation/random.js";

const states = ["standard", "gold", "platinum"];
const rows = [...states, "new"];
const columns = [...states, "exited"];
const lines = transitionLines(rows, columns, states);
const hiddenIn = (hidden: boolean[][], line: readonly Cell[]) => line.filter(([i, j]) => hidden[i][j]).length;

describe("complementaryHidden", () => {
  it("hides nothing when no cell is small", () => {
    const counts = [[500, 40, 12, 30], [25, 300, 20, 15], [0, 18, 200, 11], [60, 22, 10, 0]];
    expect(complementaryHidden(counts, {threshold: 10, lines}).flat().some(Boolean)).toBe(false);
  });

  it("hides a second cell in every line that would otherwise give a small cell back", () => {
    // gold → platinum is 3: its row (gold at A), its column (platinum at B) and the upgrades are published.
    const counts = [[500, 40, 12, 30], [25, 300, 3, 15], [0, 18, 200, 11], [60, 22, 10, 0]];
    const hidden = complementaryHidden(counts, {threshold: 10, lines});
    expect(hidden[1][2]).toBe(true);
    for (const line of lines) expect(hiddenIn(hidden, line)).not.toBe(1);
  });

  it("picks the smallest positive complement, not a zero", () => {
    const counts = [[100, 0, 20], [0, 5, 30], [40, 50, 60]];
    const square = transitionLines(["a", "b", "c"], ["a", "b", "c"], ["a", "b", "c"]);
    const hidden = complementaryHidden(counts, {threshold: 10, lines: square});
    expect(hidden[1][1]).toBe(true); // the small cell
    expect(hidden[1][0]).toBe(false); // a zero in its row is no cover
    expect(hidden[1][2]).toBe(true); // 30: the smallest positive in row b
  });

  it("never leaves exactly one hidden cell in any published sum, on random matrices", () => {
    const random = seededRandom(3);
    for (let trial = 0; trial < 300; ++trial) {
      const counts = rows.map(() => columns.map(() => (random() < 0.3 ? Math.floor(random() * 12) : Math.floor(random() * 400))));
      const hidden = complementaryHidden(counts, {threshold: 10, lines});
      counts.forEach((row, i) => row.forEach((n, j) => n >= 1 && n < 10 && expect(hidden[i][j]).toBe(true)));
      for (const line of lines) expect(hiddenIn(hidden, line), JSON.stringify(counts)).not.toBe(1);
    }
  });
});

describe("transitionLines", () => {
  it("lists every row and column, then the upgrades, downgrades and stays among the states", () => {
    expect(lines).toHaveLength(rows.length + columns.length + 3);
    expect(lines.at(-3)).toEqual([[0, 1], [0, 2], [1, 2]]);
    expect(lines.at(-2)).toEqual([[1, 0], [2, 0], [2, 1]]);
    expect(lines.at(-1)).toEqual([[0, 0], [1, 1], [2, 2]]);
  });
});
