// What the site's data loaders call: outputs for the current configuration,
// extract and code, computing them first when they are missing. A lock keeps
// loaders that Framework starts at the same time from running the pipeline
// twice; the second waits for the first and then reuses its outputs.

import {mkdir, rm, stat} from "node:fs/promises";
import path from "node:path";
import {defaultWorkDir, runPipeline, type PipelineResult} from "./run.js";

const staleLockMs = 30 * 60 * 1000; // a crashed run's lock, not a slow one

async function acquire(lockDir: string): Promise<void> {
  await mkdir(path.dirname(lockDir), {recursive: true});
  for (;;) {
    try {
      await mkdir(lockDir);
      return;
    } catch {
      const age = Date.now() - (await stat(lockDir).catch(() => ({mtimeMs: Date.now()}))).mtimeMs;
      if (age > staleLockMs) await rm(lockDir, {recursive: true, force: true});
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

export async function ensurePipeline({quiet = false} = {}): Promise<PipelineResult> {
  const lockDir = path.join(defaultWorkDir(), ".lock");
  await acquire(lockDir);
  try {
    return await runPipeline({onProgress: quiet ? () => {} : (m) => process.stderr.write(`[pipeline] ${m}\n`)});
  } finally {
    await rm(lockDir, {recursive: true, force: true});
  }
}
