// The whole pipeline: configuration → (demo bank) → extract → anonymise →
// features → segmentation → site aggregates, written whole into
// data/work/<key>/ where key digests the configuration, the extract and the
// code. A second run with the same inputs finds its key and does nothing.

import {existsSync} from "node:fs";
import {mkdir, readdir, readFile, rm, stat, writeFile} from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {loadConfig} from "../config/load.js";
import {generateDemoBank} from "../demo/generate.js";
import {openDuckDb} from "../engine/duckdb.js";
import {engineKind, openEngine, type Engine, type EngineKind} from "../engine/engine.js";
import {loadExtract} from "../extract/loadExtract.js";
import {writeQuarantine} from "../extract/quarantine.js";
import {pseudonymKey} from "../anonymise/key.js";
import {withAtomicDir} from "./atomicDir.js";
import {combine, extractDigest, treeDigest} from "./fingerprint.js";
import {pseudonymise} from "../anonymise/pseudonymise.js";
import {stage} from "../anonymise/stage.js";
import {createPeriods, reportingCalendar} from "../features/calendar.js";
import {computeFeatures, exportParquet, ownFeaturesPlan} from "../features/computeFeatures.js";
import {extractContract} from "../contract/tables.js";
import type {IncompleteQuarter} from "../../src/segmentation/periods/index.js";
import {segmentInEngine} from "../segment/segmentInEngine.js";
import {writeSiteData} from "../publish/writeSiteData.js";
import type {Config} from "../../src/config/schema.js";

export const repoRoot = path.resolve(import.meta.dirname, "../..");

export interface PipelineOptions {
  configPath?: string;
  env?: Record<string, string | undefined>;
  /** Where keyed outputs go; default data/work. */
  workDir?: string;
  /** Run even when outputs for this key exist. */
  force?: boolean;
  /** DuckDB memory limit, e.g. "3GB". */
  memoryLimit?: string;
  /**
   * Keep DuckDB's working tables in a database file in the spill folder rather
   * than in memory. Stored tables are compressed there, so an extract larger
   * than memory costs a fraction of the disk that evicting in-memory tables to
   * temporary files would. Default: on when the extract's files exceed
   * onDiskFromBytes. The file holds raw extract rows and is removed at the end.
   */
  onDisk?: boolean;
  /**
   * Where the SQL runs: embedded DuckDB over the extract files (default), or a
   * PostgreSQL-protocol warehouse that already holds the extract as x_* tables
   * or views (docs/scaling.md). From --engine or SEG_ENGINE.
   */
  engine?: EngineKind;
  onProgress?: (message: string) => void;
}

export interface PipelineResult {
  key: string;
  dir: string;
  reused: boolean;
  config: Config;
  configHash: string;
}

/** Extracts larger than this (4 GiB of files) are worked on disk; see PipelineOptions.onDisk. */
export const onDiskFromBytes = 4 * 1024 ** 3;

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, {withFileTypes: true})) if (entry.isFile()) total += (await stat(path.join(dir, entry.name))).size;
  return total;
}

/** Folders whose code decides the outputs: a change there changes the key. */
const codeFolders = ["loaders", "src/segmentation", "src/config", "data"];

export async function pipelineKey(configHash: string, extractDir: string): Promise<string> {
  const code = await treeDigest(repoRoot, codeFolders, {extensions: [".ts", ".yaml"]});
  return combine(configHash, await extractDigest(extractDir), code);
}

