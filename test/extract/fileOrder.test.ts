// Record numbers (and so quarantine lines and "the first copy wins") rely on
// the validating projection keeping the CSV reader's file order. DuckDB keeps
// it through projections, not through joins (a long IN list becomes one): no
// contract table's validating statement may plan a join.
import {mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {contract} from "../../loaders/contract/tables.js";
import {openDuckDb} from "../../loaders/engine/duckdb.js";
import {readCsv} from "../../loaders/extract/readCsv.js";
import {resolveSource, type FileSource} from "../../loaders/extract/source.js";
import {checkRows} from "../../loaders/extract/validate.js";

describe("the validating projection", () => {
  it.each(contract.map((t) => [t.name, t] as const))("of %s plans no join", async (_name, spec) => {
    const engine = await openDuckDb({threads: 2});
    const dir = mkdtempSync(join(tmpdir(), "file-order-"));
    writeFileSync(join(dir, "t.csv"), spec.columns.map((c) => c.name).join(",") + "\n");
    const statements: string[] = [];
    const run = engine.run.bind(engine);
    engine.run = async (sql) => (statements.push(sql), run(sql));
    try {
      const staged = await readCsv(engine, spec, resolveSource({path: "t.csv"}) as FileSource, {path: join(dir, "t.csv"), tempDir: dir, maxRecordBytes: 1 << 20});
      const dates = {earliestDate: "1900-01-01", latestDate: "2099-12-31", asOf: "2025-12-31", futureDays: 31};
      await checkRows(engine, spec, staged, {into: "typed", rejected: "rejected", parse: {dateFormat: "%Y-%m-%d", decimalSeparator: "."}, dates});
      const scan = statements.find((s) => s.startsWith("CREATE OR REPLACE TABLE \"typed\""))!;
      const plan = await engine.all<Record<string, string>>(`EXPLAIN ${scan.replace('CREATE OR REPLACE TABLE "typed" AS', "")}`);
      const text = plan.map((row) => Object.values(row).join("\n")).join("\n");
      expect(text).toContain("READ_CSV");
      expect(text).not.toMatch(/JOIN/);
    } finally {
      engine.close();
    }
  });
});
