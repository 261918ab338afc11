// Speed sanity on ~200k generated transactions (no timing assertion): bad rows
// sprinkled at known lines must come back with exactly those line numbers,
// also after a record the CSV reader rejects and a quoted field on two lines.

import {readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {afterEach, beforeEach, describe, expect, it} from "vitest";
import {openDuckDb, type Engine} from "../../loaders/engine/duckdb.js";
import {loadExtract, writeQuarantine} from "../../loaders/extract/index.js";
import {configWith, writeExtract} from "./corpus.js";

let engine: Engine;
beforeEach(async () => (engine = await openDuckDb({threads: 2})));
afterEach(() => engine.close());

const rowCount = 200_000;
const channels = ["counter", "atm", "mobile", "online", "pos"];
const clients = ["C001", "C002", "C003", "C004"];

function transactions() {
  const lines = ["txn_id,client_id,txn_date,amount,direction,channel,client_initiated"];
  const expected: [number, string][] = [];
  let seed = 20240101;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let i = 1; i <= rowCount; i++) {
    const line = lines.length + 1;
    const day = String(1 + (i % 28)).padStart(2, "0");
    let amount = (random() * 10000).toFixed(2);
    if (i % 10_007 === 0) (amount = "n/a"), expected.push([line, "not a number: amount"]);
    if (i === 123_456) {
      lines.push(`T${i},C001,2025-01-`); // too few fields, mid-file
      expected.push([line, "too few fields"]);
      continue;
    }
    lines.push(`T${i},${clients[i % 4]},2025-01-${day},${amount},${i % 3 ? "out" : "in"},${channels[i % 5]},${i % 7 ? 1 : 0}`);
  }
  return {text: lines.join("\n") + "\n", expected};
}

describe("loadExtract at scale", () => {
  it("validates 200k transactions and reports exact lines of the bad ones", async () => {
    const {text, expected} = transactions();
    const dir = writeExtract({"transactions.csv": text});
    const started = performance.now();
    const {manifest} = await loadExtract(engine, {config: configWith(), extractDir: dir});
    const seconds = (performance.now() - started) / 1000;
    console.log(`200k transactions loaded in ${seconds.toFixed(2)} s`);
    const t = manifest.find((e) => e.table === "transactions")!;
    expect([t.read, t.accepted, t.quarantined]).toEqual([rowCount, rowCount - expected.length, expected.length]);
    expect(t.reasons).toEqual({"not a number: amount": 19, "too few fields": 1});
    const lines = await engine.all<{line: number; reason: string}>("SELECT line, reason FROM quarantine ORDER BY line");
    expect(lines.map((l) => [l.line, l.reason])).toEqual(expected);

    const path = join(dir, "quarantine.csv");
    await writeQuarantine(engine, path);
    const written = readFileSync(path, "utf8");
    expect(written.startsWith("\uFEFFtable_name,source,line,column_name,reason,raw,last_line,raw_bytes\n")).toBe(true);
    expect(written.split("\n")[1]).toBe(`transactions,transactions.csv,${expected[0][0]},amount,not a number: amount,"T10007,C004,2025-01-12,n/a,out,mobile,1",${expected[0][0]},`);
  });
});

describe("a stray quote in a large file", () => {
  it.each([
    ["never closes", false, "unclosed quote"],
    ["pairs with a quoted field 1,000 lines down", true, "bad quoting"],
  ] as const)("that %s quarantines its one record and accepts the 199,999 others", async (_how, laterQuotes, reason) => {
    const lines = ["txn_id,client_id,txn_date,amount,direction,channel,client_initiated"];
    for (let i = 1; i <= rowCount; i++) {
      const amount = laterQuotes && i % 1000 === 0 ? `"${i}.50"` : `${i}.50`;
      lines.push(`T${i},${clients[i % 4]},2025-01-${String(1 + (i % 28)).padStart(2, "0")},${amount},out,${channels[i % 5]},1`);
    }
    lines[1] = 'T1,C001,2025-01-02,"1.50,out,atm,1'; // line 2: the stray quote
    const {manifest} = await loadExtract(engine, {config: configWith(), extractDir: writeExtract({"transactions.csv": lines.join("\n") + "\n"})});
    const t = manifest.find((e) => e.table === "transactions")!;
    expect(t).toEqual({table: "transactions", source: "transactions.csv", lines: rowCount + 1, blankLines: 0, read: rowCount, accepted: rowCount - 1, quarantined: 1, reasons: {[reason]: 1}});
    expect(await engine.all("SELECT line, last_line, reason, raw FROM quarantine")).toEqual([{line: 2, last_line: 2, reason, raw: lines[1]}]);
    expect(await engine.all("SELECT min(txn_id) AS first, count(*) AS n FROM x_transactions WHERE txn_id = 'T2' OR txn_id = 'T200000'")).toEqual([{first: "T2", n: 2}]);
  });
});

describe("many rejected rows", () => {
  it("quarantines 12,000 bad rows of 30,000 with their lines and raw text", async () => {
    // Past the few that are fetched by rowid: the raw text comes from a join.
    const lines = ["txn_id,client_id,txn_date,amount,direction,channel,client_initiated"];
    for (let i = 1; i <= 30_000; i++) lines.push(`T${i},C001,2025-01-03,${i % 5 < 2 ? `x${i}` : i},out,mobile,1`);
    const dir = writeExtract({"transactions.csv": lines.join("\n") + "\n"});
    const {manifest} = await loadExtract(engine, {config: configWith(), extractDir: dir});
    const t = manifest.find((e) => e.table === "transactions")!;
    expect([t.read, t.accepted, t.quarantined]).toEqual([30_000, 18_000, 12_000]);
    const rows = await engine.all<{line: number; raw: string}>("SELECT line, raw FROM quarantine WHERE table_name = 'transactions' ORDER BY line");
    expect(rows.length).toBe(12_000);
    expect(rows.every((r) => r.raw === lines[r.line - 1])).toBe(true);
    expect(rows.slice(0, 2)).toEqual([{line: 2, raw: "T1,C001,2025-01-03,x1,out,mobile,1"}, {line: 6, raw: "T5,C001,2025-01-03,x5,out,mobile,1"}]);
  });
});

describe("writeQuarantine", () => {
  it("orders by table then line and keeps Chinese text readable", async () => {
    const dir = writeExtract({
      "clients.csv": "client_id,client_type,name,branch_id,open_date\nC001,retail,张三,B01,2020-01-15\nC002,retail,李四,B01,2020-02-30\nC003,retail,王五,B01,2020-01-15\nC004,retail,赵六,B01,2020-01-15\n",
      "balances.csv": "client_id,month,product,avg_daily_balance,month_end_balance\nC001,2025-01,demand,-1,0\nC001,2025-01,time,1,1\n",
    });
    await loadExtract(engine, {config: configWith(), extractDir: dir});
    const path = join(dir, "out.csv");
    await writeQuarantine(engine, path);
    const rows = readFileSync(path, "utf8").replace(/^\uFEFF/, "").trim().split("\n");
    expect(rows).toEqual([
      "table_name,source,line,column_name,reason,raw,last_line,raw_bytes",
      "balances,balances.csv,2,avg_daily_balance,below minimum: avg_daily_balance,\"C001,2025-01,demand,-1,0\",2,",
      "clients,clients.csv,3,open_date,impossible date: open_date,\"C002,retail,李四,B01,2020-02-30\",3,",
      "transactions,transactions.csv,4,client_id,orphan: client_id not in clients,\"T0003,C002,2025-01-07,88.5,out,pos,Y\",4,",
    ]);
  });
});
