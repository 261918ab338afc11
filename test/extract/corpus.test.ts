// The malformed-extract corpus: each case breaks the small extract in one way
// and pins the documented error, or the quarantine with reconciled counts.

import {writeFileSync} from "node:fs";
import {join} from "node:path";
import {afterEach, beforeEach, describe, expect, it} from "vitest";
import type {TableSource} from "../../src/config/schema.js";
import {openDuckDb, type Engine} from "../../loaders/engine/duckdb.js";
import {ExtractError, loadExtract, type ManifestEntry} from "../../loaders/extract/index.js";
import {configWith, encodeGbk, files, withLine, withLines, writeExtract} from "./corpus.js";

let engine: Engine;
beforeEach(async () => (engine = await openDuckDb()));
afterEach(() => engine.close());

interface Quarantined {
  table_name: string;
  source: string;
  line: number;
  column_name: string | null;
  reason: string;
  raw: string;
}

async function load(changes: Record<string, string | Uint8Array | null>, tables: Record<string, TableSource | undefined> = {}) {
  const extractDir = writeExtract(changes);
  const {manifest} = await loadExtract(engine, {config: configWith(tables), extractDir});
  for (const e of manifest) expect(e.read).toBe(e.accepted + e.quarantined);
  const m = Object.fromEntries(manifest.map((e) => [e.table, e])) as Record<string, ManifestEntry>;
  const quarantine = await engine.all<Quarantined>("SELECT table_name, source, line, column_name, reason, raw FROM quarantine ORDER BY table_name, line");
  return {m, quarantine, extractDir};
}

async function failure(changes: Record<string, string | Uint8Array | null>, tables: Record<string, TableSource | undefined> = {}): Promise<ExtractError> {
  const extractDir = writeExtract(changes);
  try {
    await loadExtract(engine, {config: configWith(tables), extractDir});
  } catch (error) {
    expect(error).toBeInstanceOf(ExtractError);
    // Nothing half-written: the failed load leaves no tables behind.
    expect(await engine.all("SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'x\\_%' ESCAPE '\\' OR table_name = 'quarantine'")).toEqual([]);
    return error as ExtractError;
  }
  throw new Error("expected an ExtractError");
}

const counts = (e: ManifestEntry) => [e.read, e.accepted, e.quarantined];

