// npm run dev -- [--port 3000] [--host 127.0.0.1]: the live preview.
//
// Framework re-runs a data loader only when the loader file itself changes,
// so it would never notice a changed configuration or extract. This command
// watches both; on a change it brings the pipeline outputs up to date and then
// touches the data loaders, and Framework's preview re-runs them and updates
// the open pages in place, without a restart.

import {spawn} from "node:child_process";
import {existsSync, watch, type FSWatcher} from "node:fs";
import {readdir, utimes} from "node:fs/promises";
import path from "node:path";
import {loadConfig} from "../config/index.js";
import {ensurePipeline} from "../pipeline/ensure.js";
import {repoRoot} from "../pipeline/run.js";
import {main, parseArgs} from "./args.js";
import {syncFrameworkCache} from "../pipeline/frameworkCache.js";
import {relaunchedWithMallocTuning} from "../engine/mallocTuning.js";
import {nodeBinCommand} from "./nodeBin.js";

const loaderDirs = [path.join(repoRoot, "src", "data"), path.join(repoRoot, "src", "notebooks", "data")];
const settleMs = 400; // editors write a file in several steps

async function touchLoaders(): Promise<number> {
  const now = new Date();
  let touched = 0;
  for (const dir of loaderDirs) {
    if (!existsSync(dir)) continue;
    for (const name of await readdir(dir)) {
      if (!/\.(json|csv|parquet)\.ts$/.test(name)) continue;
      await utimes(path.join(dir, name), now, now);
      ++touched;
    }
  }
  return touched;
}

main(async () => {
  if (await relaunchedWithMallocTuning()) return;
  const args = parseArgs(process.argv.slice(2));
  const log = (m: string) => process.stderr.write(`[dev] ${m}\n`);
  const first = await ensurePipeline();
  await syncFrameworkCache(first.key);

  const preview = spawn(
    ...nodeBinCommand("@observablehq/framework", "observable", ["preview", "--no-open", "--port", String(args.port ?? 3000), "--host", String(args.host ?? "127.0.0.1")]),
    // SEG_LOCAL: only this local preview may serve client-level samples
    // (Explore, notebooks); every other build gets their refusal.
    {cwd: repoRoot, stdio: "inherit", env: {...process.env, SEG_LOCAL: "1", OBSERVABLE_TELEMETRY_DISABLE: "1"}}
  );
  preview.on("exit", (code) => process.exit(code ?? 0));
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => preview.kill(signal));

  // What to watch: the configuration file in force and the extract folder it names.
  const loaded = loadConfig({cwd: repoRoot});
  const extractDir = path.resolve(loaded.dir, loaded.config.extract.dir);
  let key = first.key;
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const refresh = (reason: string) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(async () => {
        log(`${reason} changed: updating the pipeline outputs`);
        try {
          const result = await ensurePipeline();
          if (result.key === key) {
            log("outputs unchanged");
            return;
          }
          key = result.key;
          // Record the new key in Framework's cache too, or a later start would
          // take cached loader output for the old configuration as current.
          await syncFrameworkCache(key);
          const n = await touchLoaders();
          log(`outputs ${key} ready; ${n} data loaders re-run by the preview`);
        } catch (error) {
          // Keep serving the last good outputs; say why the new ones failed.
          log(`update failed, still showing the previous outputs: ${(error as Error).message}`);
        }
      });
    }, settleMs);
  };
  // The folder, not the file: editors often save by writing a new file and
  // renaming it over the old one, which ends a watch on the old file.
  const configName = path.basename(loaded.path);
  const watchers: FSWatcher[] = [
    watch(path.dirname(loaded.path), (_, name) => name === configName && refresh(path.relative(repoRoot, loaded.path))),
  ];
  if (existsSync(extractDir)) watchers.push(watch(extractDir, {recursive: true}, () => refresh("the extract")));
  log(`watching ${path.relative(repoRoot, loaded.path)} and ${path.relative(repoRoot, extractDir) || extractDir}`);
  process.on("exit", () => watchers.forEach((w) => w.close()));
});
