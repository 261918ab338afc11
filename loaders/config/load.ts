// Read, parse and validate the configuration file.

import {existsSync, readFileSync} from "node:fs";
import {dirname, isAbsolute, relative} from "node:path";
import {LineCounter, parseDocument} from "yaml";
import {formatPath} from "../../src/config/path.js";
import type {Config} from "../../src/config/schema.js";
import {validateConfig} from "../../src/config/validate.js";
import {contractCheckOptions} from "./contract.js";
import {ConfigError, type ConfigProblem} from "./errors.js";
import {configHash} from "./hash.js";
import {positionOf} from "./positions.js";
import {resolveConfigPath, type ConfigSource, type ResolveOptions} from "./resolve.js";

export interface LoadedConfig {
  config: Config;
  /** Absolute path of the file read. */
  path: string;
  /** Its folder: relative paths in the file (extract.dir) are relative to it. */
  dir: string;
  /** configHash(config): outputs are keyed by it. */
  hash: string;
  /** Where the path came from. */
  source: ConfigSource;
}

/**
 * Loads the configuration named by `path` (--config), else env.SEG_CONFIG, else
 * data/config.default.yaml. Throws a ConfigError listing every problem.
 */
export function loadConfig({path, env = process.env, cwd = process.cwd()}: ResolveOptions = {}): LoadedConfig {
  const resolved = resolveConfigPath({path, env, cwd});
  const file = displayPath(resolved.path, cwd);
  if (!existsSync(resolved.path)) {
    const named = resolved.source === "SEG_CONFIG" ? `SEG_CONFIG=${env.SEG_CONFIG}` : resolved.source === "--config" ? `--config ${path}` : "the default";
    throw new ConfigError([{file, path: "", message: `file not found (named by ${named})`}], {file});
  }
  const config = parseConfig(readFileSync(resolved.path, "utf8"), {file});
  return {config, path: resolved.path, dir: dirname(resolved.path), hash: configHash(config), source: resolved.source};
}

/** Parses and validates configuration text; `file` only labels the messages. */
export function parseConfig(text: string, {file = "configuration"}: {file?: string} = {}): Config {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {lineCounter, prettyErrors: false});
  if (doc.errors.length) {
    throw new ConfigError(
      doc.errors.map((error) => {
        const {line, col} = lineCounter.linePos(error.pos[0]);
        return {file, line, column: col, path: "", message: `YAML syntax error: ${error.message.split("\n")[0]}`};
      }),
      {file}
    );
  }
  if (doc.contents === null) throw new ConfigError([{file, path: "", message: "the file is empty; expected the configuration (see data/config.default.yaml)"}], {file});
  let input: unknown;
  try {
    input = doc.toJS();
  } catch (error) {
    throw new ConfigError([{file, path: "", message: `YAML error: ${(error as Error).message}`}], {file});
  }
  const {config, issues} = validateConfig(input, contractCheckOptions);
  if (config) return config;
  const problems: ConfigProblem[] = issues.map((issue) => {
    const position = positionOf(doc, lineCounter, issue.path, {at: issue.at});
    return {file, line: position?.line, column: position?.column, path: formatPath(issue.path), message: issue.message};
  });
  throw new ConfigError(sortByPosition(problems), {file});
}

function sortByPosition(problems: ConfigProblem[]): ConfigProblem[] {
  const key = (p: ConfigProblem) => (p.line ?? Infinity) * 1e4 + (p.column ?? 0);
  return problems.map((p, i) => [p, i] as const).sort(([a, i], [b, j]) => key(a) - key(b) || i - j).map(([p]) => p);
}

function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : path;
}
