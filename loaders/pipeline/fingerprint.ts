// Content keys for pipeline outputs. Framework's loader cache only looks at
// the loader file's own timestamp, so the workspace keys everything it writes
// by what it was made from: the configuration, the extract and the code.

import {createHash} from "node:crypto";
import {createReadStream} from "node:fs";
import {readdir, readFile, stat} from "node:fs/promises";
import path from "node:path";

export async function fileDigest(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** Digest of every file under the folders, by relative path and content. */
export async function treeDigest(root: string, folders: readonly string[], {extensions = [".ts", ".sql", ".yaml", ".json"]} = {}): Promise<string> {
  const hash = createHash("sha256");
  for (const folder of folders) {
    for (const file of (await listFiles(path.join(root, folder))).sort()) {
      if (!extensions.some((e) => file.endsWith(e))) continue;
      hash.update(path.relative(root, file) + "\0");
      hash.update(await readFile(file));
      hash.update("\0");
    }
  }
  return hash.digest("hex");
}

async function listFiles(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, {withFileTypes: true});
  } catch {
    return [];
  }
  const files: string[] = [];
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) files.push(...(await listFiles(full)));
    else if (e.isFile()) files.push(full);
  }
  return files;
}

/** Digest of the extract folder: every file's name, size and content. */
export async function extractDigest(dir: string): Promise<string> {
  const hash = createHash("sha256");
  for (const file of (await listFiles(dir)).sort()) {
    const {size} = await stat(file);
    hash.update(`${path.relative(dir, file)}\0${size}\0${await fileDigest(file)}\0`);
  }
  return hash.digest("hex");
}

export function combine(...parts: string[]): string {
  return createHash("sha256").update(parts.join("\0")).digest("hex").slice(0, 16);
}
