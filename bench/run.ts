// npm run bench -- [--only pipeline|segment|whatif|pages] [--scale large]
//                  [--bank demo] [--rounds N]
//                  [--memory-limit 3GB] [--spill-dir dir] [--dist dir]
// Runs the benchmarks (all by default), prints a summary table and writes
// bench/out/results.json. Targets print PASS or MISS and never fail the run;
// a benchmark that throws is reported and the others still run.
// The pipeline benchmark ends with the three-way comparison of issue 18
// (pipeline, floor, pandas peer: bench/threeWay.ts) on the 10 M bank, in N
// alternating rounds; --bank demo runs that comparison alone, on the demo bank.
// --scale large runs only the pipeline benchmark, at ~100 M transactions / 2 M
// clients, with a DuckDB memory limit and a spill directory (bench/out/spill
// unless --spill-dir). docs/benchmarks.md explains every number.

import {existsSync, mkdirSync, readFileSync, writeFileSync} from "node:fs";
import os from "node:os";
import path from "node:path";
import {main, parseArgs} from "../loaders/cli/args.js";
import {benchOut, gnuTimeAvailable, repoRoot} from "./child.js";
import {pagesBench} from "./pages.js";
import {peakSourceLabel, peakSource} from "./peakMemory.js";
import {pipelineBench} from "./pipeline.js";
import {formatBytes, formatRatio, formatSeconds, type BenchResult} from "./results.js";
import {segmentBench} from "./segment.js";
import {alongside, largeScaleStanding, threeWayBench, type ThreeWayBank} from "./threeWay.js";
import {whatifBench} from "./whatif.js";

const benches = ["pipeline", "segment", "whatif", "pages"] as const;
type BenchName = (typeof benches)[number];

const log = (line: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);

main(async () => {
  const args = parseArgs(process.argv.slice(2));
  const only = typeof args.only === "string" ? args.only : undefined;
  if (only !== undefined && !benches.includes(only as BenchName)) throw new Error(`invalid --only: ${only} (one of ${benches.join(", ")})`);
  const scale = args.scale ?? "default";
  if (scale !== "default" && scale !== "large") throw new Error(`invalid --scale: ${scale} (default or large)`);
  const text = (name: string) => (typeof args[name] === "string" ? (args[name] as string) : undefined);
  const bank = text("bank") ?? "10m";
  if (bank !== "demo" && bank !== "10m") throw new Error(`invalid --bank: ${bank} (demo or 10m)`);
  if (bank === "demo" && scale === "large") throw new Error("invalid --bank: demo does not go with --scale large");
  const rounds = text("rounds") === undefined ? undefined : Number(text("rounds"));
  if (rounds !== undefined && !(Number.isInteger(rounds) && rounds >= 1)) throw new Error(`invalid --rounds: ${text("rounds")} (a whole number ≥ 1)`);
  const selected: BenchName[] = only ? [only as BenchName] : scale === "large" || bank === "demo" ? ["pipeline"] : [...benches];
  if (scale === "large" && only && only !== "pipeline") log(`--scale large applies to the pipeline benchmark only; ${only} runs at its usual size`);
  if (!gnuTimeAvailable) log(`GNU time is not there: peak memory from ${peakSourceLabel[peakSource]}`);

  mkdirSync(benchOut, {recursive: true});
  const started = Date.now();
  const results: BenchResult[] = [];
  for (const name of selected) {
    log(`${name}: starting`);
    const t0 = Date.now();
    const before = os.loadavg()[0];
    let result: BenchResult;
    try {
      result = await runBench(name, {scale, bank, rounds, memoryLimit: text("memory-limit"), spillDir: text("spill-dir"), dist: text("dist")});
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log(`${name}: FAILED: ${message}`);
      result = {bench: name, measurements: [], skipped: `failed: ${message.split("\n")[0]}`};
    }
    result.loadAverage = {before, after: os.loadavg()[0]};
    results.push(result);
    log(`${name}: finished in ${formatSeconds((Date.now() - t0) / 1000)} (1-min load average ${before.toFixed(1)} → ${result.loadAverage.after.toFixed(1)} on ${os.cpus().length} cores)`);
  }

  process.stdout.write(`\n${summaryTable(results)}\n`);
  const file = writeResults(results, {scale, totalSeconds: (Date.now() - started) / 1000});
  process.stdout.write(`\nresults: ${path.relative(repoRoot, file)} (total ${formatSeconds((Date.now() - started) / 1000)})\n`);
});

