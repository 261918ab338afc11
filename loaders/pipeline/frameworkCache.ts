// Used by `npm run build` and `npm run dev` once the pipeline outputs are up
// to date: empties Framework's loader cache when they changed, because
// Framework reuses cached loader output without knowing what it was made from.

import {existsSync} from "node:fs";
import {readFile, rm, writeFile, mkdir} from "node:fs/promises";
import path from "node:path";
import {repoRoot} from "./run.js";

export const frameworkDataCache = path.join(repoRoot, "src", ".observablehq", "cache");
const stamp = path.join(frameworkDataCache, "pipeline-key.txt");

export async function syncFrameworkCache(key: string): Promise<boolean> {
  const previous = existsSync(stamp) ? (await readFile(stamp, "utf8")).trim() : null;
  if (previous === key) return false;
  await rm(path.join(frameworkDataCache, "data"), {recursive: true, force: true});
  await mkdir(frameworkDataCache, {recursive: true});
  await writeFile(stamp, key + "\n");
  return true;
}
