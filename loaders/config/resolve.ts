// Which configuration file to read: --config, else $SEG_CONFIG, else the
// default that ships with the workspace.

import {resolve} from "node:path";
import {fileURLToPath} from "node:url";

export type ConfigSource = "--config" | "SEG_CONFIG" | "default";

/** data/config.default.yaml of this workspace, wherever the process was started. */
export const defaultConfigPath = fileURLToPath(new URL("../../data/config.default.yaml", import.meta.url));

export interface ResolveOptions {
  /** The --config argument, relative to cwd. */
  path?: string;
  env?: Record<string, string | undefined>;
  cwd?: string;
}

export function resolveConfigPath({path, env = process.env, cwd = process.cwd()}: ResolveOptions = {}): {path: string; source: ConfigSource} {
  if (path) return {path: resolve(cwd, path), source: "--config"};
  // An empty SEG_CONFIG= is treated as unset, as shells make that easy to do by accident.
  if (env.SEG_CONFIG) return {path: resolve(cwd, env.SEG_CONFIG), source: "SEG_CONFIG"};
  return {path: defaultConfigPath, source: "default"};
}

/** The value of `--config <file>` or `--config=<file>` in command-line arguments. */
export function configArgument(argv: readonly string[] = process.argv.slice(2)): string | undefined {
  for (let i = 0; i < argv.length; ++i) {
    if (argv[i] === "--config") return argv[i + 1];
    if (argv[i].startsWith("--config=")) return argv[i].slice("--config=".length);
  }
  return undefined;
}
