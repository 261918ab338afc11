// Benchmark 1: the whole pipeline on a ~10 M-transaction demo bank, against a
// bare DuckDB job doing the same core aggregation on the same CSVs.
//
// Steps: generate the bank once (cached in bench/out/bank-<scale>, not timed as
// pipeline), write a bench configuration (the default YAML with extract.dir and
// extract.demo pointing at that bank), warm the page cache, run the baseline,
// then `tsx loaders/cli/pipeline.ts --config <file> --force`, both as child
// processes under GNU time. Stage times come from the CLI's progress lines,
// which carry the seconds elapsed since it started.

import {createReadStream, existsSync, readFileSync, rmSync, writeFileSync, mkdirSync} from "node:fs";
import {readdir} from "node:fs/promises";
import path from "node:path";
import {parseDocument} from "yaml";
import {parseConfig} from "../loaders/config/load.js";
import {defaultConfigPath} from "../loaders/config/resolve.js";
import {benchOut, repoRoot, runChild, runTsJob, tsxBin} from "./child.js";
import {against, formatBytes, GiB, target, type BenchResult, type Measurement} from "./results.js";
import {parseStages, type Stage} from "./stages.js";

export interface PipelineScale {
  name: string;
  bank: {seed: number; retailClients: number; corporateClients: number; quarters: number; firstQuarter: string; transactionsPerClientQuarter: number};
}

export const scales: Record<"default" | "large", PipelineScale> = {
  // ≈ 10 M transactions: 150,000 retail clients × 8 quarters × 8.5 per quarter.
  default: {
    name: "10m",
    bank: {seed: 20240101, retailClients: 150_000, corporateClients: 1_500, quarters: 8, firstQuarter: "2024Q1", transactionsPerClientQuarter: 8.5},
  },
  // The warehouse issue's scale: ≈ 100 M transactions over 2 M clients.
  large: {
    name: "100m",
    bank: {seed: 20240101, retailClients: 2_000_000, corporateClients: 20_000, quarters: 8, firstQuarter: "2024Q1", transactionsPerClientQuarter: 6.4},
  },
};

export interface PipelineBenchOptions {
  scale?: "default" | "large";
  /** DuckDB memory limit for the pipeline and the baseline (the pipeline's own default is 1.5GB; the baseline's 3GB). */
  memoryLimit?: string;
  /** Where DuckDB spills (TMPDIR of both children); only set when given, or at large scale. */
  spillDir?: string;
  log?: (line: string) => void;
}

const peakTarget = 3 * GiB;
// At large scale the target is DuckDB's memory limit plus this margin for Node
// (V8 heap, the training sample, site aggregates) and DuckDB's own overhead
// outside its buffer pool.
const peakMargin = 1 * GiB;
const ratioTarget = 2;

