// The extract section's own checks: table paths stay inside the extract
// folder (or a listed root), and the strictness settings are typed.

import {describe, expect, it} from "vitest";
import {parseConfig} from "../../loaders/config/index.js";
import {insideExtract} from "../../src/config/checks/extract.js";
import {edit, lineOf, problemAt, problemsOf} from "./helpers.js";

describe("extract table paths", () => {
  it("a path that climbs out of the extract folder is an error at its line, before anything is read", () => {
    const yaml = edit("transactions: {path: transactions.csv}", "transactions: {path: ../../../etc/passwd}");
    expect(problemAt(problemsOf(yaml), "extract.tables.transactions.path")).toMatchObject({
      message: "outside the extract folder: ../../../etc/passwd; move the file into extract.dir, or list its folder in extract.roots",
      line: lineOf(yaml, "../../../etc/passwd"),
    });
  });

  it("a folder listed in extract.roots lets a path reach it", () => {
    const yaml = edit("transactions: {path: transactions.csv}", "transactions: {path: ../reference/transactions.csv}");
    expect(() => parseConfig(edit("  dir: demo/extract", "  dir: demo/extract\n  roots: [../reference]", yaml), {file: "data/config.yaml"})).not.toThrow();
  });

  it.each([
    ["transactions.csv", [], true],
    ["sub/dir/t.csv", [], true],
    ["./a/../t.csv", [], true],
    ["../t.csv", [], false],
    ["a/../../t.csv", [], false],
    ["..", [], false],
    ["", [], false],
    ["../shared/t.csv", ["../shared"], true],
    ["../shared/../other/t.csv", ["../shared"], false],
    ["../sharedx/t.csv", ["../shared"], false],
    ["../shared", ["../shared"], false],
  ] as const)("insideExtract(%j, %j) is %s", (path, roots, inside) => {
    expect(insideExtract(path, roots)).toBe(inside);
  });
});

describe("extract checks", () => {
  it("an as-of date must be a date", () => {
    const yaml = edit("  dir: demo/extract", "  dir: demo/extract\n  asOf: 2025-13-01");
    expect(problemAt(problemsOf(yaml), "extract.asOf").message).toBe('got "2025-13-01"; expected a date like 2025-12-31');
  });

  it("the settings are typed, with unknown keys caught", () => {
    const yaml = edit("  dir: demo/extract", "  dir: demo/extract\n  checks: {maxRecordBytes: 10, activityBeforeOpening: ignore, futureDay: 3}");
    const problems = problemsOf(yaml);
    expect(problemAt(problems, "extract.checks.maxRecordBytes").message).toMatch(/expected a number at least 1024/);
    expect(problemAt(problems, "extract.checks.activityBeforeOpening").message).toMatch(/expected one of quarantine, warn/);
    expect(problemAt(problems, "extract.checks.futureDay").message).toBe("unknown key; did you mean futureDays?");
  });
});
