// Peak memory of benchmark jobs: GNU time on Linux, each process's own report
// elsewhere. Both are checked here, the second by really running Node and
// Python children with it.
import {spawnSync} from "node:child_process";
import {existsSync, mkdtempSync, writeFileSync} from "node:fs";
import os from "node:os";
import path from "node:path";
import {describe, expect, it} from "vitest";
import {cpuSeconds, isMeasuringLine, peakReportingEnv, peakRssKb, peakSourceFor, pythonArgs} from "../../bench/peakMemory.js";

const gnuTimeReport = [
  "\tCommand being timed: \"node x.js\"",
  "\tUser time (seconds): 10.25",
  "\tSystem time (seconds): 1.50",
  "\tMaximum resident set size (kbytes): 2129920",
].join("\n");

describe("peakSourceFor", () => {
  it("uses GNU time on Linux when /usr/bin/time is there", () => {
    expect(peakSourceFor({platform: "linux", env: {}, exists: () => true})).toBe("gnu-time");
    expect(peakSourceFor({platform: "linux", env: {}, exists: () => false})).toBe("self-report");
  });
  it("never runs macOS's BSD time with GNU's -v, nor looks for time on Windows", () => {
    expect(peakSourceFor({platform: "darwin", env: {}, exists: () => true})).toBe("self-report");
    expect(peakSourceFor({platform: "win32", env: {}, exists: () => true})).toBe("self-report");
  });
  it("takes self-reports when SEG_BENCH_PEAK=self, to check them against GNU time", () => {
    expect(peakSourceFor({platform: "linux", env: {SEG_BENCH_PEAK: "self"}, exists: () => true})).toBe("self-report");
  });
});

describe("reading the reports", () => {
  it("reads GNU time's peak and CPU", () => {
    expect(peakRssKb(gnuTimeReport, "gnu-time")).toBe(2129920);
    expect(cpuSeconds(gnuTimeReport, "gnu-time")).toBeCloseTo(11.75, 6);
  });
  it("takes the largest self-report as the peak (processes of a tree are not summed) and sums their CPU", () => {
    const stderr = "progress\n[seg-usage] 11 61000 0.200\n[seg-usage] 12 905000 14.500\r\n[seg-usage] 10 58000 0.300\n";
    expect(peakRssKb(stderr, "self-report")).toBe(905000);
    expect(cpuSeconds(stderr, "self-report")).toBeCloseTo(15, 6);
  });
  it("knows nothing when nothing was reported", () => {
    expect(peakRssKb("no report", "self-report")).toBeUndefined();
    expect(cpuSeconds("no report", "gnu-time")).toBeUndefined();
  });
  it("hides the measuring's own lines from the job's progress", () => {
    expect(isMeasuringLine("[seg-usage] 1 2 3")).toBe(true);
    expect(isMeasuringLine("\tMaximum resident set size (kbytes): 1")).toBe(true);
    expect(isMeasuringLine("[   1.2s] extract: reading clients")).toBe(false);
  });
});

describe("self-reports from real children", () => {
  it("reach every Node process through NODE_OPTIONS, existing options kept", () => {
    const env = peakReportingEnv({...process.env, NODE_OPTIONS: "--max-old-space-size=4096"}, "self-report");
    expect(env.NODE_OPTIONS).toMatch(/^--max-old-space-size=4096 --import=file:\/\//);
    // A parent that holds ~200 MB and a child that holds little: the peak is the parent's.
    const code = `const keep = Buffer.alloc(200 * 1024 * 1024, 1); require("node:child_process").spawnSync(process.execPath, ["-e", "1"], {stdio: "inherit"}); process.exitCode = keep[0] + 2;`;
    const run = spawnSync(process.execPath, ["-e", code], {env, encoding: "utf8"});
    expect(run.status).toBe(3);
    const reports = run.stderr.split("\n").filter((line) => line.startsWith("[seg-usage]"));
    expect(reports).toHaveLength(2);
    expect(peakRssKb(run.stderr, "self-report")).toBeGreaterThan(200 * 1024);
    expect(cpuSeconds(run.stderr, "self-report")).toBeGreaterThan(0);
  });
  it("leave the environment alone when GNU time measures", () => {
    const env = {PATH: "/bin"};
    expect(peakReportingEnv(env, "gnu-time")).toBe(env);
  });
  it.skipIf(!existsSync("/usr/bin/python3"))("wrap a Python script: its arguments, exit code and peak", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "peak-"));
    const script = path.join(dir, "job.py");
    writeFileSync(script, "import sys\nkeep = bytearray(150 * 1024 * 1024)\nprint(' '.join(sys.argv[1:]))\nsys.exit(4)\n");
    const run = spawnSync("/usr/bin/python3", pythonArgs(script, ["--extract", "a b"], "self-report"), {encoding: "utf8"});
    expect(run.stdout.trim()).toBe("--extract a b");
    expect(run.status).toBe(4);
    expect(peakRssKb(run.stderr, "self-report")).toBeGreaterThan(150 * 1024);
    expect(pythonArgs(script, ["x"], "gnu-time")).toEqual([script, "x"]);
  });
});
