// Outputs appear whole or not at all: a run writes into a temporary sibling
// folder and renames it into place only when every step has succeeded.

import {mkdir, rename, rm} from "node:fs/promises";
import path from "node:path";

export async function withAtomicDir<T>(target: string, write: (tmp: string) => Promise<T>): Promise<T> {
  const tmp = path.join(path.dirname(target), `.tmp-${path.basename(target)}-${process.pid}`);
  await rm(tmp, {recursive: true, force: true});
  await mkdir(tmp, {recursive: true});
  try {
    const result = await write(tmp);
    await rm(target, {recursive: true, force: true});
    await rename(tmp, target);
    return result;
  } catch (error) {
    await rm(tmp, {recursive: true, force: true});
    throw error;
  }
}
