// The report is printed from the built site, so dist/ must hold the quarter's
// page; when it does not, `npm run build` makes it (pipeline included).

import {spawn} from "node:child_process";
import {existsSync} from "node:fs";
import path from "node:path";
import {repoRoot} from "../pipeline/run.js";

export function reportPagePath(dist: string, quarter: string): string {
  return path.join(dist, "reports", `${quarter}.html`);
}

function npmRunBuild(): Promise<number> {
  return new Promise((resolve, reject) => {
    // Build output goes to stderr so that the report command's stdout stays one line.
    const child = spawn("npm", ["run", "build"], {cwd: repoRoot, stdio: ["ignore", process.stderr, "inherit"]});
    child.on("error", reject);
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

/** Builds the site when the quarter's report page is missing; returns whether it built. */
export async function ensureReportPage(quarter: string, {dist = path.join(repoRoot, "dist"), onProgress = (_: string) => {}} = {}): Promise<boolean> {
  if (existsSync(reportPagePath(dist, quarter))) return false;
  onProgress(`dist/reports/${quarter}.html is missing: running npm run build`);
  const code = await npmRunBuild();
  if (code !== 0) throw new Error(`npm run build failed (exit ${code})`);
  return true;
}
