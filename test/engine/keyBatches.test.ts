import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {openDuckDb, type DuckDbEngine} from "../../loaders/engine/duckdb.js";
import {keyBatches} from "../../loaders/engine/keyBatches.js";

let engine: DuckDbEngine;
beforeAll(async () => {
  engine = await openDuckDb();
  await engine.run(`CREATE TABLE t AS SELECT 'C' || lpad(CAST(i AS VARCHAR), 3, '0') AS id, i % 2 = 0 AS even FROM range(25) r(i) ORDER BY random()`);
});
afterAll(() => engine.close());

describe("keyBatches", () => {
  it("reads every key once, in key order, a batch at a time", async () => {
    const batches: string[][] = [];
    for await (const b of keyBatches(engine, {column: "id", from: "t", batchRows: 10})) batches.push(b);
    expect(batches.map((b) => b.length)).toEqual([10, 10, 5]);
    expect(batches.flat()).toEqual(Array.from({length: 25}, (_, i) => `C${String(i).padStart(3, "0")}`));
  });

  it("applies the filter, and stops on an exact multiple of the batch size", async () => {
    const batches: string[][] = [];
    for await (const b of keyBatches(engine, {column: "id", from: "t", where: "NOT even", batchRows: 4})) batches.push(b);
    expect(batches.flat()).toHaveLength(12);
    expect(batches.map((b) => b.length)).toEqual([4, 4, 4]);
  });
});
