// The report is printed from the built site, so dist/ must hold the quarter's
// page; when it does not, the build command (`npm run build`) makes it,
// pipeline included. It runs as `node <tsx> loaders/cli/build.ts`, not through
// npm, which is npm.cmd on Windows and cannot be spawned without a shell.

import {spawn} from "node:child_process";
import {existsSync} from "node:fs";
import path from "node:path";
import {repoRoot} from "../pipeline/run.js";
import {nodeBinCommand} from "../cli/nodeBin.js";

export function reportPagePath(dist: string, quarter: string): string {
  return path.join(dist, "reports", `${quarter}.html`);
}

function runBuild(): Promise<number> {
  return new Promise((resolve, reject) => {
    // Build output goes to stderr so that the report command's stdout stays one line.
    const build = nodeBinCommand("tsx", "tsx", [path.join(repoRoot, "loaders", "cli", "build.ts")]);
    const child = spawn(...build, {cwd: repoRoot, stdio: ["ignore", process.stderr, "inherit"]});
    child.on("error", reject);
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

/** Builds the site when the quarter's report page is missing; returns whether it built. */
export async function ensureReportPage(quarter: string, {dist = path.join(repoRoot, "dist"), onProgress = (_: string) => {}} = {}): Promise<boolean> {
  if (existsSync(reportPagePath(dist, quarter))) return false;
  onProgress(`dist/reports/${quarter}.html is missing: running npm run build`);
  const code = await runBuild();
  if (code !== 0) throw new Error(`npm run build failed (exit ${code})`);
  return true;
}
