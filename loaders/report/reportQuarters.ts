// The quarters a report can be printed for: those of the current pipeline
// outputs (data/work/current.json → data/work/<key>/run.json).

import {existsSync} from "node:fs";
import {readFile} from "node:fs/promises";
import path from "node:path";
import {repoRoot} from "../pipeline/run.js";

export interface ReportRun {
  quarters: string[];
  configHash: string;
}

/** The current run's quarters and configuration hash, or null before the pipeline has ever run. */
export async function currentRun({workDir = path.join(repoRoot, "data", "work")}: {workDir?: string} = {}): Promise<ReportRun | null> {
  const current = path.join(workDir, "current.json");
  if (!existsSync(current)) return null;
  const {key} = JSON.parse(await readFile(current, "utf8"));
  const run = path.join(workDir, key, "run.json");
  if (!existsSync(run)) return null;
  const {quarters, configHash} = JSON.parse(await readFile(run, "utf8"));
  return {quarters, configHash};
}

/** Fails with the quarters there are when `quarter` is not one of them. */
export function checkQuarter(quarter: string, quarters: readonly string[]): void {
  if (!quarters.includes(quarter)) {
    throw new Error(`invalid quarter: ${quarter} (the data has ${quarters.length ? quarters.join(", ") : "no quarters"})`);
  }
}
