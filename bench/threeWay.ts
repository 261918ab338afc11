// Issue 18's three-way comparison, in one run on one bank: the pipeline
// (`npm run pipeline -- --force`), the floor (bench/jobs/floor.ts: DuckDB
// reading the two large CSVs once, typed, grouped per client and quarter) and
// the peer (bench/peer.ts: the pandas + scikit-learn script), each a child
// process, ALTERNATING round by round so that a machine that slows down or
// speeds up meanwhile weighs on all three alike. Each job's time is its median
// over the rounds, its peak memory the largest of its rounds.
//
//   npm run bench -- --only pipeline               10 M bank, after the pipeline benchmark
//   npm run bench -- --only pipeline --bank demo   the demo bank alone (quick)
//   npm run bench -- --only pipeline --rounds 3
//
// At --scale large (100 M) the pipeline benchmark's own run and floor are
// used (largeScaleStanding): a second 17-minute run would add nothing, and the
// peer would need about 30 GiB there.

import {median} from "d3-array";
import {existsSync, mkdirSync, readFileSync, rmSync} from "node:fs";
import path from "node:path";
import {parseConfig} from "../loaders/config/load.js";
import {defaultConfigPath} from "../loaders/config/resolve.js";
import {benchOut, repoRoot, runTsJob, type ChildRun} from "./child.js";
import {peerName, peerSetup, peerStages, runPeer} from "./peer.js";
import {ensureBank, scales, warmPageCache, writeBenchConfig} from "./pipeline.js";
import {against, formatBytes, formatRatio, formatSeconds, GiB, target, type BenchResult, type Measurement, type Target} from "./results.js";
import {parseStages} from "./stages.js";

export type ThreeWayBank = "demo" | "10m";
type Job = "floor" | "pipeline" | "peer";

/** Issue 18's targets, per bank. */
export const threeWayTargets = {
  "10m": {floorRatio: 3, peerSpeedup: 5, peakBytes: 2 * GiB},
  demo: {peerSpeedup: 1},
  "100m": {seconds: 8 * 60, peakBytes: 4 * GiB},
} as const;

export const defaultRounds: Record<ThreeWayBank, number> = {demo: 3, "10m": 2};

/** How the phases of the pipeline and of the peer line up, for the side-by-side stage times. */
const phases = [
  {phase: "read + validate", pipeline: ["setup", "extract", "anonymise"], peer: ["startup", "read"]},
  {phase: "features", pipeline: ["features"], peer: ["features"]},
  {phase: "segmentation", pipeline: ["segmentation"], peer: ["tiers+rfm", "kmeans"]},
  {phase: "publish", pipeline: ["site"], peer: ["migration", "write"]},
];

interface Run {
  job: Job;
  round: number;
  seconds: number;
  peakBytes?: number;
  cpuSeconds?: number;
  stages: {stage: string; seconds: number}[];
}

export interface ThreeWayOptions {
  bank: ThreeWayBank;
  rounds?: number;
  /** DuckDB memory limit for the pipeline (its own default otherwise); the floor keeps 3GB. */
  memoryLimit?: string;
  log?: (line: string) => void;
}

export async function threeWayBench({bank, rounds = defaultRounds[bank], memoryLimit, log = () => {}}: ThreeWayOptions): Promise<BenchResult> {
  const {extractDir, configFile, notes} = await prepareBank(bank, log);
  const peer = peerSetup();
  if (!peer.available) notes.push(`${peerName} peer SKIPPED: ${peer.why}`);
  const jobs: Job[] = peer.available ? ["floor", "pipeline", "peer"] : ["floor", "pipeline"];
  await warmPageCache(extractDir);

  const scratch = path.join(benchOut, `three-way-${bank}`);
  const runs: Run[] = [];
  try {
    for (let round = 1; round <= rounds; ++round) {
      // Each round starts with a different job: none always runs first, on a fresh page cache.
      const order = jobs.map((_, i) => jobs[(i + round - 1) % jobs.length]);
      for (const job of order) {
        rmSync(scratch, {recursive: true, force: true});
        mkdirSync(scratch, {recursive: true});
        const run = await runJob(job, {extractDir, configFile, scratch, memoryLimit, peer});
        runs.push({job, round, ...run});
        log(`three-way ${bank} round ${round}/${rounds}: ${job} ${formatSeconds(run.seconds)}, peak ${formatBytes(run.peakBytes)}`);
      }
    }
  } finally {
    rmSync(scratch, {recursive: true, force: true});
  }
  return summarise(bank, runs, jobs, notes);
}

