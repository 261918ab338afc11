// glibc's malloc hands out DuckDB's buffer blocks (256 KiB) with mmap only
// until the first such block is freed: its "dynamic mmap threshold" then
// rises, later blocks come from the heap, and freed heap blocks stay in the
// process. RSS then drifts above DuckDB's memory limit. A fixed threshold keeps
// the blocks mmapped, so what DuckDB frees goes back to the system (on the
// 100 M-transaction bank, about 0.1 GiB less at the peak of validation).
// The setting is read when a process starts, so the commands that run the
// engine start themselves again with it.

import {spawn} from "node:child_process";
import {constants} from "node:os";

export const mallocSettings = {MALLOC_MMAP_THRESHOLD_: String(128 * 1024)};

/**
 * Whether this process should start again with the settings: only on Linux
 * (glibc reads them; macOS and Windows have their own allocators and ignore
 * them), only when they are not set yet (the relaunched process is then the
 * one that works), and never with SEG_MALLOC_TUNING=0.
 */
export function needsMallocRelaunch({platform = process.platform, env = process.env as Record<string, string | undefined>} = {}): boolean {
  if (platform !== "linux" || env.SEG_MALLOC_TUNING === "0") return false;
  return Object.keys(mallocSettings).some((k) => env[k] === undefined);
}

/** A child's exit as this process's exit code: its own code, else 128 + the signal's number, as a shell reports it. */
export function exitCodeOf(code: number | null, signal: NodeJS.Signals | null): number {
  return code ?? 128 + (signal ? constants.signals[signal] : 1);
}

/**
 * When needsMallocRelaunch(): runs this command again with the settings and
 * resolves to true once that run ended (its exit code is this process's).
 * Otherwise resolves to false at once and the caller goes on.
 */
export async function relaunchedWithMallocTuning(): Promise<boolean> {
  if (!needsMallocRelaunch()) return false;
  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {stdio: "inherit", env: {...process.env, ...mallocSettings}});
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, forward);
  process.exitCode = await new Promise<number>((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve(exitCodeOf(code, signal)));
  });
  return true;
}
