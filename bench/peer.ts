// The peer: what a bank analyst would write instead of this workspace, a
// pandas + scikit-learn script that computes the same features, tiers, RFM,
// clusters and transition matrices (../shared/reference/README.md). It is a
// measuring stick, run from where it lies with Debian's Python; it is never
// copied into the project.
//   SEG_PEER_PYTHON   the interpreter (default /usr/bin/python3: Debian's, with
//                     python3-pandas, python3-sklearn, python3-yaml)
//   SEG_PEER_SCRIPT   the script (default ../shared/reference/pandas_sklearn_pipeline.py)

import {spawnSync} from "node:child_process";
import {existsSync} from "node:fs";
import path from "node:path";
import {repoRoot, runChild, type ChildRun} from "./child.js";
import {pythonArgs} from "./peakMemory.js";

export const peerName = "pandas + scikit-learn";

// The Debian packages that hold each module the script imports. yaml is
// optional to the script, but without it the script quietly uses its built-in
// defaults instead of the bench's configuration: not a fair comparison.
const modules = {pandas: "python3-pandas", sklearn: "python3-sklearn", yaml: "python3-yaml"} as const;

export type PeerSetup = {available: true; python: string; script: string} | {available: false; why: string};

/** Whether the peer can run here, and if not, why, in one sentence. */
export function peerSetup({env = process.env} = {}): PeerSetup {
  const python = env.SEG_PEER_PYTHON ?? "/usr/bin/python3";
  const script = path.resolve(repoRoot, env.SEG_PEER_SCRIPT ?? path.join("..", "shared", "reference", "pandas_sklearn_pipeline.py"));
  if (!existsSync(script)) return {available: false, why: `the reference script is missing (${script}; set SEG_PEER_SCRIPT)`};
  if (!existsSync(python)) return {available: false, why: `${python} is missing (Debian's Python; or set SEG_PEER_PYTHON)`};
  const probe = spawnSync(python, ["-c", `import importlib.util as u; print(" ".join(m for m in ${JSON.stringify(Object.keys(modules))} if u.find_spec(m) is None))`], {
    encoding: "utf8",
  });
  if (probe.status !== 0) return {available: false, why: `${python} does not run: ${(probe.stderr || String(probe.error)).trim().split("\n").at(-1)}`};
  const missing = probe.stdout.trim().split(/\s+/).filter(Boolean) as (keyof typeof modules)[];
  if (missing.length) {
    const packages = missing.map((m) => modules[m]).join(" ");
    return {available: false, why: `${python} lacks ${missing.join(", ")} (apt-get install ${packages})`};
  }
  return {available: true, python, script};
}

/** Runs the peer on an extract with a configuration; its outputs go to `outDir` (CSV: Debian has no pyarrow). */
export function runPeer(setup: {python: string; script: string}, {extractDir, configFile, outDir}: {extractDir: string; configFile: string; outDir: string}): Promise<ChildRun> {
  const args = ["--extract", extractDir, "--out", outDir, "--config", configFile, "--format", "csv"];
  return runChild(setup.python, pythonArgs(setup.script, args));
}

/**
 * The peer's stage times from its stderr. It prints a line as each stage
 * ENDS, `[   13.1s] features`, with seconds since its imports finished, so a
 * stage lasts from the line before it. Python's start and the imports of
 * pandas and scikit-learn come before its clock: `startup` is the rest of the
 * wall time, measured by the runner.
 */
export function peerStages(lines: readonly string[], wallSeconds?: number): {stage: string; seconds: number}[] {
  const round = (seconds: number) => Math.round(seconds * 10) / 10;
  let previous = 0;
  const stages = lines.flatMap((line) => {
    const match = /^\[\s*(\d+(?:\.\d+)?)s\]\s+(\S.*)$/.exec(line);
    if (!match) return [];
    const at = Number(match[1]);
    const stage = {stage: match[2], seconds: round(at - previous)};
    previous = at;
    return [stage];
  });
  if (wallSeconds !== undefined && stages.length) stages.unshift({stage: "startup", seconds: round(Math.max(0, wallSeconds - previous))});
  return stages;
}