async function prepareBank(bank: ThreeWayBank, log: (line: string) => void) {
  const notes: string[] = [];
  if (bank === "10m") {
    const {name, bank: options} = scales.default;
    const bankDir = path.join(benchOut, `bank-${name}`);
    const generation = await ensureBank(bankDir, options, log);
    if (generation) notes.push(`10 M bank generated in ${generation.seconds.toFixed(1)} s (not timed)`);
    const extractDir = path.join(bankDir, "extract");
    return {extractDir, configFile: writeBenchConfig(path.join(benchOut, `pipeline-${name}.yaml`), {extractDir, bank: options}), notes};
  }
  // The demo bank with the default configuration: what `npm run pipeline` runs.
  const config = parseConfig(readFileSync(defaultConfigPath, "utf8"), {file: defaultConfigPath});
  const extractDir = path.resolve(path.dirname(defaultConfigPath), config.extract.dir);
  if (!existsSync(extractDir)) {
    log(`three-way demo: generating the demo bank in ${path.relative(repoRoot, extractDir)}`);
    await runTsJob("bench/jobs/generateBank.ts", [JSON.stringify({outDir: path.dirname(extractDir), ...config.extract.demo})]);
  }
  return {extractDir, configFile: defaultConfigPath, notes};
}

async function runJob(
  job: Job,
  {extractDir, configFile, scratch, memoryLimit, peer}: {extractDir: string; configFile: string; scratch: string; memoryLimit?: string; peer: ReturnType<typeof peerSetup>}
): Promise<Omit<Run, "job" | "round">> {
  let run: ChildRun;
  let stages: Run["stages"] = [];
  if (job === "floor") {
    run = await runTsJob("bench/jobs/floor.ts", [extractDir, "3GB"]);
  } else if (job === "pipeline") {
    // A work folder of its own: the run never touches data/work or what the site shows.
    const args = ["--config", configFile, "--force", ...(memoryLimit ? ["--memory-limit", memoryLimit] : [])];
    run = await runTsJob("loaders/cli/pipeline.ts", args, {env: {...process.env, SEG_WORK_DIR: path.join(scratch, "work")}});
    stages = parseStages(run.stderrLines.map((l) => l.line)).map(({stage, seconds}) => ({stage, seconds}));
  } else {
    if (!peer.available) throw new Error(`invalid job: the peer is not available (${peer.why})`);
    run = await runPeer(peer, {extractDir, configFile, outDir: path.join(scratch, "peer")});
    stages = peerStages(run.stderrLines.map((l) => l.line), run.seconds);
  }
  return {seconds: run.seconds, peakBytes: run.peakRssBytes, cpuSeconds: run.cpuSeconds, stages};
}

const jobNames: Record<Job, string> = {
  floor: "floor (DuckDB reads the CSVs once)",
  pipeline: "pipeline --force",
  peer: peerName,
};

function summarise(bank: ThreeWayBank, runs: readonly Run[], jobs: readonly Job[], notes: string[]): BenchResult {
  const of = (job: Job) => runs.filter((r) => r.job === job);
  const seconds = (job: Job) => median(of(job), (r) => r.seconds)!;
  const peak = (job: Job) => Math.max(...of(job).map((r) => r.peakBytes ?? NaN));
  const floor = {name: jobNames.floor, seconds: seconds("floor"), peakBytes: finite(peak("floor"))};
  const measurement = (job: Job): Measurement => ({
    name: `three-way ${bank}: ${jobNames[job]}`,
    seconds: seconds(job),
    peakBytes: finite(peak(job)),
    peakKind: "rss",
    ...(job === "floor" ? {} : against(seconds(job), floor)),
    targets: [],
    details: {
      rounds: of(job).map(({round, seconds, peakBytes, cpuSeconds}) => ({round, seconds, peakBytes, cpuSeconds})),
      cpuSeconds: median(of(job), (r) => r.cpuSeconds),
      stages: medianStages(of(job)),
    },
  });
  const measurements = jobs.map(measurement);
  const pipeline = measurements[jobs.indexOf("pipeline")];
  const peerSeconds = jobs.includes("peer") ? seconds("peer") : undefined;
  pipeline.targets = pipelineTargets(bank, {seconds: pipeline.seconds, floorRatio: pipeline.ratio, peakBytes: pipeline.peakBytes, peerSeconds});
  pipeline.details!.peerSpeedup = peerSeconds === undefined ? undefined : peerSeconds / pipeline.seconds;

  notes.push(...roundsTable(runs, jobs));
  if (peerSeconds !== undefined) {
    const cpu = (job: Job) => formatSeconds(median(of(job), (r) => r.cpuSeconds));
    notes.push(
      `pipeline ÷ floor ${formatRatio(pipeline.ratio)}; pipeline ÷ ${peerName} ${formatRatio(pipeline.seconds / peerSeconds)} ` +
        `(${peerName} ÷ pipeline ${formatRatio(peerSeconds / pipeline.seconds)}: above 1× the pipeline is faster); ` +
        `median CPU: pipeline ${cpu("pipeline")}, floor ${cpu("floor")}, ${peerName} ${cpu("peer")}`
    );
    notes.push(...phaseTable(of("pipeline"), of("peer")));
  }
  return {bench: bank === "demo" ? "pipeline-demo" : "pipeline", measurements, notes};
}

