// Runs the pipeline on one of data/examples/<name>/config.yaml into a fresh
// temporary work folder, and reads what it wrote. Shared by the real-data
// example tests; the raw files live in ../shared/realdata, never in the repo.

import {existsSync} from "node:fs";
import {mkdtemp, readFile, rm} from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {openDuckDb} from "../../loaders/engine/duckdb.js";
import {repoRoot, runPipeline} from "../../loaders/pipeline/run.js";

export const realdataDir = path.resolve(repoRoot, "../shared/realdata");
/** A test key: pseudonyms are only compared within one run. */
export const testKey = "realdata-examples-test-key";

export type {ManifestEntry} from "../../loaders/extract/manifest.js";
import type {ManifestEntry} from "../../loaders/extract/manifest.js";

export interface ExampleRun {
  dir: string;
  quarters: string[];
  manifest: ManifestEntry[];
  site: (name: string) => Promise<any>;
  /** SQL over the run's Parquet outputs: `segments`, `features`, `clients` are views. */
  query: <T = Record<string, unknown>>(sql: string) => Promise<T[]>;
  cleanup: () => Promise<void>;
}

export function examplePresent(folder: string): {present: boolean; where: string} {
  const where = path.join(realdataDir, folder);
  return {present: existsSync(where), where};
}

export async function runExample(name: string): Promise<ExampleRun> {
  const workDir = await mkdtemp(path.join(os.tmpdir(), `seg-example-${name}-`));
  const result = await runPipeline({
    configPath: path.join(repoRoot, "data/examples", name, "config.yaml"),
    workDir,
    force: true,
    env: {...process.env, SEG_PSEUDONYM_KEY: testKey, SEG_CONFIG: undefined},
  });
  const dir = result.dir;
  const run = JSON.parse(await readFile(path.join(dir, "run.json"), "utf8"));
  const manifest = JSON.parse(await readFile(path.join(dir, "manifest.json"), "utf8"));
  const engine = await openDuckDb();
  const file = (f: string) => `'${path.join(dir, f).replaceAll("'", "''")}'`;
  await engine.run(`CREATE VIEW segments AS SELECT * FROM read_parquet(${file("segments.parquet")})`);
  await engine.run(`CREATE VIEW features AS SELECT * FROM read_parquet(${file("features.parquet")})`);
  await engine.run(`CREATE VIEW clients AS SELECT * FROM read_parquet(${file("anonymised/clients.parquet")})`);
  return {
    dir,
    quarters: run.quarters,
    manifest,
    site: async (name) => JSON.parse(await readFile(path.join(dir, "site", `${name}.json`), "utf8")),
    query: (sql) => engine.all(sql),
    cleanup: async () => {
      engine.close();
      await rm(workDir, {recursive: true, force: true});
    },
  };
}

/** Rows of a query as {key: number}, for count comparisons. */
export function tally<T extends Record<string, unknown>>(rows: T[], key: keyof T, value: keyof T): Record<string, number> {
  return Object.fromEntries(rows.map((r) => [String(r[key]), Number(r[value])]));
}
