// The malformed-extract corpus (test/support/malformedExtracts.ts), loaded
// and reconciled. Every case ends in its stated error or its exact
// quarantine; across the corpus: 0 silent accepts, 0 records unaccounted for
// (every physical data line is in an accepted or a quarantined record), 0
// engine messages without file and line, 0 quarantine rows without a reason.

import {readFileSync} from "node:fs";
import {join} from "node:path";
import {afterAll, afterEach, beforeEach, describe, expect, it} from "vitest";
import type {TableSource} from "../../src/config/schema.js";
import {openDuckDb, type Engine} from "../../loaders/engine/duckdb.js";
import {ExtractError, loadExtract, type ManifestEntry} from "../../loaders/extract/index.js";
import {malformedExtracts, type LoadOutcome, type MalformedCase} from "../support/malformedExtracts.js";
import {configWith, writeExtract} from "./corpus.js";

let engine: Engine;
beforeEach(async () => (engine = await openDuckDb({threads: 2})));
afterEach(() => engine.close());

interface QuarantineRow {
  table_name: string;
  line: number;
  last_line: number;
  reason: string;
  raw: string | null;
  raw_bytes: number | null;
}

// Text of DuckDB's own errors: never the whole message a bank reads.
const engineInternals = /Invalid Input Error|Conversion Error|Binder Error|Catalog Error|Parser Error|INTERNAL|state machine|strict_mode/;

const tally = {cases: 0, errors: 0, quarantines: 0, handled: 0, quarantineRows: 0, reconciledLines: 0};

describe("the malformed-extract corpus", () => {
  it.each(malformedExtracts.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const dir = writeExtract(c.files);
    await c.prepare?.(dir);
    const base = configWith(c.tables);
    const config = {...base, extract: {...base.extract, ...c.extract}};
    let manifest: ManifestEntry[] | undefined;
    try {
      manifest = (await loadExtract(engine, {config, extractDir: dir})).manifest;
    } catch (error) {
      if (!("error" in c.expect)) throw error;
      expect(error).toBeInstanceOf(ExtractError);
      const e = error as ExtractError;
      expect({file: e.file, line: e.line}).toEqual({file: c.expect.error.file, line: c.expect.error.line});
      expect(e.message).toMatch(c.expect.error.message);
      expect(e.message.startsWith(`${e.file}${e.line === undefined ? "" : `:${e.line}`}: `)).toBe(true);
      expect(e.message).not.toMatch(engineInternals);
      expect(e.message).not.toContain("root:"); // nothing read from outside the extract is echoed
      expect(await engine.all("SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'x\\_%' ESCAPE '\\' OR table_name = 'quarantine'")).toEqual([]);
      tally.errors++;
      tally.cases++;
      return;
    }
    if ("error" in c.expect) throw new Error(`expected an error, got ${JSON.stringify(manifest)}`);
    await checkLoad(c, c.expect, {dir, manifest, tables: config.extract.tables});
    tally.cases++;
  }, 60_000);

  afterAll(() => {
    // The figures the corpus stands for; every case above already passed or failed on its own.
    console.log(`malformed corpus: ${tally.cases} cases, ${tally.errors} errors, ${tally.quarantines} quarantines, ${tally.handled} handled variants; ` +
      `${tally.quarantineRows} quarantine rows with reasons, ${tally.reconciledLines} physical lines reconciled`);
  });

  it("holds at least 60 cases, each with a stated outcome", () => {
    expect(malformedExtracts.length).toBeGreaterThanOrEqual(60);
    expect(new Set(malformedExtracts.map((c) => c.name)).size).toBe(malformedExtracts.length);
    // No silent accept: a case that quarantines nothing proves what it read, or counts a warning.
    const accepted = malformedExtracts.filter((c) => "quarantine" in c.expect && c.expect.quarantine.length === 0);
    for (const c of accepted) expect(Boolean((c.expect as LoadOutcome).verify || (c.expect as LoadOutcome).warnings), c.name).toBe(true);
  });
});