interface BenchOptions {
  scale: "default" | "large";
  bank: ThreeWayBank;
  rounds?: number;
  memoryLimit?: string;
  spillDir?: string;
  dist?: string;
}

function runBench(name: BenchName, options: BenchOptions): Promise<BenchResult> {
  switch (name) {
    case "pipeline":
      return pipelineWithThreeWay(options);
    case "segment":
      return segmentBench({log});
    case "whatif":
      return whatifBench({log});
    case "pages":
      return pagesBench({dist: options.dist ? path.resolve(options.dist) : undefined, log});
  }
}

/** The pipeline benchmark, then issue 18's three-way comparison; --bank demo: the comparison alone, on the demo bank. */
async function pipelineWithThreeWay({scale, bank, rounds, memoryLimit, spillDir}: BenchOptions): Promise<BenchResult> {
  if (bank === "demo") return threeWayBench({bank, rounds, memoryLimit, log});
  const result = await pipelineBench({scale, memoryLimit, spillDir: spillDir ? path.resolve(spillDir) : undefined, log});
  if (scale === "large") return alongside(result, largeScaleStanding(result));
  try {
    return alongside(result, await threeWayBench({bank, rounds, memoryLimit, log}));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log(`pipeline: three-way comparison FAILED: ${message}`);
    return alongside(result, {bench: "pipeline", measurements: [], notes: [`three-way comparison failed: ${message.split("\n")[0]}`]});
  }
}

export function summaryTable(results: readonly BenchResult[]): string {
  const header = ["bench", "case", "time", "peak memory", "baseline", "ratio", "targets"];
  const rows: string[][] = [];
  const notes: string[] = [];
  for (const result of results) {
    if (result.skipped) rows.push([result.bench, `skipped: ${result.skipped}`, "", "", "", "", ""]);
    for (const m of result.measurements) {
      rows.push([
        result.bench,
        m.name,
        formatSeconds(m.seconds),
        m.peakBytes === undefined ? "—" : `${formatBytes(m.peakBytes)}${m.peakKind === "js-heap" ? " (JS heap)" : ""}`,
        m.baseline ? `${formatSeconds(m.baseline.seconds)} ${m.baseline.name}` : "—",
        formatRatio(m.ratio),
        m.targets.map((t) => `${t.pass ? "PASS" : "MISS"} ${t.label}`).join("; ") || "—",
      ]);
      const stages = m.details?.stages as {stage: string; seconds: number}[] | undefined;
      if (stages?.length) notes.push(`  ${m.name} stages: ${stages.map((s) => `${s.stage} ${formatSeconds(s.seconds)}`).join(", ")}`);
    }
    for (const note of result.notes ?? []) notes.push(`  ${result.bench}: ${note}`);
    if (result.loadAverage) notes.push(`  ${result.bench}: 1-min load average ${result.loadAverage.before.toFixed(1)} → ${result.loadAverage.after.toFixed(1)} (${os.cpus().length} cores)`);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line), ...(notes.length ? ["", ...notes] : [])].join("\n");
}

/** bench/out/results.json: this run's benchmarks replace the same benchmarks of earlier runs; the others are kept. */
function writeResults(results: readonly BenchResult[], {scale, totalSeconds}: {scale: string; totalSeconds: number}): string {
  const file = path.join(benchOut, "results.json");
  let previous: {benchmarks?: Record<string, unknown>} = {};
  try {
    if (existsSync(file)) previous = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    previous = {};
  }
  const measuredAt = new Date().toISOString();
  const benchmarks: Record<string, unknown> = {...(previous.benchmarks ?? {})};
  for (const result of results) benchmarks[scale === "large" && result.bench === "pipeline" ? "pipeline-large" : result.bench] = {...result, measuredAt};
  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    memoryBytes: os.totalmem(),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    peakMemoryFrom: peakSourceLabel[peakSource],
  };
  writeFileSync(file, JSON.stringify({updated: measuredAt, lastRunSeconds: totalSeconds, machine, benchmarks}, null, 2) + "\n");
  return file;
}