describe("fatal errors", () => {
  it("a wrong delimiter names the columns found and asks whether it is ';'", async () => {
    const error = await failure({"clients.csv": files["clients.csv"].replaceAll(",", ";")});
    expect(error.file).toBe("clients.csv");
    expect(error.message).toMatch(/^clients\.csv:1: missing required columns client_id, client_type, branch_id, open_date; found 1 column: /);
    expect(error.message).toContain("is the delimiter ';'?");
  });

  it("a tab-separated file read as comma-separated asks whether it is '\\t'", async () => {
    const error = await failure({"branches.csv": files["branches.csv"].replaceAll(",", "\t")});
    expect(error.message).toContain("is the delimiter '\\t'?");
  });

  it("a GBK file not declared as such names the first bad line and suggests encoding: gbk", async () => {
    const error = await failure({"clients.csv": encodeGbk(files["clients.csv"])});
    expect(error.file).toBe("clients.csv");
    expect(error.line).toBe(2);
    expect(error.message).toMatch(/^clients\.csv:2: not valid UTF-8 at byte offset \d+; if the file is GBK, set `encoding: gbk` for table clients$/);
  });

  it("GBK bytes far down a UTF-8 file are still caught, with their line", async () => {
    const many = Array.from({length: 3000}, (_, i) => `T${9000 + i},C001,2025-01-03,1,out,mobile,1`);
    const text = withLines(files["transactions.csv"], ...many);
    const bytes = Buffer.concat([Buffer.from(text), Buffer.from(encodeGbk("T8999,C001,2025-01-03,1,out,柜面,1\n"))]);
    const error = await failure({"transactions.csv": bytes});
    expect(error.line).toBe(3008);
    expect(error.message).toContain("set `encoding: gbk`");
  });

  it("a missing required column is named", async () => {
    const clients = files["clients.csv"].split("\n").map((l) => l.split(",").filter((_, i) => i !== 4).join(",")).join("\n");
    const error = await failure({"clients.csv": clients});
    expect(error.message).toBe('clients.csv:1: missing required column open_date; found 6 columns: "client_id", "client_type", "name", "branch_id", "gender", "birth_date"');
    expect(error.column).toBe("open_date");
  });

  it("an empty file stops the run", async () => {
    const error = await failure({"balances.csv": ""});
    expect(error.message).toBe("balances.csv: empty file (no header)");
  });

  it("a missing file stops the run and says where it looked", async () => {
    const error = await failure({"transactions.csv": null});
    expect(error.file).toBe("transactions.csv");
    expect(error.message).toMatch(/^transactions\.csv: missing file \(looked for .*transactions\.csv\)/);
  });

  it("a required table without a source stops the run", async () => {
    const error = await failure({}, {balances: undefined});
    expect(error.message).toBe("extract.tables.balances: missing source for required table balances");
  });

  it("an unreadable Parquet file stops the run", async () => {
    const error = await failure({"transactions.parquet": "this is not parquet"}, {transactions: {path: "transactions.parquet"}});
    expect(error.message).toMatch(/^transactions\.parquet: unreadable Parquet: /);
  });

  it("a failing SQL source stops the run", async () => {
    const error = await failure({}, {transactions: {sql: "SELECT * FROM read_csv('{dir}/nowhere.csv')"}});
    expect(error.file).toBe("sql");
    expect(error.message).toMatch(/^sql: SQL source for transactions failed: /);
  });

  it("a failure in a later table rolls back the tables already loaded", async () => {
    await loadExtract(engine, {config: configWith(), extractDir: writeExtract()});
    await expect(loadExtract(engine, {config: configWith(), extractDir: writeExtract({"transactions.csv": ""})})).rejects.toThrow("empty file");
    // The earlier, complete load is still there.
    expect(await engine.all("SELECT count(*) AS n FROM x_transactions")).toEqual([{n: 6}]);
  });
});

describe("encodings", () => {
  it("a GBK file declared as gbk loads with its Chinese names intact", async () => {
    const {m} = await load({"clients.csv": encodeGbk(files["clients.csv"])}, {clients: {path: "clients.csv", encoding: "gbk"}});
    expect(counts(m.clients)).toEqual([4, 4, 0]);
    expect(await engine.all("SELECT name FROM x_clients ORDER BY client_id")).toEqual([{name: "张三"}, {name: "李四"}, {name: "杭州某某科技有限公司"}, {name: "王五"}]);
  });

  it("a large GBK file is transcoded across chunk boundaries", async () => {
    const rows = Array.from({length: 20000}, (_, i) => `B${String(i + 10).padStart(5, "0")},第${i}城东支行,杭州分行,华东`);
    const {m} = await load({"branches.csv": encodeGbk(withLines(files["branches.csv"], ...rows))}, {branches: {path: "branches.csv", encoding: "gb18030"}});
    expect(counts(m.branches)).toEqual([20002, 20002, 0]);
    expect(await engine.all("SELECT count(*) AS n FROM x_branches WHERE branch_name LIKE '第%城东支行' AND region = '华东'")).toEqual([{n: 20000}]);
  });

  it("a UTF-8 BOM is stripped and the header still matches", async () => {
    const {m} = await load({"clients.csv": `\uFEFF${files["clients.csv"]}`});
    expect(counts(m.clients)).toEqual([4, 4, 0]);
  });

  it("Windows line endings load", async () => {
    const {m} = await load({"transactions.csv": files["transactions.csv"].replaceAll("\n", "\r\n")});
    expect(counts(m.transactions)).toEqual([6, 6, 0]);
    expect(await engine.all("SELECT client_initiated FROM x_transactions WHERE txn_id = 'T0006'")).toEqual([{client_initiated: true}]);
  });
});

