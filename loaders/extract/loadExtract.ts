// Loads a bank extract into the engine: for every contract table a typed
// table x_<table> of accepted rows, and one `quarantine` table of the rest.
//
// Nothing half-written: tables are built under staging names (_loading_…) and
// swapped in by one short transaction at the end; a fatal ExtractError drops
// them, so the engine keeps the previous complete load, or none. (One big
// transaction around the load would do the same, but DuckDB writes 3–4×
// slower into transaction-local storage.)

import {mkdtemp, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join, relative, resolve} from "node:path";
import {insideExtract, outsideExtract} from "../../src/config/checks/extract.js";
import type {Config} from "../../src/config/schema.js";
import {asOfTable} from "../contract/plausibility.js";
import {extractContract, type TableSpec} from "../contract/tables.js";
import type {Engine} from "../engine/duckdb.js";
import {sqlTypes, type DateBounds} from "./checks.js";
import {ExtractError} from "./errors.js";
import {manifestEntry, type ManifestEntry} from "./manifest.js";
import {dependencyOrder} from "./order.js";
import {quarantineColumns, quarantineRows, quarantineTable} from "./quarantine.js";
import {readCsv} from "./readCsv.js";
import {readTyped} from "./readTyped.js";
import {checkSettings, type CheckSettings} from "./settings.js";
import {resolveSource, type ResolvedSource} from "./source.js";
import type {Staged} from "./staged.js";
import {ident, literal} from "./sql.js";
import {checkKeys, checkRows, type Checked, type KeyCheckTargets} from "./validate.js";

export interface ExtractProgress {
  table: string;
  step: "reading" | "validating" | "done";
  /** Set when step is "done". */
  entry?: ManifestEntry;
}

export interface LoadExtractOptions {
  config: Config;
  /** Absolute folder of the raw extract (config.extract.dir resolved by the caller). */
  extractDir: string;
  /** A line for a log, and the same as data; a `(message) => void` callback fits. */
  onProgress?: (message: string, progress: ExtractProgress) => void;
}

export const extractTable = (table: string) => `x_${table}`;

/** A table read and row-checked, waiting for its key checks. */
interface Read {
  source: ResolvedSource;
  staged: Staged;
  checked: Checked;
}

/**
 * Loads the extract; `asOf` is the as-of date event dates were checked
 * against (configured, or the last day of the balances' latest month).
 */