export async function runPipeline(options: PipelineOptions = {}): Promise<PipelineResult> {
  const {env = process.env, force = false, onProgress = () => {}} = options;
  const kind = options.engine ?? engineKind(env.SEG_ENGINE);
  if (kind === "postgres") return runInWarehouse(options, kind);
  const workDir = options.workDir ?? defaultWorkDir(env);
  const loaded = await loadConfig({path: options.configPath, env, cwd: repoRoot});
  const {config, hash: configHash} = loaded;
  const extractDir = path.resolve(loaded.dir, config.extract.dir);
  const demo = config.extract.demo !== undefined;

  if (demo && !existsSync(extractDir)) {
    onProgress(`demo bank missing: generating it in ${path.relative(repoRoot, path.dirname(extractDir))}`);
    let lastPhase = "";
    await generateDemoBank({
      ...config.extract.demo!,
      outDir: path.dirname(extractDir),
      onProgress: ({phase}) => phase !== lastPhase && onProgress(`demo bank: ${(lastPhase = phase)}`),
    });
  }
  if (!existsSync(extractDir)) throw new Error(`missing extract folder: ${extractDir} (extract.dir in ${loaded.path})`);

  const {key: secret, demo: demoKeyUsed} = pseudonymKey(env, {keyEnv: config.privacy.keyEnv, demo});
  if (demoKeyUsed) onProgress("using the PUBLISHED demo pseudonymisation key: demo data only, never for a real extract");

  const key = await pipelineKey(configHash, extractDir);
  const dir = path.join(workDir, key);
  if (!force && existsSync(path.join(dir, "manifest.json"))) {
    onProgress(`outputs for key ${key} are current: reusing them`);
    await writeCurrent(workDir, key, configHash);
    return {key, dir, reused: true, config, configHash};
  }

  await mkdir(workDir, {recursive: true});
  await withAtomicDir(dir, async (tmp) => {
    const spill = path.join(os.tmpdir(), `seg-duckdb-${process.pid}`);
    const onDisk = options.onDisk ?? (await folderBytes(extractDir)) > onDiskFromBytes;
    if (onDisk) {
      await mkdir(spill, {recursive: true});
      onProgress(`engine: working tables on disk in ${spill} (removed at the end)`);
    }
    // 1.5 GB for DuckDB leaves room for Node's heap under a 3 GiB peak; beyond
    // it DuckDB spills to disk rather than failing.
    const engine = await openDuckDb({
      path: onDisk ? path.join(spill, "work.duckdb") : undefined,
      memoryLimit: options.memoryLimit ?? "1.5GB",
      tempDirectory: spill,
      // In memory, an automatic checkpoint only compresses tables the run
      // drops minutes later: 5–7 s at 10 M transactions, at whichever
      // statement crosses the threshold. On disk, checkpoints are how tables
      // reach the file, so they keep DuckDB's default.
      checkpointThreshold: onDisk ? undefined : "1TB",
    });
    try {
      onProgress("extract: reading and validating tables");
      const {manifest} = await loadExtract(engine, {config, extractDir, onProgress});
      onProgress("anonymise: pseudonymising client ids");
      const clients = await pseudonymise(engine, secret);
      const {quarters, incomplete} = await reportingCalendar(engine, {tables: extractContract(config)});
      reportIncomplete(incomplete, onProgress);
      await createPeriods(engine, quarters);
      await stage(engine, {ageBands: config.privacy.ageBands, minGroup: config.privacy.suppressionThreshold, tables: extractContract(config)});
      onProgress(`features: ${clients} clients over ${quarters.length} quarters (${quarters[0]}–${quarters.at(-1)})`);
      await computeFeatures(engine, ownFeaturesPlan(config));
      await mkdir(path.join(tmp, "anonymised"), {recursive: true});
      await exportParquet(engine, tmp);
      // Rejected rows are raw rows, identifiers included: as sensitive as the
      // extract itself, so they sit apart from everything analysts may receive.
      await mkdir(path.join(tmp, "secure"), {recursive: true});
      await writeQuarantine(engine, path.join(tmp, "secure", "quarantine.csv"));
      onProgress("segmentation: tiers, RFM, clusters (in the engine)");
      const segments = await segmentInEngine(engine, config, {onProgress});
      await exportSegments(engine, tmp);
      const run = {key, configHash, demo: demoKeyUsed, quarters, incompleteQuarters: incomplete, asOf: quarters.at(-1)!, extract: path.relative(repoRoot, extractDir)};
      await writeFile(path.join(tmp, "run.json"), JSON.stringify(run, null, 2) + "\n");
      await writeFile(path.join(tmp, "model.json"), JSON.stringify(segments.model, null, 2) + "\n");
      onProgress("site: aggregating and suppressing small cells");
      await writeSiteData(engine, config, {dir: path.join(tmp, "site"), run, manifest, model: segments.model});
      // Last: its presence marks the folder complete.
      await writeFile(path.join(tmp, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
    } finally {
      await engine.close();
      // Spilled blocks and the on-disk database hold extract rows: never left behind.
      await rm(spill, {recursive: true, force: true});
    }
  });
  await writeCurrent(workDir, key, configHash);
  onProgress(`done: outputs in ${path.relative(repoRoot, dir)}`);
  return {key, dir, reused: false, config, configHash};
}

async function exportSegments(engine: Engine, dir: string): Promise<void> {
  const target = path.join(dir, "segments.parquet").replaceAll("'", "''");
  await engine.run(`COPY (SELECT * FROM segments ORDER BY client_pid, quarter) TO '${target}' (FORMAT PARQUET, COMPRESSION ZSTD)`);
}

/** Tables the pipeline makes in the warehouse's scratch schema (views aside). */
const warehouseWorkTables = [
  "segments", "monthly_aum", "corporate_features", "features", "f_transactions_q", "f_balances_q", "f_monthly", "f_population",
  "a_clients", "s_campaign_members", "s_corporate_metrics", "s_clients", "period_months", "periods", "pid_map", "pid_list", "quarantine",
];

/**
 * The warehouse path: the bank's PostgreSQL-protocol warehouse holds the
 * extract as x_* tables or views, already the system of record, so there is
 * no file validation and no quarantine (the manifest counts rows). Staging,
 * features and segments are built in the warehouse's scratch schema; only the
 * k-means training sample and the site aggregates come back, and no
 * client-level file is written on this machine.
 */
async function runInWarehouse(options: PipelineOptions, kind: EngineKind): Promise<PipelineResult> {
  const {env = process.env, onProgress = () => {}} = options;
  const workDir = options.workDir ?? defaultWorkDir(env);
  const loaded = await loadConfig({path: options.configPath, env, cwd: repoRoot});
  const {config, hash: configHash} = loaded;
  const {key: secret} = pseudonymKey(env, {keyEnv: config.privacy.keyEnv, demo: false});
  // The warehouse's data cannot be fingerprinted cheaply: outputs are keyed by
  // configuration, code and connection, and `--force` refreshes them.
  const code = await treeDigest(repoRoot, codeFolders, {extensions: [".ts", ".yaml"]});
  const key = combine(configHash, code, kind, env.PGHOST ?? "", env.PGPORT ?? "", env.PGDATABASE ?? "", env.SEG_PG_SCHEMA ?? "");
  const dir = path.join(workDir, key);
  if (!options.force && existsSync(path.join(dir, "manifest.json"))) {
    await writeCurrent(workDir, key, configHash);
    return {key, dir, reused: true, config, configHash};
  }
  const engine = await openEngine(kind, {env});
  await mkdir(workDir, {recursive: true});
  try {
    await withAtomicDir(dir, async (tmp) => {
      // The scratch schema keeps the previous run's tables: start clean.
      // (the staging views of the configuration's own tables read pid_map too)
      const ownViews = extractContract(config).filter((t) => t.own).map((t) => `"s_${t.name}"`);
      for (const view of ["s_balances", "s_transactions", ...ownViews]) await engine.run(`DROP VIEW IF EXISTS ${view}`);
      for (const table of warehouseWorkTables) await engine.run(`DROP TABLE IF EXISTS ${table}`);
      const manifest = [];
      for (const table of Object.keys(config.extract.tables)) {
        const [{n}] = await engine.all<{n: number}>(`SELECT COUNT(*) AS n FROM x_${table}`);
        manifest.push({table, source: "warehouse", read: n, accepted: n, quarantined: 0, reasons: {}});
      }
      await engine.run(`CREATE TABLE quarantine (table_name VARCHAR, source VARCHAR, line BIGINT, column_name VARCHAR, reason VARCHAR, raw VARCHAR)`);
      onProgress("anonymise: pseudonymising client ids");
      await pseudonymise(engine, secret);
      const {quarters, incomplete} = await reportingCalendar(engine, {tables: extractContract(config)});
      reportIncomplete(incomplete, onProgress);
      await createPeriods(engine, quarters);
      await stage(engine, {ageBands: config.privacy.ageBands, minGroup: config.privacy.suppressionThreshold, tables: extractContract(config)});
      onProgress(`features: ${quarters.length} quarters in the warehouse`);
      await computeFeatures(engine, ownFeaturesPlan(config));
      const segments = await segmentInEngine(engine, config, {onProgress});
      const run = {key, configHash, demo: false, quarters, incompleteQuarters: incomplete, asOf: quarters.at(-1)!, extract: `${kind}:${env.PGDATABASE ?? ""}`};
      await writeFile(path.join(tmp, "run.json"), JSON.stringify(run, null, 2) + "\n");
      await writeFile(path.join(tmp, "model.json"), JSON.stringify(segments.model, null, 2) + "\n");
      await writeSiteData(engine, config, {dir: path.join(tmp, "site"), run, manifest, model: segments.model});
      await writeFile(path.join(tmp, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
    });
  } finally {
    await engine.close();
  }
  await writeCurrent(workDir, key, configHash);
  return {key, dir, reused: false, config, configHash};
}

function reportIncomplete(incomplete: readonly IncompleteQuarter[], onProgress: (message: string) => void) {
  for (const {quarter, balanceMonths, kept} of incomplete) {
    const covered = balanceMonths.length ? `balances cover only ${balanceMonths.join(", ")}` : "no balances";
    onProgress(`calendar: ${quarter} is incomplete (${covered}): ${kept ? "kept, inside the range; its AUM counts missing months as zero" : "left out of the reporting quarters"}`);
  }
}

/** data/work/current.json names the newest complete outputs, for loaders. */
async function writeCurrent(workDir: string, key: string, configHash: string): Promise<void> {
  await writeFile(path.join(workDir, "current.json"), JSON.stringify({key, configHash}) + "\n");
}

/** Where keyed outputs go: SEG_WORK_DIR, else data/work. */
export function defaultWorkDir(env: Record<string, string | undefined> = process.env): string {
  return env.SEG_WORK_DIR ? path.resolve(repoRoot, env.SEG_WORK_DIR) : path.join(repoRoot, "data", "work");
}

export async function currentOutputs(workDir = defaultWorkDir()): Promise<{key: string; dir: string}> {
  const {key} = JSON.parse(await readFile(path.join(workDir, "current.json"), "utf8"));
  return {key, dir: path.join(workDir, key)};
}
