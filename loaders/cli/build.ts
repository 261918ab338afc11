// npm run build [-- --out dir] [--isolated]: bring the pipeline outputs up to date, build the site into a
// temporary folder, and only when Framework succeeded put it in place as dist/.
// A failing build therefore leaves the previous dist/ (or none), never half a site.

import {spawn} from "node:child_process";
import {existsSync} from "node:fs";
import {cp, rename, rm} from "node:fs/promises";
import path from "node:path";
import {ensurePipeline} from "../pipeline/ensure.js";
import {repoRoot} from "../pipeline/run.js";
import {main, parseArgs} from "./args.js";
import {frameworkDataCache, syncFrameworkCache} from "../pipeline/frameworkCache.js";
import {relaunchedWithMallocTuning} from "../engine/mallocTuning.js";
import {nodeBinCommand} from "./nodeBin.js";

const dist = path.join(repoRoot, "dist");

function observableBuild(output: string, root: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(...nodeBinCommand("@observablehq/framework", "observable", ["build"]), {
      cwd: repoRoot,
      stdio: ["ignore", "inherit", "inherit"],
      // Never SEG_LOCAL here: loaders that could ship client-level rows (Explore,
      // notebooks) serve them only to the local preview.
      env: {...process.env, SEG_LOCAL: undefined, SEG_ROOT: path.relative(repoRoot, root), SEG_OUTPUT: path.relative(repoRoot, output), OBSERVABLE_TELEMETRY_DISABLE: "1"},
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
async function forgetLocalOnlyData(cache = frameworkDataCache): Promise<void> {
  await rm(path.join(cache, "data", "explore.json"), {force: true});
  await rm(path.join(cache, "notebooks"), {recursive: true, force: true});
}

main(async () => {
  if (await relaunchedWithMallocTuning()) return;
  const args = parseArgs(process.argv.slice(2), {booleans: ["isolated"]});
  const out = typeof args.out === "string" ? path.resolve(args.out) : dist;
  const {key, reused} = await ensurePipeline();
  // --isolated: build from a copy of src/ beside it (so relative imports of
  // loaders/ still resolve) with a cache of its own, for a second site (an
  // example extract, a test) built while the main site's cache is in use.
  const root = args.isolated === true ? path.join(repoRoot, `.isolated-${key}`) : path.join(repoRoot, "src");
  if (args.isolated === true) {
    await rm(root, {recursive: true, force: true});
    await cp(path.join(repoRoot, "src"), root, {recursive: true, filter: (source) => !source.includes(`${path.sep}.observablehq`)});
  } else {
    const cleared = await syncFrameworkCache(key);
    if (cleared) process.stderr.write(`[build] site data cache cleared\n`);
  }
  process.stderr.write(`[build] pipeline ${reused ? "current" : "recomputed"} (${key})\n`);
  const cache = path.join(root, ".observablehq", "cache");
  const staging = path.join(path.dirname(out), `.building-${path.basename(out)}`);
  await forgetLocalOnlyData(cache);
  await rm(staging, {recursive: true, force: true});
  try {
    const code = await observableBuild(staging, root);
    await forgetLocalOnlyData(cache);
    if (code !== 0 || !existsSync(path.join(staging, "index.html"))) {
      await rm(staging, {recursive: true, force: true});
      throw new Error(`observable build failed (exit ${code}); ${path.relative(repoRoot, out) || out} was left as it was`);
    }
    await rm(out, {recursive: true, force: true});
    await rename(staging, out);
  } finally {
    if (args.isolated === true) await rm(root, {recursive: true, force: true});
  }
  process.stderr.write(`[build] site written to ${path.relative(repoRoot, out) || out}\n`);
});
