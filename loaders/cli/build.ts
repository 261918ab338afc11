// npm run build: bring the pipeline outputs up to date, build the site into a
// temporary folder, and only when Framework succeeded put it in place as dist/.
// A failing build therefore leaves the previous dist/ (or none), never half a site.

import {spawn} from "node:child_process";
import {existsSync} from "node:fs";
import {rename, rm} from "node:fs/promises";
import path from "node:path";
import {ensurePipeline} from "../pipeline/ensure.js";
import {repoRoot} from "../pipeline/run.js";
import {main} from "./args.js";
import {frameworkDataCache, syncFrameworkCache} from "./prepare.js";

const dist = path.join(repoRoot, "dist");
const staging = path.join(repoRoot, ".dist-building");

function observableBuild(output: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(repoRoot, "node_modules", ".bin", "observable"), ["build"], {
      cwd: repoRoot,
      stdio: ["ignore", "inherit", "inherit"],
      // SEG_PUBLISH: loaders that could ship client-level rows (Explore) check it.
      env: {...process.env, SEG_OUTPUT: path.relative(repoRoot, output), SEG_PUBLISH: "1", OBSERVABLE_TELEMETRY_DISABLE: "1"},
    });
    child.on("error", reject);
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

/**
 * Loader outputs that hold client-level rows when made for a local analyst
 * (the Explore sample, notebook samples) and a refusal when made for
 * publishing. Framework caches either kind and reuses it in the next build or
 * preview, so both are forgotten around every build: a build computes the
 * published kind, and the next preview computes the local kind again.
 */
async function forgetLocalOnlyData(): Promise<void> {
  await rm(path.join(frameworkDataCache, "data", "explore.json"), {force: true});
  await rm(path.join(frameworkDataCache, "notebooks"), {recursive: true, force: true});
}

main(async () => {
  const {key, reused} = await ensurePipeline();
  const cleared = await syncFrameworkCache(key);
  process.stderr.write(`[build] pipeline ${reused ? "current" : "recomputed"} (${key})${cleared ? "; site data cache cleared" : ""}\n`);
  await forgetLocalOnlyData();
  await rm(staging, {recursive: true, force: true});
  const code = await observableBuild(staging);
  await forgetLocalOnlyData();
  if (code !== 0 || !existsSync(path.join(staging, "index.html"))) {
    await rm(staging, {recursive: true, force: true});
    throw new Error(`observable build failed (exit ${code}); dist/ was left as it was`);
  }
  await rm(dist, {recursive: true, force: true});
  await rename(staging, dist);
  process.stderr.write(`[build] site written to dist/\n`);
});
