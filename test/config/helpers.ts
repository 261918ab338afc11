import {readFileSync} from "node:fs";
import {expect} from "vitest";
import {ConfigError, parseConfig, type ConfigProblem} from "../../loaders/config/index.js";
import {defaultConfigPath} from "../../loaders/config/resolve.js";

export const defaultYaml = readFileSync(defaultConfigPath, "utf8");

/** The default file with one exact snippet replaced (fails loudly when the snippet is gone). */
export function edit(from: string, to: string, yaml = defaultYaml): string {
  expect(yaml.split(from).length - 1, `snippet occurs once: ${from}`).toBe(1);
  return yaml.replace(from, to);
}

/** 1-based line of the first occurrence of a snippet. */
export function lineOf(yaml: string, snippet: string): number {
  const index = yaml.indexOf(snippet);
  expect(index, `snippet present: ${snippet}`).toBeGreaterThanOrEqual(0);
  return yaml.slice(0, index).split("\n").length;
}

export function problemsOf(yaml: string, file = "data/config.yaml"): ConfigProblem[] {
  try {
    parseConfig(yaml, {file});
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return [...(error as ConfigError).problems];
  }
  throw new Error("expected a ConfigError");
}

export function problemAt(problems: readonly ConfigProblem[], path: string): ConfigProblem {
  const found = problems.find((p) => p.path === path);
  expect(found, `a problem at ${path} among:\n${problems.map((p) => `${p.path}: ${p.message}`).join("\n")}`).toBeDefined();
  return found!;
}