describe("quarantined rows", () => {
  it("duplicate ids keep the first by line and quarantine the later ones", async () => {
    const {m, quarantine} = await load({"transactions.csv": withLines(files["transactions.csv"], "T0002,C002,2025-01-06,1,out,atm,1", "T0002,C003,2025-01-07,2,out,atm,1")});
    expect(counts(m.transactions)).toEqual([8, 6, 2]);
    expect(m.transactions.reasons).toEqual({"duplicate key": 2});
    expect(quarantine.map((q) => [q.line, q.column_name, q.reason, q.raw])).toEqual([
      [8, "txn_id", "duplicate key", "T0002,C002,2025-01-06,1,out,atm,1"],
      [9, "txn_id", "duplicate key", "T0002,C003,2025-01-07,2,out,atm,1"],
    ]);
    expect(await engine.all("SELECT client_id FROM x_transactions WHERE txn_id = 'T0002'")).toEqual([{client_id: "C001"}]);
  });

  it("a copy rejected for another reason does not count: the first standing copy wins", async () => {
    // T0007 first as an orphan and with a bad amount, then twice valid; T0001's copy is invalid too.
    const {m, quarantine} = await load({
      "transactions.csv": withLines(files["transactions.csv"], "T0007,C999,2025-01-21,10,in,online,1", "T0007,C001,2025-01-21,x,in,online,1", "T0007,C002,2025-01-22,11,in,online,1", "T0007,C003,2025-01-23,12,in,online,1", "T0001,C001,2025-01-24,n/a,out,mobile,1"),
    });
    expect(counts(m.transactions)).toEqual([11, 7, 4]);
    expect(quarantine.map((q) => [q.line, q.reason])).toEqual([
      [8, "orphan: client_id not in clients"],
      [9, "not a number: amount"],
      [11, "duplicate key"],
      [12, "not a number: amount"],
    ]);
    expect(await engine.all("SELECT client_id FROM x_transactions WHERE txn_id = 'T0007'")).toEqual([{client_id: "C002"}]);
  });

  it("a composite key repeats only when every key column matches", async () => {
    const {m} = await load({"balances.csv": withLines(files["balances.csv"], "C001,2025-01,demand,1,1", "C001,2025-02,demand,1,1")});
    expect(counts(m.balances)).toEqual([7, 6, 1]);
    expect(m.balances.reasons).toEqual({"duplicate key": 1});
  });

  it("orphans are checked against the parents' accepted rows, so they cascade", async () => {
    const {m, quarantine} = await load({
      "clients.csv": withLine(files["clients.csv"], 5, "C004,retail,王五,B99,2022-06-18,M,1975-12-31"),
      "transactions.csv": withLines(files["transactions.csv"], "T0007,C999,2025-01-21,10,in,online,1"),
    });
    expect(counts(m.clients)).toEqual([4, 3, 1]);
    expect(m.clients.reasons).toEqual({"orphan: branch_id not in branches": 1});
    expect(counts(m.balances)).toEqual([5, 4, 1]);
    expect(counts(m.transactions)).toEqual([7, 4, 3]);
    expect(m.transactions.reasons).toEqual({"orphan: client_id not in clients": 3});
    expect(quarantine.filter((q) => q.table_name === "transactions").map((q) => q.line)).toEqual([6, 7, 8]);
    expect(quarantine[0]).toMatchObject({table_name: "balances", line: 6, column_name: "client_id"});
  });

  it("non-numeric amounts", async () => {
    const {m, quarantine} = await load({"transactions.csv": withLines(files["transactions.csv"], "T0007,C001,2025-01-21,12,5,in,online,1", "T0008,C001,2025-01-21,abc,in,online,1", "T0009,C001,2025-01-21,1 000,in,online,1", "T0010,C001,2025-01-21,0x1F,in,online,1")});
    expect(counts(m.transactions)).toEqual([10, 6, 4]);
    expect(m.transactions.reasons).toEqual({"not a number: amount": 3, "too many fields": 1});
    expect(quarantine.map((q) => [q.line, q.reason])).toEqual([[8, "too many fields"], [9, "not a number: amount"], [10, "not a number: amount"], [11, "not a number: amount"]]);
  });

  it("impossible dates fail parsing; other text is not a date", async () => {
    const {m, quarantine} = await load({"transactions.csv": withLines(files["transactions.csv"], "T0007,C001,2025-02-30,1,in,online,1", "T0008,C001,2025-13-01,1,in,online,1", "T0009,C001,yesterday,1,in,online,1")});
    expect(counts(m.transactions)).toEqual([9, 6, 3]);
    expect(m.transactions.reasons).toEqual({"impossible date: txn_date": 2, "not a date: txn_date": 1});
    expect(quarantine.map((q) => q.line)).toEqual([8, 9, 10]);
  });

  it("a truncated last line is quarantined as too few fields, counted as read", async () => {
    const {m, quarantine} = await load({"transactions.csv": files["transactions.csv"] + "T0007,C001,2025-0"});
    expect(counts(m.transactions)).toEqual([7, 6, 1]);
    expect(quarantine).toEqual([{table_name: "transactions", source: "transactions.csv", line: 8, column_name: null, reason: "too few fields", raw: "T0007,C001,2025-0"}]);
  });

  it("line numbers stay right after records the CSV reader rejected", async () => {
    const text = withLine(withLine(files["transactions.csv"], 3, "T0002,C001"), 5, "T0004,C003,2025-01-10,1000000,in,online,0,extra");
    const {m, quarantine} = await load({"transactions.csv": withLines(text, "T0007,C001,2025-01-21,-5,in,online,1")});
    expect(counts(m.transactions)).toEqual([7, 4, 3]);
    expect(quarantine.map((q) => [q.line, q.reason])).toEqual([[3, "too few fields"], [5, "too many fields"], [8, "below minimum: amount"]]);
  });

  it("enum violations", async () => {
    const {m, quarantine} = await load({"transactions.csv": withLines(files["transactions.csv"], "T0007,C001,2025-01-21,10,in,wechat,1", "T0008,C001,2025-01-21,10,IN,online,1")});
    expect(counts(m.transactions)).toEqual([8, 6, 2]);
    expect(m.transactions.reasons).toEqual({"not an allowed value: channel": 1, "not an allowed value: direction": 1});
    expect(quarantine.map((q) => q.column_name)).toEqual(["channel", "direction"]);
  });

  it("a negative balance is below the minimum", async () => {
    const {m, quarantine} = await load({"balances.csv": withLines(files["balances.csv"], "C002,2025-01,time,-100,0")});
    expect(counts(m.balances)).toEqual([6, 5, 1]);
    expect(quarantine).toEqual([{table_name: "balances", source: "balances.csv", line: 7, column_name: "avg_daily_balance", reason: "below minimum: avg_daily_balance", raw: "C002,2025-01,time,-100,0"}]);
  });

  it("missing required values, months, booleans and integers", async () => {
    const {m} = await load({
      "transactions.csv": withLines(files["transactions.csv"], " ,C001,2025-01-21,10,in,online,1", "T0008,C001,2025-01-21,10,in,online,maybe"),
      "balances.csv": withLines(files["balances.csv"], "C002,2025-13,time,1,0", "C002,2025/02,time,1,0"),
    });
    expect(m.transactions.reasons).toEqual({"missing required: txn_id": 1, "not a boolean: client_initiated": 1});
    expect(m.balances.reasons).toEqual({"not a month: month": 2});
  });

  it("a row with several problems is quarantined once, with its first reason", async () => {
    const {m, quarantine} = await load({"transactions.csv": withLines(files["transactions.csv"], "T0007,C999,2025-02-30,abc,sideways,fax,maybe")});
    expect(counts(m.transactions)).toEqual([7, 6, 1]);
    expect(quarantine.map((q) => q.reason)).toEqual(["impossible date: txn_date"]);
  });

  it("trims whitespace (full-width spaces too) and treats empty as missing", async () => {
    const {m} = await load({"transactions.csv": withLines(files["transactions.csv"], "  T0007 , C001 ,2025-01-21,\u3000 10 ,in,online,1", "T0008,C001,2025-01-21,,in,online,1")});
    expect(counts(m.transactions)).toEqual([8, 7, 1]);
    expect(m.transactions.reasons).toEqual({"missing required: amount": 1});
    expect(await engine.all("SELECT client_id, amount FROM x_transactions WHERE txn_id = 'T0007'")).toEqual([{client_id: "C001", amount: 10}]);
  });
});

