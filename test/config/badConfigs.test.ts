// The corpus of bad configurations (badConfigs.ts): every one fails at load
// with exactly one problem, at the file, line and column of the mistake, with
// its path and the expected message. None loads, so none can silently give a
// different number than the analyst meant.

import {describe, expect, it} from "vitest";
import {badConfigs} from "./badConfigs.js";
import {edit, problemsOf} from "./helpers.js";

const file = "data/config.yaml";

/** 1-based line and column of a text's first occurrence at or after `from`. */
function position(yaml: string, text: string, from: number): {line: number; column: number} {
  const index = yaml.indexOf(text, from);
  expect(index, `"${text}" in the edited file`).toBeGreaterThanOrEqual(0);
  const before = yaml.slice(0, index).split("\n");
  return {line: before.length, column: before.at(-1)!.length + 1};
}

describe("a corpus of bad configurations", () => {
  it("has at least 25 cases, each with its own path and message", () => {
    expect(badConfigs.length).toBeGreaterThanOrEqual(25);
    expect(new Set(badConfigs.map((c) => c.name)).size).toBe(badConfigs.length);
    expect(new Set(badConfigs.map((c) => `${c.path} ${c.message}`)).size).toBe(badConfigs.length);
  });

  for (const bad of badConfigs) {
    it(`refuses at load: ${bad.name}`, () => {
      const yaml = edit(bad.from, bad.to);
      const {line, column} = position(yaml, bad.at, yaml.indexOf(bad.to));
      expect(problemsOf(yaml, file)).toEqual([{file, line, column, path: bad.path, message: bad.message}]);
    });
  }

  it("counts: every case refused with file, line and column, and the did-you-mean cases suggest", () => {
    const refused = badConfigs.filter((bad) => {
      const [problem] = problemsOf(edit(bad.from, bad.to), file);
      return problem.line !== undefined && problem.column !== undefined && problem.file === file;
    });
    expect(refused.length).toBe(badConfigs.length);
    expect(badConfigs.filter((bad) => bad.message.includes("did you mean")).length).toBeGreaterThanOrEqual(10);
  });
});
