// How the bench learns a child's peak memory, on any platform.
//
// - Linux with GNU time (/usr/bin/time, Debian package `time`): `time -v`
//   prints the peak resident set of the child and of every process it waited
//   for (ru_maxrss of the children: the largest one, not their sum).
// - Elsewhere (macOS's /usr/bin/time is BSD's and has no -v; Windows has no
//   time at all), or with SEG_BENCH_PEAK=self: every Node process of the job
//   reports its own process.resourceUsage() when it exits (a module preloaded
//   through NODE_OPTIONS, so it reaches tsx's child and the pipeline's
//   malloc-tuning relaunch too), and Python jobs report resource.getrusage()
//   through a small wrapper. The job's peak is the largest report, the same
//   figure GNU time gives; its CPU time is the sum. Python on Windows has no
//   `resource` module: there the peer's figures stay unknown.

import {existsSync} from "node:fs";
import path from "node:path";
import {pathToFileURL} from "node:url";

export type PeakSource = "gnu-time" | "self-report";

/** `time -v` where it is GNU time, else each process's own report. */
export function peakSourceFor({platform = process.platform, env = process.env, exists = existsSync} = {}): PeakSource {
  if (env.SEG_BENCH_PEAK === "self") return "self-report";
  return platform === "linux" && exists(gnuTime) ? "gnu-time" : "self-report";
}

export const gnuTime = "/usr/bin/time";
export const peakSource = peakSourceFor();

export const peakSourceLabel: Record<PeakSource, string> = {
  "gnu-time": "/usr/bin/time -v (GNU time: largest process of the child's tree)",
  "self-report": "each process's own maxRSS at exit (Node: process.resourceUsage(), Python: resource.getrusage())",
};

// The marker line a process prints on exit: `[seg-usage] <pid> <peak kB> <CPU seconds>`.
const marker = "[seg-usage]";
const reportPattern = /^\[seg-usage\] \d+ (\d+) ([\d.]+)$/;
const preload = path.join(import.meta.dirname, "reportUsage.mjs");

/** The environment a child needs so that its Node processes report their peak (self-report mode only). */
export function peakReportingEnv(env: NodeJS.ProcessEnv, source: PeakSource = peakSource): NodeJS.ProcessEnv {
  if (source !== "self-report") return env;
  // A file: URL, so that spaces and backslashes in a Windows path survive NODE_OPTIONS.
  const flag = `--import=${pathToFileURL(preload).href}`;
  return {...env, NODE_OPTIONS: [env.NODE_OPTIONS, flag].filter(Boolean).join(" ")};
}

/**
 * Arguments for `python <args>` that run `script` as __main__ and, in
 * self-report mode, print the interpreter's peak on exit. ru_maxrss is in kB
 * on Linux and in bytes on macOS.
 */
export function pythonArgs(script: string, args: readonly string[], source: PeakSource = peakSource): string[] {
  if (source !== "self-report") return [script, ...args];
  const wrapper = [
    "import atexit, os, runpy, sys",
    "def report():",
    "    try:",
    "        import resource",
    "    except ImportError:",
    "        return",
    "    usage = resource.getrusage(resource.RUSAGE_SELF)",
    "    peak = usage.ru_maxrss // 1024 if sys.platform == 'darwin' else usage.ru_maxrss",
    `    sys.stderr.write("${marker} %d %d %.3f\\n" % (os.getpid(), peak, usage.ru_utime + usage.ru_stime))`,
    "atexit.register(report)",
    "sys.argv = sys.argv[1:]",
    "runpy.run_path(sys.argv[0], run_name='__main__')",
  ].join("\n");
  return ["-c", wrapper, script, ...args];
}

/** The peak in kB from a child's stderr, by the given source; undefined when it holds none. */
export function peakRssKb(stderr: string, source: PeakSource = peakSource): number | undefined {
  if (source === "gnu-time") {
    const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
    return match ? Number(match[1]) : undefined;
  }
  const reports = selfReports(stderr);
  return reports.length ? Math.max(...reports.map((r) => r.peakKb)) : undefined;
}

function selfReports(stderr: string): {peakKb: number; cpuSeconds: number}[] {
  return stderr.split(/\r?\n/).flatMap((line) => {
    const match = reportPattern.exec(line);
    return match ? [{peakKb: Number(match[1]), cpuSeconds: Number(match[2])}] : [];
  });
}

/** Lines the measuring adds to a child's stderr, which are parsed and not shown. */
export function isMeasuringLine(line: string): boolean {
  return line.startsWith("\t") || line.startsWith("Command being timed") || line.startsWith(marker);
}

/** User + system CPU seconds of the child and everything it waited for; undefined when nothing reported. */
export function cpuSeconds(stderr: string, source: PeakSource = peakSource): number | undefined {
  if (source === "gnu-time") {
    const user = /User time \(seconds\): ([\d.]+)/.exec(stderr);
    const system = /System time \(seconds\): ([\d.]+)/.exec(stderr);
    return user && system ? Number(user[1]) + Number(system[1]) : undefined;
  }
  const reports = selfReports(stderr);
  return reports.length ? reports.reduce((total, r) => total + r.cpuSeconds, 0) : undefined;
}