async function checkLoad(c: MalformedCase, expected: LoadOutcome, {dir, manifest, tables}: {dir: string; manifest: ManifestEntry[]; tables: Record<string, TableSource>}) {
  const rows = await engine.all<QuarantineRow>("SELECT table_name, line, last_line, reason, raw, raw_bytes FROM quarantine ORDER BY table_name, line");
  // Every quarantine row has a reason, and its raw text or, when too long to keep, its length.
  for (const r of rows) {
    expect(r.reason).toMatch(/\S/);
    expect(r.raw !== null || r.raw_bytes !== null).toBe(true);
  }
  expect(rows.map((r) => [r.table_name, r.line, r.reason])).toEqual(expected.quarantine.map(([table, line, reason]) => [table, line, reason]));
  expected.quarantine.forEach(([, , , more], i) => {
    if (more?.raw !== undefined) expect(rows[i].raw).toBe(more.raw);
    if (more?.rawBytes !== undefined) expect(rows[i].raw_bytes).toBe(more.rawBytes);
    expect(rows[i].last_line).toBe(more?.lastLine ?? rows[i].line);
  });
  const warnings = Object.fromEntries(manifest.filter((e) => e.warnings).map((e) => [e.table, e.warnings]));
  expect(warnings).toEqual(expected.warnings ?? {});
  if (expected.verify) expect(await engine.all(expected.verify.sql)).toEqual(expected.verify.rows);

  for (const entry of manifest) {
    expect(entry.read).toBe(entry.accepted + entry.quarantined);
    const source = tables[entry.table];
    if (source && "path" in source && !/\.(parquet|pq)$/.test(source.path)) {
      const mine = rows.filter((r) => r.table_name === entry.table);
      tally.reconciledLines += await reconcile(entry, source, {dir, quarantine: mine, continuation: expected.continuation?.[entry.table] ?? []});
    }
  }
  tally.quarantineRows += rows.length;
  if (rows.length > 0) tally.quarantines++;
  else tally.handled++;
}

/**
 * Every physical line of the file is the header, a blank line, or in exactly
 * one record: a quarantined one (its line range) or an accepted one (whose
 * first field is among the accepted rows). Counted here from the bytes,
 * independently of the loader's own scan. Returns the lines reconciled.
 */
async function reconcile(entry: ManifestEntry, source: Extract<TableSource, {path: string}>, {dir, quarantine, continuation}: {dir: string; quarantine: QuarantineRow[]; continuation: number[]}): Promise<number> {
  const bytes = readFileSync(join(dir, source.path));
  const text = source.encoding && source.encoding !== "utf-8" ? new TextDecoder(source.encoding).decode(bytes) : bytes.toString("utf8");
  const pieces = text.split("\n");
  if (pieces.at(-1) === "") pieces.pop();
  expect(entry.lines).toBe(pieces.length);
  const blank = new Set(pieces.flatMap((p, i) => (p === "" || p === "\r" ? [i + 1] : [])));
  expect(entry.blankLines).toBe(blank.size);

  const header = source.header === false ? 0 : 1;
  const claimed = new Set<number>();
  for (const q of quarantine) {
    expect(q.line).toBeGreaterThan(header);
    expect(q.last_line).toBeLessThanOrEqual(pieces.length);
    for (let line = q.line; line <= q.last_line; line++) {
      expect(claimed.has(line) || blank.has(line), `line ${line} claimed twice`).toBe(false);
      claimed.add(line);
    }
  }
  const acceptedLines: number[] = [];
  for (let line = header + 1; line <= pieces.length; line++) if (!claimed.has(line) && !blank.has(line) && !continuation.includes(line)) acceptedLines.push(line);
  expect(acceptedLines.length).toBe(entry.accepted);

  // Each of those lines starts an accepted record: its first field is among the accepted values.
  const delimiter = source.delimiter ?? ",";
  const firstField = (line: string) => line.replace(/^\uFEFF/, "").split(delimiter)[0].replace(/^"|"$/g, "").trim();
  const column = header ? firstField(pieces[0]) : undefined;
  if (column) {
    const values = new Set((await engine.all<Record<string, string>>(`SELECT DISTINCT "${column}" AS v FROM x_${entry.table}`)).map((r) => String(r.v)));
    for (const line of acceptedLines) expect(values.has(firstField(pieces[line - 1])), `line ${line} of ${source.path}`).toBe(true);
  }
  return pieces.length;
}