/** PASS/MISS for issue 18's targets on this bank. */
export function pipelineTargets(
  bank: ThreeWayBank,
  {seconds, floorRatio, peakBytes, peerSeconds}: {seconds: number; floorRatio?: number; peakBytes?: number; peerSeconds?: number}
): Target[] {
  const speedup = peerSeconds === undefined ? undefined : peerSeconds / seconds;
  const versusPeer = (times: number) =>
    times === 1
      ? target(`faster than ${peerName} (${formatRatio(speedup)})`, speedup !== undefined && speedup > 1)
      : target(`≥ ${times}× faster than ${peerName} (${formatRatio(speedup)})`, speedup !== undefined && speedup >= times);
  if (bank === "demo") return [versusPeer(threeWayTargets.demo.peerSpeedup)];
  const goal = threeWayTargets["10m"];
  return [
    target(`≤ ${goal.floorRatio}× floor`, floorRatio !== undefined && floorRatio <= goal.floorRatio),
    versusPeer(goal.peerSpeedup),
    target(`peak ≤ ${formatBytes(goal.peakBytes)}`, peakBytes !== undefined && peakBytes <= goal.peakBytes),
  ];
}

/**
 * At --scale large: the 100 M targets on the pipeline benchmark's own run,
 * whose core baseline is the floor job. The peer is not run there.
 */
export function largeScaleStanding(result: BenchResult): BenchResult {
  const whole = result.measurements.find((m) => m.details?.coreBaselineSeconds !== undefined);
  if (!whole) return {bench: "pipeline", measurements: [], notes: ["three-way 100m: no whole-pipeline measurement to judge"]};
  const floorSeconds = whole.details!.coreBaselineSeconds as number;
  const goal = threeWayTargets["100m"];
  const measurement: Measurement = {
    name: "three-way 100m: pipeline --force",
    seconds: whole.seconds,
    peakBytes: whole.peakBytes,
    peakKind: "rss",
    ...against(whole.seconds, {name: jobNames.floor, seconds: floorSeconds}),
    targets: [
      target(`≤ ${formatSeconds(goal.seconds)}`, whole.seconds <= goal.seconds),
      target(`peak ≤ ${formatBytes(goal.peakBytes)}`, whole.peakBytes !== undefined && whole.peakBytes <= goal.peakBytes),
    ],
  };
  const note = `${peerName} peer not run at 100 M: it holds the whole extract in memory (2.9 GiB at 10 M, so about 30 GiB here)`;
  return {bench: "pipeline", measurements: [measurement], notes: [note]};
}

/** Two results of the same benchmark as one (the pipeline benchmark and its three-way comparison). */
export function alongside(first: BenchResult, second: BenchResult): BenchResult {
  return {...first, measurements: [...first.measurements, ...second.measurements], notes: [...(first.notes ?? []), ...(second.notes ?? [])]};
}

const finite = (value: number) => (Number.isFinite(value) ? value : undefined);

function medianStages(runs: readonly Run[]): {stage: string; seconds: number}[] {
  const names = [...new Set(runs.flatMap((r) => r.stages.map((s) => s.stage)))];
  return names.map((stage) => ({stage, seconds: median(runs, (r) => r.stages.find((s) => s.stage === stage)?.seconds ?? 0)!}));
}

function roundsTable(runs: readonly Run[], jobs: readonly Job[]): string[] {
  const cell = (r: Run | undefined) =>
    r ? `${formatSeconds(r.seconds)}${r.cpuSeconds === undefined ? "" : ` (CPU ${formatSeconds(r.cpuSeconds)})`} ${formatBytes(r.peakBytes)}` : "—";
  const rounds = [...new Set(runs.map((r) => r.round))];
  const rows = [["round", ...jobs.map((j) => jobNames[j])], ...rounds.map((round) => [String(round), ...jobs.map((j) => cell(runs.find((r) => r.job === j && r.round === round)))])];
  return aligned(rows);
}

function phaseTable(pipelineRuns: readonly Run[], peerRuns: readonly Run[]): string[] {
  const pipelineStages = medianStages(pipelineRuns);
  const peer = medianStages(peerRuns);
  const sum = (stages: {stage: string; seconds: number}[], names: readonly string[]) =>
    stages.filter((s) => names.includes(s.stage)).reduce((total, s) => total + s.seconds, 0);
  const rows = [
    ["phase (median)", "pipeline", peerName, "pipeline ÷ peer"],
    ...phases.map(({phase, pipeline, peer: peerPhase}) => {
      const [ours, theirs] = [sum(pipelineStages, pipeline), sum(peer, peerPhase)];
      return [`${phase} (${pipeline.join(", ")} | ${peerPhase.join(", ")})`, formatSeconds(ours), formatSeconds(theirs), formatRatio(theirs > 0 ? ours / theirs : undefined)];
    }),
  ];
  return aligned(rows);
}

function aligned(rows: string[][]): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd());
}
