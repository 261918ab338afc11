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
import {join} from "node:path";
import type {Config} from "../../src/config/schema.js";
import {extractContract, type TableSpec} from "../contract/tables.js";
import type {Engine} from "../engine/duckdb.js";
import {sqlTypes} from "./checks.js";
import {ExtractError} from "./errors.js";
import {manifestEntry, type ManifestEntry} from "./manifest.js";
import {dependencyOrder} from "./order.js";
import {quarantineColumns, quarantineRows, quarantineTable} from "./quarantine.js";
import {readCsv} from "./readCsv.js";
import {readTyped} from "./readTyped.js";
import {resolveSource} from "./source.js";
import {ident, literal} from "./sql.js";
import {validate} from "./validate.js";

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

export async function loadExtract(engine: Engine, {config, extractDir, onProgress = () => {}}: LoadExtractOptions): Promise<{manifest: ManifestEntry[]}> {
  const sources = config.extract.tables;
  // The contract plus the configuration's own columns and tables, validated alike.
  const contract = extractContract(config);
  for (const name of Object.keys(sources))
    if (!contract.some((t) => t.name === name)) throw new ExtractError(`extract.tables.${name}`, `invalid table: ${name} is not in the extract contract`);

  const tempDir = await mkdtemp(join(tmpdir(), "extract-"));
  try {
    await engine.run(`CREATE OR REPLACE TABLE ${ident(loading(quarantineTable))} (${quarantineColumns})`);
    const manifest: ManifestEntry[] = [];
    for (const spec of dependencyOrder(contract)) {
      const configured = sources[spec.name];
      if (configured === undefined) {
        if (spec.required) throw new ExtractError(`extract.tables.${spec.name}`, `missing source for required table ${spec.name}`);
        await engine.run(`CREATE OR REPLACE TABLE ${ident(loading(extractTable(spec.name)))} (${spec.columns.map((c) => `${ident(c.name)} ${sqlTypes[c.type]}`).join(", ")})`);
        manifest.push(manifestEntry({table: spec.name, source: "", read: 0, accepted: 0, quarantined: 0, reasons: {}}));
        continue;
      }
      onProgress(`extract: reading ${spec.name}`, {table: spec.name, step: "reading"});
      const source = resolveSource(configured);
      const staged = source.kind === "csv" ? await readCsv(engine, spec, source, {extractDir, tempDir}) : await readTyped(engine, spec, source, {extractDir});
      onProgress(`extract: validating ${spec.name}`, {table: spec.name, step: "validating"});
      // The rows validation turned away, with their reasons and raw text.
      const checked = `_checked_${spec.name}`;
      const parse = {dateFormat: source.dateFormat, decimalSeparator: source.kind === "csv" ? source.decimalSeparator : ("." as const)};
      const {records} = await validate(engine, spec, staged, {into: loading(extractTable(spec.name)), rejected: checked, parse, accepted: (table) => loading(extractTable(table))});
      await quarantineRows(engine, staged, {table: spec.name, source: source.path, checked, into: loading(quarantineTable)});
      const entry = manifestEntry(await count(engine, spec, {records, staged, source: source.path}));
      for (const table of [...staged.cleanup, checked]) await engine.run(`DROP TABLE IF EXISTS ${ident(table)}`);
      manifest.push(entry);
      onProgress(`extract: ${spec.name} read ${entry.read}, accepted ${entry.accepted}, quarantined ${entry.quarantined}`, {table: spec.name, step: "done", entry});
    }
    await swapIn(engine, [...contract.map((t) => extractTable(t.name)), quarantineTable]);
    return {manifest};
  } catch (error) {
    await dropStaging(engine);
    throw error;
  } finally {
    await rm(tempDir, {recursive: true, force: true});
  }
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

/** Read is counted apart from the outcome: the records validation scanned plus the lines the CSV reader rejected. */
async function count(engine: Engine, spec: TableSpec, {records, staged, source}: {records: number; staged: {rejects?: string}; source: string}): Promise<ManifestEntry> {
  const rejected = staged.rejects ? `(SELECT count(*) FROM ${ident(staged.rejects)})` : "0";
  const [{read, accepted}] = await engine.all<{read: number; accepted: number}>(
    `SELECT ${records} + ${rejected} AS read, (SELECT count(*) FROM ${ident(loading(extractTable(spec.name)))}) AS accepted`
  );
  const reasons = await engine.all<{reason: string; n: number}>(
    `SELECT reason, count(*) AS n FROM ${ident(loading(quarantineTable))} WHERE table_name = ${literal(spec.name)} GROUP BY reason ORDER BY n DESC, reason`
  );
  const quarantined = reasons.reduce((sum, r) => sum + r.n, 0);
  return {table: spec.name, source, read, accepted, quarantined, reasons: Object.fromEntries(reasons.map((r) => [r.reason, r.n]))};
}
