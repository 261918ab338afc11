// Commands that start another Node program (Framework's `observable`, `tsx`)
// run its JavaScript entry with this Node, never node_modules/.bin/<name>:
// on Windows that file is a shell script, the runnable one is <name>.cmd, and
// Node refuses to spawn .cmd files without a shell. `npm` itself is npm.cmd
// there, so no command spawns npm either.

import {readFileSync} from "node:fs";
import path from "node:path";

const repoRoot = path.resolve(import.meta.dirname, "..", "..");

/** The absolute path of the script a package declares as its bin `name` (the package's own name by default). */
export function nodeBinScript(pkg: string, name = pkg.split("/").at(-1)!, {root = repoRoot} = {}): string {
  const dir = path.join(root, "node_modules", ...pkg.split("/"));
  const {bin} = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as {bin?: string | Record<string, string>};
  // A bin given as a string is named after the package.
  const script = typeof bin === "string" ? (name === pkg.split("/").at(-1) ? bin : undefined) : bin?.[name];
  if (!script) throw new Error(`invalid bin: ${pkg} declares no ${name}`);
  return path.join(dir, script);
}

/** [file, args] that run package `pkg`'s bin `name` with the Node running this process. */
export function nodeBinCommand(pkg: string, name: string, args: readonly string[]): [string, string[]] {
  return [process.execPath, [nodeBinScript(pkg, name), ...args]];
}
