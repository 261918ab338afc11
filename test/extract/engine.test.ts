import {describe, expect, it} from "vitest";
import {openDuckDb} from "../../loaders/engine/duckdb.js";

describe("openDuckDb", () => {
  it("returns plain rows: BIGINT and DECIMAL as numbers, DATE as YYYY-MM-DD", async () => {
    const engine = await openDuckDb();
    const rows = await engine.all("SELECT 42::BIGINT AS n, 1.25::DECIMAL(10,2) AS d, DATE '2025-02-28' AS day, 'x' AS s, true AS b, NULL AS z");
    expect(rows).toEqual([{n: 42, d: 1.25, day: "2025-02-28", s: "x", b: true, z: null}]);
    engine.close();
  });

  it("appendRows bulk-inserts in any column order, casting dates", async () => {
    const engine = await openDuckDb({threads: 2, memoryLimit: "1GB"});
    await engine.run("CREATE TABLE t (id BIGINT, day DATE, amount DOUBLE, ok BOOLEAN, name VARCHAR)");
    await engine.appendRows("t", ["name", "id", "day", "amount", "ok"], [
      ["甲", 1, "2025-01-31", 10.5, true],
      [null, 2n, null, 0, false],
    ]);
    expect(await engine.all("SELECT * FROM t ORDER BY id")).toEqual([
      {id: 1, day: "2025-01-31", amount: 10.5, ok: true, name: "甲"},
      {id: 2, day: null, amount: 0, ok: false, name: null},
    ]);
    engine.close();
  });
});
