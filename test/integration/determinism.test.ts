// The same extract and configuration give byte-identical outputs: two
// pipeline runs on the same small demo bank, into separate folders, produce
// the same bytes in every file (Parquet, JSON, CSV), and the same key.

import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from "node:fs";
import os from "node:os";
import path from "node:path";
import {runPipeline, repoRoot, type PipelineResult} from "../../loaders/pipeline/run.js";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full).map((f) => path.join(name, f)) : [name];
  });
}

let tmp: string;
let first: PipelineResult;
let second: PipelineResult;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), "seg-determinism-"));
  // A small demo bank, generated from the configuration like the default one.
  const yaml = readFileSync(path.join(repoRoot, "data/config.default.yaml"), "utf8")
    .replace("dir: demo/extract", `dir: ${path.join(tmp, "bank", "extract")}`)
    .replace("retailClients: 20000", "retailClients: 1500")
    .replace("corporateClients: 1500", "corporateClients: 120")
    .replace("quarters: 8", "quarters: 5");
  const configPath = path.join(tmp, "config.yaml");
  writeFileSync(configPath, yaml);
  first = await runPipeline({configPath, workDir: path.join(tmp, "one")});
  second = await runPipeline({configPath, workDir: path.join(tmp, "two"), force: true});
}, 600_000);

afterAll(() => rmSync(tmp, {recursive: true, force: true}));

describe("determinism", () => {
  it("gives the same key for the same configuration, extract and code", () => {
    expect(second.key).toBe(first.key);
  });

  it("writes byte-identical files on a second run", () => {
    const a = files(first.dir).sort();
    const b = files(second.dir).sort();
    expect(b).toEqual(a);
    expect(a).toEqual(expect.arrayContaining(["features.parquet", "segments.parquet", "anonymised/clients.parquet", "site/migration.json", "secure/quarantine.csv"]));
    for (const file of a) expect(readFileSync(path.join(second.dir, file)).equals(readFileSync(path.join(first.dir, file))), file).toBe(true);
  });
});
