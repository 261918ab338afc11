// Readers must never find half a PDF: write beside the target, then rename.

import {mkdir, rename, rm} from "node:fs/promises";
import path from "node:path";

export async function writeAtomic(target: string, write: (temporary: string) => Promise<void>): Promise<void> {
  await mkdir(path.dirname(target), {recursive: true});
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    await write(temporary);
    await rename(temporary, target);
  } finally {
    await rm(temporary, {force: true});
  }
}
