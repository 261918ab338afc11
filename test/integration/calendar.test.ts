// An extract that ends a month into a quarter: the balances cover 2024Q3 for
// July only. Counting August and September as zero would halve every client's
// average daily AUM in 2024Q3 and publish a mass downgrade; the pipeline leaves
// the quarter out of the reporting quarters and says so in its outputs.

import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import os from "node:os";
import path from "node:path";
import {generateDemoBank} from "../../loaders/demo/generate.js";
import {runPipeline, repoRoot, type PipelineResult} from "../../loaders/pipeline/run.js";

let tmp: string;
let result: PipelineResult;
const read = (file: string) => JSON.parse(readFileSync(path.join(result.dir, file), "utf8"));

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), "seg-calendar-"));
  const bank = path.join(tmp, "bank");
  await generateDemoBank({outDir: bank, retailClients: 400, corporateClients: 30, quarters: 3, firstQuarter: "2024Q1"});
  // Cut the balances after July 2024, as an extract taken on 2024-08-05 would be.
  const balances = path.join(bank, "extract", "balances.csv");
  const [header, ...rows] = readFileSync(balances, "utf8").trimEnd().split("\n");
  const month = header.split(",").indexOf("month");
  writeFileSync(balances, [header, ...rows.filter((r) => r.split(",")[month] <= "2024-07")].join("\n") + "\n");
  const yaml = readFileSync(path.join(repoRoot, "data/config.default.yaml"), "utf8").replace("dir: demo/extract", `dir: ${path.join(bank, "extract")}`);
  writeFileSync(path.join(tmp, "config.yaml"), yaml);
  result = await runPipeline({configPath: path.join(tmp, "config.yaml"), workDir: path.join(tmp, "work")});
}, 300_000);

afterAll(() => rmSync(tmp, {recursive: true, force: true}));

describe("an extract that ends inside a quarter", () => {
  it("reports only the quarters the balances cover in full", () => {
    const run = read("run.json");
    expect(run.quarters).toEqual(["2024Q1", "2024Q2"]);
    expect(run.asOf).toBe("2024Q2");
    expect(run.incompleteQuarters).toEqual([{quarter: "2024Q3", balanceMonths: ["2024-07"], kept: false}]);
  });

  it("publishes no figure for the partial quarter, and says why on the site", () => {
    const overview = read("site/overview.json");
    expect(overview.kpis.map((k: {quarter: string}) => k.quarter)).toEqual(["2024Q1", "2024Q2"]);
    expect(read("site/quality.json").meta.incompleteQuarters).toEqual([{quarter: "2024Q3", balanceMonths: ["2024-07"], kept: false}]);
    expect(read("site/migration.json").meta.quarters).toEqual(["2024Q1", "2024Q2"]);
  });
});
