// Shared by the src/data loaders: print one of the pipeline's site files.

import {readFile} from "node:fs/promises";
import path from "node:path";
import {ensurePipeline} from "./ensure.js";

export async function printSiteFile(name: string): Promise<void> {
  const {dir} = await ensurePipeline();
  const text = await readFile(path.join(dir, "site", `${name}.json`), "utf8");
  if (!text.trim()) throw new Error(`empty dataset: ${name}.json`);
  process.stdout.write(text);
}
