import {readFileSync} from "node:fs";
import {join} from "node:path";
import {afterEach, beforeEach, describe, expect, it} from "vitest";
import {openDuckDb, type Engine} from "../../loaders/engine/duckdb.js";
import {loadExtract, writeQuarantine, type ManifestEntry} from "../../loaders/extract/index.js";
import {configWith, writeExtract} from "./corpus.js";

let engine: Engine;
beforeEach(async () => (engine = await openDuckDb()));
afterEach(() => engine.close());

const byTable = (manifest: ManifestEntry[]) => Object.fromEntries(manifest.map((e) => [e.table, e]));

describe("loadExtract on a clean extract", () => {
  it("accepts every row of the four required tables and quarantines none", async () => {
    const steps: string[] = [];
    const {manifest} = await loadExtract(engine, {config: configWith(), extractDir: writeExtract(), onProgress: (_, p) => steps.push(`${p.table}:${p.step}`)});
    const m = byTable(manifest);
    expect([m.branches.accepted, m.clients.accepted, m.balances.accepted, m.transactions.accepted]).toEqual([2, 4, 5, 6]);
    expect(manifest.every((e) => e.quarantined === 0 && e.read === e.accepted)).toBe(true);
    expect(m.clients.source).toBe("clients.csv");
    // Balances are read first (their months set the as-of date), and done once clients are.
    expect(steps.slice(0, 8)).toEqual([
      "balances:reading", "balances:validating", "branches:reading", "branches:validating", "branches:done",
      "clients:reading", "clients:validating", "clients:done",
    ]);
    expect(steps[8]).toBe("balances:done");
    const messages: string[] = [];
    await loadExtract(engine, {config: configWith(), extractDir: writeExtract(), onProgress: (message) => messages.push(message)});
    expect(messages).toContain("extract: transactions read 6, accepted 6, quarantined 0");
    expect(await engine.all("SELECT count(*) AS n FROM quarantine")).toEqual([{n: 0}]);
  });

  it("types every column as the contract says", async () => {
    await loadExtract(engine, {config: configWith(), extractDir: writeExtract()});
    const types = await engine.all<{column_name: string; data_type: string}>(
      "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'x_transactions' ORDER BY ordinal_position"
    );
    expect(types.map((t) => `${t.column_name} ${t.data_type}`)).toEqual([
      "txn_id VARCHAR", "client_id VARCHAR", "txn_date DATE", "amount DOUBLE", "direction VARCHAR", "channel VARCHAR", "client_initiated BOOLEAN",
    ]);
    expect(await engine.all("SELECT txn_id, txn_date, amount, client_initiated FROM x_transactions ORDER BY txn_id")).toEqual([
      {txn_id: "T0001", txn_date: "2025-01-03", amount: 1200, client_initiated: true},
      {txn_id: "T0002", txn_date: "2025-01-05", amount: 50000, client_initiated: true},
      {txn_id: "T0003", txn_date: "2025-01-07", amount: 88.5, client_initiated: true},
      {txn_id: "T0004", txn_date: "2025-01-10", amount: 1000000, client_initiated: false},
      {txn_id: "T0005", txn_date: "2025-01-12", amount: 300, client_initiated: false},
      {txn_id: "T0006", txn_date: "2025-01-20", amount: 15.75, client_initiated: true},
    ]);
    expect(await engine.all("SELECT client_id, name, gender, birth_date, close_date, id_number FROM x_clients WHERE client_id = 'C003'")).toEqual([
      {client_id: "C003", name: "杭州某某科技有限公司", gender: null, birth_date: null, close_date: null, id_number: null},
    ]);
  });

  it("gives an optional table without a source an empty x_ table with the contract columns", async () => {
    const {manifest} = await loadExtract(engine, {config: configWith(), extractDir: writeExtract()});
    expect(byTable(manifest).campaign_members).toEqual({table: "campaign_members", source: "", read: 0, accepted: 0, quarantined: 0, reasons: {}});
    expect(byTable(manifest).transactions).toEqual({table: "transactions", source: "transactions.csv", lines: 7, blankLines: 0, read: 6, accepted: 6, quarantined: 0, reasons: {}});
    const columns = await engine.all<{column_name: string}>("SELECT column_name FROM information_schema.columns WHERE table_name = 'x_campaign_members' ORDER BY ordinal_position");
    expect(columns.map((c) => c.column_name)).toEqual(["campaign_id", "client_id", "group", "branch_id", "referrer_id", "list_name"]);
  });

  it("replaces the tables of an earlier load", async () => {
    await loadExtract(engine, {config: configWith(), extractDir: writeExtract()});
    await loadExtract(engine, {config: configWith(), extractDir: writeExtract()});
    expect(await engine.all("SELECT count(*) AS n FROM x_clients")).toEqual([{n: 4}]);
  });
});
