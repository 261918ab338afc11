// The glibc mmap threshold: set on Linux by starting the command again, never
// elsewhere; the relaunched command's exit code (or signal) is the command's.
import {spawnSync} from "node:child_process";
import path from "node:path";
import {describe, expect, it} from "vitest";
import {exitCodeOf, mallocSettings, needsMallocRelaunch} from "../../loaders/engine/mallocTuning.js";
import {nodeBinScript} from "../../loaders/cli/nodeBin.js";

const repoRoot = path.resolve(import.meta.dirname, "..", "..");

describe("needsMallocRelaunch", () => {
  it("relaunches on Linux when the threshold is not set", () => {
    expect(needsMallocRelaunch({platform: "linux", env: {}})).toBe(true);
  });
  it("never relaunches on Windows or macOS, whose allocators ignore the setting", () => {
    expect(needsMallocRelaunch({platform: "win32", env: {}})).toBe(false);
    expect(needsMallocRelaunch({platform: "darwin", env: {}})).toBe(false);
  });
  it("does not relaunch the relaunched process (the threshold is set), nor with SEG_MALLOC_TUNING=0", () => {
    expect(needsMallocRelaunch({platform: "linux", env: {...mallocSettings}})).toBe(false);
    expect(needsMallocRelaunch({platform: "linux", env: {MALLOC_MMAP_THRESHOLD_: "65536"}})).toBe(false);
    expect(needsMallocRelaunch({platform: "linux", env: {SEG_MALLOC_TUNING: "0"}})).toBe(false);
    expect(needsMallocRelaunch({platform: "linux", env: {SEG_MALLOC_TUNING: "1"}})).toBe(true);
  });
});

describe("exitCodeOf", () => {
  it("passes an exit code through, zero included", () => {
    expect(exitCodeOf(0, null)).toBe(0);
    expect(exitCodeOf(3, null)).toBe(3);
  });
  it("reports a signal as 128 + its number, as a shell does", () => {
    expect(exitCodeOf(null, "SIGTERM")).toBe(143);
    expect(exitCodeOf(null, "SIGKILL")).toBe(137);
    expect(exitCodeOf(null, "SIGINT")).toBe(130);
  });
});

function runCommand(args: string[], env: NodeJS.ProcessEnv = {}) {
  // The test's own environment may carry the settings (vitest started by a tuned command): drop them.
  const childEnv = {...process.env};
  for (const name of [...Object.keys(mallocSettings), "SEG_MALLOC_TUNING"]) delete childEnv[name];
  Object.assign(childEnv, env);
  return spawnSync(process.execPath, [nodeBinScript("tsx"), path.join(repoRoot, "test", "support", "mallocChild.ts"), ...args], {
    cwd: repoRoot,
    env: childEnv,
    encoding: "utf8",
  });
}

describe.skipIf(process.platform !== "linux")("relaunchedWithMallocTuning on Linux", () => {
  it("runs the command once, in a second process that has the threshold", () => {
    const run = runCommand(["exit", "0"]);
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`threshold ${mallocSettings.MALLOC_MMAP_THRESHOLD_}$`));
  });
  it("ends with the relaunched command's exit code", () => {
    expect(runCommand(["exit", "7"]).status).toBe(7);
  });
  it("ends with 128 + the signal when the relaunched command is killed", () => {
    const run = runCommand(["signal", "SIGTERM"]);
    expect(run.status).toBe(143);
  });
  it("runs in place, untuned, with SEG_MALLOC_TUNING=0", () => {
    const run = runCommand(["exit", "5"], {SEG_MALLOC_TUNING: "0"});
    expect(run.status).toBe(5);
    expect(run.stdout.trim()).toMatch(/threshold unset$/);
  });
});