export async function loadExtract(
  engine: Engine,
  {config, extractDir, onProgress = () => {}}: LoadExtractOptions
): Promise<{manifest: ManifestEntry[]; asOf?: string}> {
  const sources = config.extract.tables;
  // The contract plus the configuration's own columns and tables, validated alike.
  const contract = extractContract(config);
  for (const name of Object.keys(sources))
    if (!contract.some((t) => t.name === name)) throw new ExtractError(`extract.tables.${name}`, `invalid table: ${name} is not in the extract contract`);
  const settings = checkSettings(config);
  const dates: DateBounds = {earliestDate: settings.earliestDate, latestDate: settings.latestDate, futureDays: settings.futureDays, asOf: settings.asOf};

  const tempDir = await mkdtemp(join(tmpdir(), "extract-"));
  try {
    await engine.run(`CREATE OR REPLACE TABLE ${ident(loading(quarantineTable))} (${quarantineColumns})`);
    const read = async (spec: TableSpec): Promise<Read> => {
      onProgress(`extract: reading ${spec.name}`, {table: spec.name, step: "reading"});
      const source = resolveSource(sources[spec.name]!);
      const path = source.kind === "sql" ? undefined : placed(spec.name, source.path, {extractDir, roots: config.extract.roots ?? []});
      const staged =
        source.kind === "csv"
          ? await readCsv(engine, spec, source, {path: path!, tempDir, maxRecordBytes: settings.maxRecordBytes})
          : await readTyped(engine, spec, source, {path, extractDir});
      onProgress(`extract: validating ${spec.name}`, {table: spec.name, step: "validating"});
      const parse = {dateFormat: source.dateFormat, decimalSeparator: source.kind === "csv" ? source.decimalSeparator : ("." as const)};
      const checked = await checkRows(engine, spec, staged, {into: loading(extractTable(spec.name)), rejected: rejectedTable(spec), parse, dates});
      return {source, staged, checked};
    };

    // The as-of table is read first: unless configured, its months set the
    // as-of date that the other tables' event dates are checked against.
    const early = new Map<string, Read>();
    const asOfSpec = contract.find((t) => t.name === asOfTable.table)!;
    if (sources[asOfSpec.name] !== undefined) {
      early.set(asOfSpec.name, await read(asOfSpec));
      dates.asOf ??= await derivedAsOf(engine, loading(extractTable(asOfSpec.name)));
    }

    const manifest: ManifestEntry[] = [];
    for (const spec of dependencyOrder(contract)) {
      if (sources[spec.name] === undefined) {
        if (spec.required) throw new ExtractError(`extract.tables.${spec.name}`, `missing source for required table ${spec.name}`);
        const columns = spec.columns.map((c) => `${ident(c.name)} ${sqlTypes[c.type]}`).join(", ");
        await engine.run(`CREATE OR REPLACE TABLE ${ident(loading(extractTable(spec.name)))} (${columns})`);
        manifest.push(manifestEntry({table: spec.name, source: "", read: 0, accepted: 0, quarantined: 0, reasons: {}}));
        continue;
      }
      const {source, staged, checked} = early.get(spec.name) ?? (await read(spec));
      const entry = await finish(engine, spec, {source, staged, checked, settings, late: early.has(spec.name) && !settings.asOf ? lateAsOf(dates.asOf) : []});
      if (spec.required && entry.read > 0 && entry.accepted === 0) throw nothingAccepted(entry);
      manifest.push(entry);
      onProgress(`extract: ${spec.name} read ${entry.read}, accepted ${entry.accepted}, quarantined ${entry.quarantined}`, {table: spec.name, step: "done", entry});
    }
    await swapIn(engine, [...contract.map((t) => extractTable(t.name)), quarantineTable]);
    return {manifest, asOf: dates.asOf};
  } catch (error) {
    await dropStaging(engine);
    throw error;
  } finally {
    await rm(tempDir, {recursive: true, force: true});
  }
}

/** Key checks, the quarantine and the manifest entry of a table whose parents are loaded. */
async function finish(
  engine: Engine,
  spec: TableSpec,
  {source, staged, checked, settings, late}: Read & {settings: CheckSettings; late: KeyCheckTargets["late"]}
): Promise<ManifestEntry> {
  const rejected = rejectedTable(spec);
  const accepted = (table: string) => loading(extractTable(table));
  const {activityBeforeOpening} = settings;
  const warnings = await checkKeys(engine, spec, checked, {into: accepted(spec.name), rejected, accepted, activityBeforeOpening, late});
  await quarantineRows(engine, staged, {table: spec.name, source: source.path, checked: rejected, into: loading(quarantineTable)});
  const entry = manifestEntry(await count(engine, spec, {records: checked.records, staged, source: source.path, warnings}));
  for (const table of [...staged.cleanup, rejected]) await engine.run(`DROP TABLE IF EXISTS ${ident(table)}`);
  return entry;
}

const rejectedTable = (spec: TableSpec) => `_checked_${spec.name}`;

// A required table whose every record was turned away would publish "no
// transactions" (every client dormant): the run stops, naming the main
// reasons, since the quarantine of a stopped run is not written. (A table
// with no records at all is the bank's statement that it has none.)
function nothingAccepted({source, read, reasons}: ManifestEntry): ExtractError {
  const top = Object.entries(reasons).slice(0, 3).map(([reason, n]) => `${reason} (${n})`).join(", ");
  return new ExtractError(source, `none of its ${read} records was accepted: ${top}; the table is required`);
}