describe("accepted formats", () => {
  it("a header-only file is 0 rows, and fine: the bank has none", async () => {
    const {m} = await load({"transactions.csv": "txn_id,client_id,txn_date,amount,direction,channel,client_initiated\n"});
    expect(counts(m.transactions)).toEqual([0, 0, 0]);
  });

  it("a column mapping renames the bank's column names", async () => {
    const clients = files["clients.csv"].replace("client_id,client_type,name,branch_id,open_date", "客户号,客户类型,客户名称,支行号,开户日期");
    const {m} = await load({"clients.csv": clients}, {clients: {path: "clients.csv", columns: {client_id: "客户号", client_type: "客户类型", name: "客户名称", branch_id: "支行号", open_date: "开户日期"}}});
    expect(counts(m.clients)).toEqual([4, 4, 0]);
    expect(await engine.all("SELECT client_id, name FROM x_clients WHERE client_id = 'C001'")).toEqual([{client_id: "C001", name: "张三"}]);
  });

  it("a missing mapped column names both the contract and the file column", async () => {
    const error = await failure({}, {clients: {path: "clients.csv", columns: {client_id: "客户号"}}});
    expect(error.message).toMatch(/^clients\.csv:1: missing required column client_id \(as 客户号\); found 7 columns/);
  });

  it("upper-case header names match", async () => {
    const {m} = await load({"branches.csv": files["branches.csv"].replace("branch_id,branch_name,parent_branch,region", "BRANCH_ID,BRANCH_NAME,PARENT_BRANCH,REGION")});
    expect(counts(m.branches)).toEqual([2, 2, 0]);
  });

  it("semicolons, decimal commas, day-first dates and quoted fields", async () => {
    const text = `txn_id;client_id;txn_date;amount;direction;channel;client_initiated
T0001;C001;03/01/2025;1200,50;out;mobile;1
"T0002";"C001";"05/01/2025";"50000";in;counter;1
T0003;C002;31/02/2025;1;out;pos;1
T0004;C002;07/01/2025;1.5;out;pos;1
`;
    const {m, quarantine} = await load({"transactions.csv": text}, {transactions: {path: "transactions.csv", delimiter: ";", decimalSeparator: ",", dateFormat: "%d/%m/%Y"}});
    expect(counts(m.transactions)).toEqual([4, 2, 2]);
    expect(quarantine.map((q) => [q.line, q.reason])).toEqual([[4, "impossible date: txn_date"], [5, "not a number: amount"]]);
    expect(await engine.all("SELECT txn_date, amount FROM x_transactions ORDER BY txn_id")).toEqual([{txn_date: "2025-01-03", amount: 1200.5}, {txn_date: "2025-01-05", amount: 50000}]);
  });

  it("quote: '' reads quote characters as text", async () => {
    const {m} = await load({"branches.csv": withLines(files["branches.csv"], 'B03,"城北支行,杭州分行,华东')}, {branches: {path: "branches.csv", quote: ""}});
    expect(counts(m.branches)).toEqual([3, 3, 0]);
    expect(await engine.all("SELECT branch_name FROM x_branches WHERE branch_id = 'B03'")).toEqual([{branch_name: '"城北支行'}]);
  });

  it("a file without a header takes the contract columns in order", async () => {
    const noHeader = files["branches.csv"].split("\n").slice(1).join("\n");
    const {m} = await load({"branches.csv": noHeader}, {branches: {path: "branches.csv", header: false}});
    expect(counts(m.branches)).toEqual([2, 2, 0]);
    expect(await engine.all("SELECT branch_id, region FROM x_branches ORDER BY 1")).toEqual([{branch_id: "B01", region: "华东"}, {branch_id: "B02", region: "华东"}]);
  });

  it("a Parquet source is validated like a CSV, numbered from row 1", async () => {
    const dir = writeExtract();
    const staging = await openDuckDb();
    await staging.run(`COPY (SELECT * FROM (VALUES
      ('T0001', 'C001', DATE '2025-01-03', 1200.0, 'out', 'mobile', true),
      ('T0002', 'C002', DATE '2025-01-04', -3.0, 'in', 'atm', false),
      ('T0003', 'C999', DATE '2025-01-05', 7.0, 'in', 'atm', false)
    ) t(txn_id, client_id, txn_date, amount, direction, channel, client_initiated)) TO '${join(dir, "transactions.parquet")}' (FORMAT parquet)`);
    staging.close();
    const {manifest} = await loadExtract(engine, {config: configWith({transactions: {path: "transactions.parquet"}}), extractDir: dir});
    const t = manifest.find((e) => e.table === "transactions")!;
    expect(t).toEqual({table: "transactions", source: "transactions.parquet", read: 3, accepted: 1, quarantined: 2, reasons: {"below minimum: amount": 1, "orphan: client_id not in clients": 1}});
    expect(await engine.all("SELECT line, reason, raw FROM quarantine ORDER BY line")).toEqual([
      {line: 2, reason: "below minimum: amount", raw: "T0002,C002,2025-01-04,-3.0,in,atm,false"},
      {line: 3, reason: "orphan: client_id not in clients", raw: "T0003,C999,2025-01-05,7.0,in,atm,false"},
    ]);
    expect(await engine.all("SELECT txn_date, client_initiated FROM x_transactions")).toEqual([{txn_date: "2025-01-03", client_initiated: true}]);
  });

  it("a duplicate after a quoted field spanning lines gets its own line and fields as raw text", async () => {
    // Physical lines are not records here, so the raw text of a row found bad
    // after the scan comes from parsing the CSV again, not from the line; its
    // line is the physical one (the record before spans lines 8 and 9).
    const {m, quarantine} = await load({
      "transactions.csv": withLines(files["transactions.csv"], '"T00\n08",C001,2025-01-06,5,out,atm,1', "T0001,C002,2025-01-06,1,out,atm,1"),
    });
    expect(counts(m.transactions)).toEqual([8, 7, 1]);
    expect(quarantine.map((q) => [q.table_name, q.line, q.reason, q.raw])).toEqual([["transactions", 10, "duplicate key", "T0001,C002,2025-01-06,1,out,atm,1"]]);
  });

  it("a SQL source reads raw files under {dir} and maps their columns", async () => {
    const raw = `流水号|客户号|交易日|金额|方向|渠道|主动\nT0001|C001|20250103|10|out|mobile|是\nT0002|C002|20250230|20|in|atm|否\n`;
    const sql = `SELECT 流水号 AS txn_id, 客户号 AS client_id, strftime(TRY_STRPTIME(交易日, '%Y%m%d'), '%Y-%m-%d') AS txn_date, 金额 AS amount, 方向 AS direction, 渠道 AS channel, 主动 AS client_initiated
      FROM read_csv('{dir}/txn_raw.txt', delim = '|', header = true, all_varchar = true)`;
    const {m} = await load({"txn_raw.txt": raw}, {transactions: {sql}});
    expect(m.transactions).toEqual({table: "transactions", source: "sql", read: 2, accepted: 1, quarantined: 1, reasons: {"missing required: txn_date": 1}});
  });

  it("optional tables load in dependency order: campaigns before campaign_members", async () => {
    const campaigns = `campaign_id,name,kind,start_date,end_date,budget\nK1,春季转介绍,referral,2025-03-01,2025-05-31,100000\n`;
    const members = `campaign_id,client_id,group,branch_id,referrer_id\nK1,C001,treatment,B01,C002\nK1,C002,control,B02,\nK2,C003,treatment,B01,\nK1,C004,treatment,B01,C999\n`;
    const {m} = await load({"campaigns.csv": campaigns, "members.csv": members}, {campaigns: {path: "campaigns.csv"}, campaign_members: {path: "members.csv"}});
    expect(counts(m.campaigns)).toEqual([1, 1, 0]);
    expect(counts(m.campaign_members)).toEqual([4, 2, 2]);
    expect(m.campaign_members.reasons).toEqual({"orphan: campaign_id not in campaigns": 1, "orphan: referrer_id not in clients": 1});
  });

  it("an unknown table in the configuration stops the run", async () => {
    await expect(failure({}, {accounts: {path: "accounts.csv"}})).resolves.toMatchObject({message: "extract.tables.accounts: invalid table: accounts is not in the extract contract"});
  });
});