export async function pipelineBench({scale = "default", memoryLimit, spillDir, log = () => {}}: PipelineBenchOptions = {}): Promise<BenchResult> {
  const {name, bank} = scales[scale];
  const bankDir = path.join(benchOut, `bank-${name}`);
  const extractDir = path.join(bankDir, "extract");
  const notes: string[] = [];

  const generation = await ensureBank(bankDir, bank, log);
  if (generation) notes.push(`demo bank generated in ${generation.seconds.toFixed(1)} s (not part of the pipeline time)`);
  const transactions = await countLines(path.join(extractDir, "transactions.csv"));
  const configFile = writeBenchConfig(path.join(benchOut, `pipeline-${name}.yaml`), {extractDir, bank});
  log(`pipeline: ${transactions.toLocaleString("en")} transactions, ${bank.retailClients.toLocaleString("en")} retail clients; configuration ${path.relative(repoRoot, configFile)}`);

  const limit = memoryLimit ?? (scale === "large" ? "3GB" : undefined);
  const spill = spillDir ?? (scale === "large" ? path.join(benchOut, "spill") : undefined);
  const env = {...process.env};
  if (spill) {
    mkdirSync(spill, {recursive: true});
    env.TMPDIR = spill; // the pipeline spills into os.tmpdir()/seg-duckdb-<pid>
    notes.push(`DuckDB spill directory: ${path.relative(repoRoot, spill)} (TMPDIR)`);
  }
  if (limit) notes.push(`DuckDB memory limit: ${limit}`);
  const peakLimit = limit ? bytesOf(limit) + peakMargin : peakTarget;

  await warmPageCache(extractDir);

  // The ratio's baseline is the pipeline's own feature SQL, bare (bench/jobs/
  // duckdbFeaturesBaseline.ts). The three-column core aggregation the first
  // sessions compared with is timed too, for the record. At large scale only
  // the core one runs: the bench is about memory and throughput there, and the
  // full baseline would add minutes.
  log("pipeline: core baseline (bare DuckDB: transaction count and sum, average daily AUM)");
  const core = await runTsJob("bench/jobs/floor.ts", [extractDir, limit ?? "3GB"], {env});
  let baseline = {run: core, name: "bare DuckDB core aggregation"};
  if (scale === "default") {
    log("pipeline: baseline (bare DuckDB: the pipeline's feature SQL on the CSVs)");
    baseline = {run: await runTsJob("bench/jobs/duckdbFeaturesBaseline.ts", [extractDir, limit ?? "3GB"], {env}), name: "bare DuckDB feature SQL"};
    notes.push(`core aggregation baseline (3 of the 30 feature columns): ${core.seconds.toFixed(1)} s`);
  }
  const versus = (seconds: number) => against(seconds, {name: baseline.name, seconds: baseline.run.seconds, peakBytes: baseline.run.peakRssBytes});

  log("pipeline: whole pipeline (tsx loaders/cli/pipeline.ts --config … --force)");
  const outputs = await runPipelineCli(configFile, {env, memoryLimit: limit, log});
  const stages = parseStages(outputs.run.stderrLines.map((l) => l.line));
  notes.push(...outputs.notes);

  const measurement: Measurement = {
    name: `pipeline ${name} (${(transactions / 1e6).toFixed(1)} M txns)`,
    seconds: outputs.run.seconds,
    peakBytes: outputs.run.peakRssBytes,
    peakKind: "rss",
    ...versus(outputs.run.seconds),
    targets: [],
    details: {
      transactions,
      retailClients: bank.retailClients,
      bank,
      stages,
      baselineSqlSeconds: baseline.run.result?.seconds,
      baselineRows: baseline.run.result?.rows,
      coreBaselineSeconds: core.seconds,
      generationSeconds: generation?.seconds,
    },
  };
  measurement.details!.transactionsPerSecond = Math.round(transactions / outputs.run.seconds);
  measurement.targets = [target(`peak RSS < ${formatBytes(peakLimit)}`, (measurement.peakBytes ?? Infinity) < peakLimit)];

  // The foundation issue's pipeline is extract → validate → anonymise →
  // features; segmentation and site aggregates came later. Its time is the
  // CLI's clock when segmentation starts.
  const segmentationStart = stages.find((s) => s.stage === "segmentation")?.steps[0]?.at;
  const measurements = [measurement];
  if (segmentationStart !== undefined) {
    measurements.unshift({
      name: `pipeline ${name} through features`,
      seconds: segmentationStart,
      ...versus(segmentationStart),
      targets: [],
      details: {stages: stages.filter((s) => !["segmentation", "site"].includes(s.stage)).map(({stage, seconds}) => ({stage, seconds}))},
    });
    // The ratio target is the foundation issue's, on its 10 M bench against the
    // full baseline; at large scale the ratio is printed for the record only.
    if (scale === "default") measurements[0].targets = [target(`ratio ≤ ${ratioTarget}×`, (measurements[0].ratio ?? Infinity) <= ratioTarget)];
  }
  return {bench: "pipeline", measurements, notes};
}

/** "3GB" → bytes, as DuckDB reads memory_limit (GB = 1000³, GiB = 1024³). */
export function bytesOf(limit: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)?\s*$/i.exec(limit);
  if (!match) throw new Error(`invalid memory limit: ${limit} (expected e.g. 3GB)`);
  const unit = (match[2] ?? "B").toUpperCase();
  const scale: Record<string, number> = {B: 1, KB: 1e3, MB: 1e6, GB: 1e9, TB: 1e12, KIB: 1024, MIB: 1024 ** 2, GIB: 1024 ** 3, TIB: 1024 ** 4};
  return Number(match[1]) * scale[unit];
}

