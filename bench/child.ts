// Every measured job runs as a child process, so that its peak memory is its
// own and not the bench runner's. bench/peakMemory.ts says how the peak is
// measured: GNU time where there is one, else each process's own report.

import {spawn} from "node:child_process";
import path from "node:path";
import {nodeBinScript} from "../loaders/cli/nodeBin.js";
import {cpuSeconds, gnuTime, isMeasuringLine, peakReportingEnv, peakRssKb, peakSource} from "./peakMemory.js";

export const repoRoot = path.resolve(import.meta.dirname, "..");
export const benchOut = path.join(repoRoot, "bench", "out");
export const tsxBin = path.join(repoRoot, "node_modules", ".bin", "tsx");

export const gnuTimeAvailable = peakSource === "gnu-time";

export interface ChildRun {
  /** Wall-clock seconds from spawn to exit, measured by the runner. */
  seconds: number;
  /** Peak RSS of the child in bytes (bench/peakMemory.ts), else the job's own report; undefined when neither is known. */
  peakRssBytes: number | undefined;
  /** User + system CPU seconds of the child and everything it waited for (bench/peakMemory.ts); undefined when unknown. */
  cpuSeconds: number | undefined;
  stdout: string;
  stderr: string;
  /** The last line of stdout that parses as a JSON object (a job's result), if any. */
  result: Record<string, unknown> | undefined;
  /** stderr lines with the seconds since spawn at which each arrived. */
  stderrLines: {at: number; line: string}[];
}

export interface ChildOptions {
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** Echo the child's stderr lines, indented, as they come (progress of long jobs). */
  echo?: boolean;
}

/** Runs `command args…`, measured (GNU time or self-reports); throws with the child's stderr tail on a non-zero exit. */
export function runChild(command: string, args: readonly string[], {env = process.env, cwd = repoRoot, echo = false}: ChildOptions = {}): Promise<ChildRun> {
  const [file, argv] = gnuTimeAvailable ? [gnuTime, ["-v", command, ...args]] : [command, [...args]];
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(file, argv, {cwd, env: peakReportingEnv(env as NodeJS.ProcessEnv), stdio: ["ignore", "pipe", "pipe"]});
    let stdout = "";
    let stderr = "";
    let pending = "";
    const stderrLines: ChildRun["stderrLines"] = [];
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
      pending += chunk;
      const lines = pending.split("\n");
      pending = lines.pop()!;
      const at = (performance.now() - started) / 1000;
      for (const line of lines) {
        stderrLines.push({at, line});
        // The measuring's own lines are parsed, not shown.
        if (echo && !isMeasuringLine(line)) process.stderr.write(`    ${line}\n`);
      }
    });
    child.on("error", reject);
    child.on("close", (code) => {
      const seconds = (performance.now() - started) / 1000;
      if (pending) stderrLines.push({at: seconds, line: pending});
      const result = lastJson(stdout);
      const reportedKb = typeof result?.maxRssKb === "number" ? result.maxRssKb : undefined;
      const peakKb = peakRssKb(stderr) ?? reportedKb;
      if (code !== 0) {
        const tail = stderr.split("\n").filter((l) => !isMeasuringLine(l)).slice(-15).join("\n");
        reject(new Error(`${path.basename(command)} ${args.join(" ")} exited with ${code}\n${tail}`));
        return;
      }
      resolve({seconds, peakRssBytes: peakKb === undefined ? undefined : peakKb * 1024, cpuSeconds: cpuSeconds(stderr), stdout, stderr, result, stderrLines});
    });
  });
}

/** Runs a TypeScript job under tsx: `node <tsx's cli> <file> <args>` (no shell script, so it runs on Windows too). */
export function runTsJob(file: string, args: readonly string[] = [], options: ChildOptions = {}): Promise<ChildRun> {
  return runChild(process.execPath, [nodeBinScript("tsx"), path.resolve(repoRoot, file), ...args], options);
}

function lastJson(stdout: string): Record<string, unknown> | undefined {
  const lines = stdout.trim().split("\n").reverse();
  for (const line of lines) {
    if (!line.startsWith("{")) continue;
    try {
      return JSON.parse(line);
    } catch {
      // not the result line
    }
  }
  return undefined;
}