/** The file's absolute path; a path outside the extract folder and the listed roots is refused before it is read. */
function placed(table: string, path: string, {extractDir, roots}: {extractDir: string; roots: readonly string[]}): string {
  const target = resolve(extractDir, path);
  const fromDir = (p: string) => relative(extractDir, resolve(extractDir, p));
  if (!insideExtract(fromDir(target), roots.map(fromDir))) throw new ExtractError(`extract.tables.${table}.path`, outsideExtract(path));
  return target;
}

// Unless configured, the as-of date is the end of the latest month that holds
// at least a tenth of the busiest month's balance rows: a few stray rows dated
// years ahead do not move it (they are quarantined instead).
async function derivedAsOf(engine: Engine, table: string): Promise<string | undefined> {
  const column = ident(asOfTable.column);
  const [{month}] = await engine.all<{month: string | null}>(`
    WITH m AS (SELECT ${column} AS month, count(*) AS n FROM ${ident(table)} WHERE _reason IS NULL GROUP BY ALL)
    SELECT max(month) AS month FROM m WHERE n * 10 >= (SELECT max(n) FROM m)`);
  if (month === null) return undefined;
  const [year, m] = month.split("-").map(Number);
  return new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
}

// The derived as-of date comes after the as-of table's row checks: its own
// later months are found with the key checks.
function lateAsOf(asOf: string | undefined) {
  if (asOf === undefined) return [];
  const column = asOfTable.column;
  return [{fails: `t.${ident(column)} > ${literal(asOf.slice(0, 7))}`, reason: `after the as-of date: ${column}`, column}];
}

const loading = (table: string) => `_loading_${table}`;
const stagingPrefixes = ["_loading_", "_raw_", "_rejects_", "_rejected_", "_shift_", "_checked_"];

async function swapIn(engine: Engine, tables: string[]) {
  await engine.run("BEGIN TRANSACTION");
  try {
    for (const table of tables) await engine.run(`DROP TABLE IF EXISTS ${ident(table)}; ALTER TABLE ${ident(loading(table))} RENAME TO ${ident(table)}`);
    await engine.run("COMMIT");
  } catch (error) {
    await engine.run("ROLLBACK");
    throw error;
  }
}

async function dropStaging(engine: Engine) {
  const tables = await engine.all<{table_name: string}>(
    `SELECT table_name FROM duckdb_tables() WHERE ${stagingPrefixes.map((p) => `starts_with(table_name, ${literal(p)})`).join(" OR ")}`
  );
  for (const {table_name} of tables) await engine.run(`DROP TABLE IF EXISTS ${ident(table_name)}`).catch(() => {});
}

/** Read is counted apart from the outcome: the records validation scanned plus the lines rejected while reading. */
async function count(
  engine: Engine,
  spec: TableSpec,
  {records, staged, source, warnings}: {records: number; staged: Staged; source: string; warnings: Record<string, number>}
): Promise<ManifestEntry> {
  const rejected = staged.rejects ? `(SELECT count(*) FROM ${ident(staged.rejects)})` : "0";
  const [{read, accepted}] = await engine.all<{read: number; accepted: number}>(
    `SELECT ${records} + ${rejected} AS read, (SELECT count(*) FROM ${ident(loading(extractTable(spec.name)))}) AS accepted`
  );
  // Two parsers counted the file's records: DuckDB's reader and the line scan.
  if (staged.lines && read !== staged.lines.records)
    throw new ExtractError(source, `the CSV reader found ${read} records where the line scan counted ${staged.lines.records}; please report this file`);
  const reasons = await engine.all<{reason: string; n: number}>(
    `SELECT reason, count(*) AS n FROM ${ident(loading(quarantineTable))} WHERE table_name = ${literal(spec.name)} GROUP BY reason ORDER BY n DESC, reason`
  );
  const quarantined = reasons.reduce((sum, r) => sum + r.n, 0);
  const lines = staged.lines ? {lines: staged.lines.lines, blankLines: staged.lines.blankLines} : {};
  return {
    table: spec.name, source, ...lines, read, accepted, quarantined,
    reasons: Object.fromEntries(reasons.map((r) => [r.reason, r.n])),
    ...(Object.keys(warnings).length > 0 ? {warnings} : {}),
  };
}