/** Generates the bank unless bench/out/bank-<scale> already holds one made with the same options. */
export async function ensureBank(bankDir: string, bank: PipelineScale["bank"], log: (line: string) => void) {
  const stamp = path.join(bankDir, "bench-options.json");
  const wanted = JSON.stringify(bank);
  if (existsSync(path.join(bankDir, "extract", "transactions.csv")) && existsSync(stamp) && readFileSync(stamp, "utf8").trim() === wanted) return undefined;
  log(`pipeline: generating the demo bank in ${path.relative(repoRoot, bankDir)} (once; cached for later runs)`);
  const run = await runTsJob("bench/jobs/generateBank.ts", [JSON.stringify({outDir: bankDir, ...bank})], {echo: true});
  writeFileSync(stamp, wanted + "\n");
  return run;
}

/** The default configuration with the bench bank as extract, parsed (validated) and re-serialised. */
export function writeBenchConfig(file: string, {extractDir, bank}: {extractDir: string; bank: PipelineScale["bank"]}): string {
  const doc = parseDocument(readFileSync(defaultConfigPath, "utf8"));
  doc.setIn(["extract", "dir"], path.relative(path.dirname(file), extractDir));
  // Keeping extract.demo marks the extract as the demo bank, so the published demo key is used.
  doc.setIn(["extract", "demo"], doc.createNode(bank, {flow: true}));
  // The schema pointer is relative to data/; from bench/out it would point nowhere.
  const text = doc.toString().replace(/^# yaml-language-server:.*\n/m, "");
  parseConfig(text, {file}); // throws a ConfigError naming the field if the bench broke the configuration
  writeFileSync(file, `# Written by bench/pipeline.ts: the default configuration on the benchmark's demo bank.\n${text}`);
  return file;
}

/**
 * Runs the pipeline CLI. The CLI always writes into data/work and repoints
 * data/work/current.json at its outputs; the bench puts current.json back
 * afterwards and removes the output folder it created, so a benchmark never
 * changes what the site shows.
 */
async function runPipelineCli(configFile: string, {env, memoryLimit, log}: {env: NodeJS.ProcessEnv; memoryLimit?: string; log: (line: string) => void}) {
  const workDir = path.join(repoRoot, "data", "work");
  const currentFile = path.join(workDir, "current.json");
  const current = existsSync(currentFile) ? readFileSync(currentFile, "utf8") : undefined;
  const before = new Set(existsSync(workDir) ? await readdir(workDir) : []);
  const notes: string[] = [];
  const args = [path.join(repoRoot, "loaders", "cli", "pipeline.ts"), "--config", configFile, "--force"];
  if (memoryLimit) args.push("--memory-limit", memoryLimit);
  let key: string | undefined;
  try {
    const run = await runChild(tsxBin, args, {env, echo: true});
    key = /outputs: \S*?([0-9a-f]{16})\b/.exec(run.stdout)?.[1];
    return {run, notes};
  } finally {
    // Only what this run wrote is undone: another process may use data/work meanwhile.
    key ??= readKey(currentFile);
    if (key && readKey(currentFile) === key) {
      if (current !== undefined) writeFileSync(currentFile, current);
      else rmSync(currentFile, {force: true});
    }
    if (key && !before.has(key)) {
      rmSync(path.join(workDir, key), {recursive: true, force: true});
      log(`pipeline: removed the bench's outputs data/work/${key}`);
    }
  }
}

function readKey(currentFile: string): string | undefined {
  try {
    return JSON.parse(readFileSync(currentFile, "utf8")).key;
  } catch {
    return undefined;
  }
}

/** Reads every extract file once, so that neither job pays for the first read from disk. */
export async function warmPageCache(dir: string): Promise<void> {
  for (const file of await readdir(dir)) {
    await new Promise<void>((resolve, reject) => createReadStream(path.join(dir, file)).on("data", () => {}).on("end", resolve).on("error", reject));
  }
}

export async function countLines(file: string): Promise<number> {
  let lines = 0;
  for await (const chunk of createReadStream(file)) {
    const buffer = chunk as Buffer;
    for (let i = buffer.indexOf(10); i !== -1; i = buffer.indexOf(10, i + 1)) ++lines;
  }
  return Math.max(0, lines - 1); // the header
}

export type {Stage};
